import { Command } from 'commander';
import type { PortfolioHaltView } from '../../../shared/application/risk/tradingHalts';
import { formatDateTime } from '../../../shared/format/Format';
import { haltWords } from '../../../shared/format/RiskEventWords';
import type { CliContext } from '../CliContext';
import { alignTable } from '../textTable';
import { id, reason, valueOption } from '../values';
import { commonOptions, usableDir, value, withDatabase, type Common } from './settings';

const STATE_WORDS: Record<PortfolioHaltView['state'], string> = {
  halted: 'halted (circuit breaker)',
  noBuys: 'no new buys today (daily loss stop)',
  trading: 'trading',
};

/**
 * `vb halts` (SPEC 9, issue 17): each portfolio's trading state under the risk manager, and
 * `--resume <portfolio>` to resume one the max-drawdown circuit breaker halted (a `TradingResumed`
 * event), like `vb dead-letters --requeue`. On the data folder's database: a running app or daemon
 * holds it, and the resume is done on the Dashboard then.
 */
export function haltsCommand(ctx: CliContext): Command {
  const command = commonOptions(
    new Command('halts')
      .description(
        'portfolios the risk manager halted (circuit breaker) or limited (daily loss stop); resume one',
      )
      .addOption(
        valueOption(
          '--resume <portfolio>',
          'resume this halted portfolio (its id, as listed)',
          id('--resume', 'vb halts'),
        ),
      )
      .addOption(valueOption('--why <text>', 'why (kept in the event log)', reason('--why')))
      .addHelpText(
        'after',
        `
The daily loss stop lapses by itself at the next session; only the circuit breaker's halt is resumed.
A running app or daemon holds the database: resume on the Dashboard then.`,
      ),
  );
  return command.action(async (opts: Common & { resume?: string; why?: string }) => {
    usableDir(opts);
    await withDatabase(opts, (db) => {
      if (opts.resume !== undefined) {
        const resumed = value(
          db.halts.resume({ portfolioId: opts.resume, by: 'user (cli)', why: opts.why ?? null }),
        );
        ctx.io.err(`resumed ${opts.resume} at ${formatDateTime(resumed.ts)}\n`);
      }
      const list = db.halts.list();
      if (opts.json === true) {
        ctx.io.out(
          `${JSON.stringify(
            list.map((h) => ({
              portfolioId: h.portfolioId,
              name: h.name,
              state: h.state,
              reason: h.halt?.reason ?? null,
              since: h.halt?.ts ?? null,
              equityCents: h.halt?.equityCents ?? null,
              referenceCents: h.halt?.referenceCents ?? null,
              limitPct: h.halt?.limitPct ?? null,
            })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      if (list.length === 0) {
        ctx.io.out('No portfolio yet.\n');
        return;
      }
      ctx.io.out(
        `${alignTable(
          [
            ['Portfolio', 'Id', 'State', 'Since', 'Why'],
            ...list.map((h) => [
              h.name,
              h.portfolioId,
              STATE_WORDS[h.state],
              h.halt === null ? '—' : formatDateTime(h.halt.ts),
              h.halt === null ? '—' : haltWords(h.halt),
            ]),
          ],
          ['left', 'left', 'left', 'left', 'left'],
        ).trimEnd()}\n`,
      );
    });
  });
}

export function registerHalts(program: Command, ctx: CliContext): void {
  program.addCommand(haltsCommand(ctx));
}
