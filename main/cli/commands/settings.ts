import path from 'node:path';
import { Command, Option } from 'commander';
import type { Result } from '../../../shared/application/ledger/Result';
import type { TradingSettingsView } from '../../../shared/application/settings/tradingSettings';
import type { CommissionRate } from '../../../shared/domain/Commission';
import {
  formatBps,
  formatDateTime,
  formatMoney,
  formatPercentSetting,
  formatPrice,
  formatShares,
} from '../../../shared/format/Format';
import { checkDataDir } from '../../composition/dataDir';
import type { ProviderChoice } from '../../composition/marketDataChoice';
import type { CliContext } from '../CliContext';
import { BadInput } from '../exitCodes';
import { dataDirOption } from './daemon';
import type { SettingsDatabase } from '../settingsDatabase';
import { alignTable } from '../textTable';

const textTable = (header: string[], rows: string[][]): string =>
  alignTable(
    [header, ...rows],
    header.map(() => 'left' as const),
  ).trimEnd();
import { choice, date, dollars, fraction, id, number, reason, symbol, valueOption } from '../values';

/**
 * `vb settings`, `vb dead-letters`, `vb dividend` (issue 15 "every setting reachable", ADRs 0085–0088):
 * the settings of Settings › Trading, the dead-letter queue and dividends by hand, on the data folder's
 * database, through the same use cases as the app (each change one transaction with its events). Bad
 * values are refused before anything opens (exit 2, in the user's units); `--json` prints only JSON.
 * The bounds below are those of shared/domain/InputLimits, written out so `vb --help` does not load zod;
 * the use cases check every value against the limits again.
 */

export interface Common {
  dataDir: string;
  provider?: ProviderChoice;
  json?: boolean;
}

export function commonOptions(command: Command): Command {
  return command
    .addOption(dataDirOption())
    .addOption(
      valueOption(
        '--provider <name>',
        'which database: replay (the demo, demo.db) or yahoo (live); default: the saved setting',
        choice<ProviderChoice>('--provider', ['replay', 'yahoo']),
      ).env('VB_PROVIDER'),
    )
    .addOption(new Option('--json', 'print only JSON on stdout'));
}

/** The data folder first: a bad one is named before any other problem (and nothing is opened). */
export function usableDir(opts: Common): string {
  const usable = checkDataDir(opts.dataDir);
  if (!usable.ok) throw new BadInput(`--data-dir: ${usable.message}`);
  return usable.dir;
}

export async function withDatabase<T>(
  opts: Common,
  run: (db: SettingsDatabase) => Promise<T> | T,
): Promise<T> {
  const usable = { dir: usableDir(opts) };
  const [{ openSettingsDatabase }, { JsonPreferencesStore }] = await Promise.all([
    import('../settingsDatabase'),
    import('../../ipc/headless/JsonPreferencesStore'),
  ]);
  const saved = new JsonPreferencesStore(path.join(usable.dir, 'preferences.json')).get().provider;
  const provider: ProviderChoice = opts.provider ?? (saved === 'yahoo' ? 'yahoo' : 'replay');
  const db = await openSettingsDatabase(usable.dir, provider);
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

/** A refused change: exit 2 with the use case's sentence (in the user's units); nothing was written. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new BadInput(result.message);
  return result.value;
}

const rateText = (r: CommissionRate | null): string =>
  r === null
    ? '—'
    : `${formatPercentSetting(r.rate)}${r.minimumCents > 0 ? `, at least ${formatMoney(r.minimumCents)} an order` : ''}`;

function settingsText(view: TradingSettingsView): string {
  const c = view.commission;
  const rows: string[][] = [
    [
      'Commission (every account)',
      c.global ? rateText(c.global) : `${rateText(c.builtInDefault)} (built-in default)`,
    ],
    ['Commission (this account)', c.tenant ? rateText(c.tenant) : 'the global rate'],
    ...c.symbols.map((r) => [`Commission (${String(r.symbol)})`, rateText(r)]),
    [
      'Paper slippage',
      `${formatBps(view.paper.paperSlippageBps)}${view.paper.isDefault ? ' (default)' : ''}`,
    ],
    ...view.portfolios.map((p) => [
      `Portfolio ${p.name}`,
      `price policy ${p.pricePolicy}, dividend withholding ${formatPercentSetting(p.dividendWithholdingPct)}`,
    ]),
  ];
  return textTable(['Setting', 'Value'], rows);
}

function settingsJson(view: TradingSettingsView) {
  return {
    commission: view.commission,
    paperSlippageBps: view.paper.paperSlippageBps,
    paperSlippageIsDefault: view.paper.isDefault,
    portfolios: view.portfolios,
  };
}

interface SetFlags extends Common {
  commissionRate?: number;
  commissionMinimum?: number;
  level: 'global' | 'account' | 'symbol';
  symbol?: string;
  slippageBps?: number;
  pricePolicy?: 'MID' | 'LAST' | 'BID' | 'ASK';
  withholding?: number;
}

export function settingsCommand(ctx: CliContext): Command {
  const command = new Command('settings').description(
    'show or change the trading settings: commission rates, paper slippage, price policy, dividend withholding',
  );
  const print = (opts: Common, view: TradingSettingsView): void =>
    ctx.io.out(
      opts.json === true ? `${JSON.stringify(settingsJson(view), null, 2)}\n` : `${settingsText(view)}\n`,
    );

  command.addCommand(
    commonOptions(new Command('show').description('print every trading setting')).action(
      async (opts: Common) => {
        await withDatabase(opts, (db) => print(opts, db.settings.trading()));
      },
    ),
  );

  command.addCommand(
    commonOptions(
      new Command('set')
        .description('change trading settings; each change is recorded in the event log (ConfigChanged)')
        .addOption(
          valueOption(
            '--commission-rate <rate>',
            'commission as a fraction of the notional (0.0001) or a percent (0.01%), at --level',
            fraction('--commission-rate', { min: 0, max: 0.1 }),
          ),
        )
        .addOption(
          valueOption(
            '--commission-minimum <dollars>',
            'minimum commission per order, in dollars (with --commission-rate)',
            dollars('--commission-minimum', { min: 0, max: 1_000_000_000 }),
          ),
        )
        .addOption(
          valueOption(
            '--level <level>',
            'which commission rate: global (every account), account (this one) or symbol (with --symbol)',
            choice('--level', ['global', 'account', 'symbol'] as const),
            { value: 'global' as const, text: 'global' },
          ),
        )
        .addOption(valueOption('--symbol <symbol>', 'the symbol of a per-symbol rate', symbol('--symbol')))
        .addOption(
          valueOption(
            '--slippage-bps <bps>',
            'paper broker slippage in basis points (buys above the ask, sells below the bid)',
            number('--slippage-bps', { min: 0, max: 1000 }),
          ),
        )
        .addOption(
          valueOption(
            '--price-policy <policy>',
            'price the trigger uses, for every portfolio: MID, LAST, BID or ASK',
            choice('--price-policy', ['MID', 'LAST', 'BID', 'ASK'] as const),
          ),
        )
        .addOption(
          valueOption(
            '--withholding <rate>',
            'default dividend withholding of every portfolio (0.15 or 15%)',
            fraction('--withholding'),
          ),
        )
        .addHelpText(
          'after',
          `
Examples:
  settings set --commission-rate 0.02% --commission-minimum 1
  settings set --level symbol --symbol KO --commission-rate 0.05%
  settings set --slippage-bps 2 --price-policy LAST --withholding 15%`,
        ),
    ).action(async (opts: SetFlags) => {
      usableDir(opts);
      const commission = opts.commissionRate !== undefined;
      if (opts.commissionMinimum !== undefined && !commission)
        throw new BadInput('--commission-minimum goes with --commission-rate (give both)');
      if (opts.level === 'symbol' && commission && opts.symbol === undefined)
        throw new BadInput('--level symbol needs --symbol, e.g. --symbol KO');
      if (opts.symbol !== undefined && opts.level !== 'symbol')
        throw new BadInput('--symbol goes with --level symbol');
      if (
        !commission &&
        opts.slippageBps === undefined &&
        opts.pricePolicy === undefined &&
        opts.withholding === undefined
      )
        throw new BadInput(
          'nothing to change: give --commission-rate, --slippage-bps, --price-policy or --withholding (settings set --help)',
        );
      await withDatabase(opts, (db) => {
        if (commission) {
          value(
            db.settings.setCommissionRate({
              scope:
                opts.level === 'global' ? 'GLOBAL' : opts.level === 'account' ? 'TENANT' : 'TENANT_ASSET',
              symbol: opts.level === 'symbol' ? (opts.symbol ?? null) : null,
              rate: opts.commissionRate as number,
              minimumCents: opts.commissionMinimum ?? 0,
            }),
          );
        }
        if (opts.slippageBps !== undefined)
          value(db.settings.setPaperSlippage({ paperSlippageBps: opts.slippageBps }));
        if (opts.pricePolicy !== undefined || opts.withholding !== undefined) {
          value(
            db.settings.setForEveryPortfolio({
              ...(opts.pricePolicy !== undefined ? { pricePolicy: opts.pricePolicy } : {}),
              ...(opts.withholding !== undefined ? { dividendWithholdingPct: opts.withholding } : {}),
            }),
          );
          if (opts.pricePolicy !== undefined && db.preferences.get().pricePolicy !== opts.pricePolicy)
            db.preferences.set({ ...db.preferences.get(), pricePolicy: opts.pricePolicy });
        }
        ctx.io.err(`saved in ${db.databaseFile}\n`);
        print(opts, db.settings.trading());
      });
    }),
  );

  command.addCommand(
    commonOptions(
      new Command('remove-commission')
        .description('remove the account rate or a per-symbol rate: the level above applies again')
        .addOption(
          valueOption(
            '--level <level>',
            'account or symbol (with --symbol)',
            choice('--level', ['account', 'symbol'] as const),
            {
              value: 'account' as const,
              text: 'account',
            },
          ),
        )
        .addOption(valueOption('--symbol <symbol>', 'the symbol of a per-symbol rate', symbol('--symbol'))),
    ).action(async (opts: Common & { level: 'account' | 'symbol'; symbol?: string }) => {
      usableDir(opts);
      if (opts.level === 'symbol' && opts.symbol === undefined)
        throw new BadInput('--level symbol needs --symbol, e.g. --symbol KO');
      if (opts.level === 'account' && opts.symbol !== undefined)
        throw new BadInput('--symbol goes with --level symbol');
      await withDatabase(opts, (db) => {
        value(
          db.settings.removeCommissionRate({
            scope: opts.level === 'account' ? 'TENANT' : 'TENANT_ASSET',
            symbol: opts.symbol ?? null,
          }),
        );
        print(opts, db.settings.trading());
      });
    }),
  );
  return command;
}

export function deadLettersCommand(ctx: CliContext): Command {
  const command = commonOptions(
    new Command('dead-letters')
      .description('orders that failed for good (the dead-letter queue): list, place again or discard')
      .addOption(
        valueOption('--requeue <intent>', 'place this failed order again as a new order', id('--requeue')),
      )
      .addOption(valueOption('--discard <intent>', 'dismiss this failed order', id('--discard')))
      .addOption(valueOption('--why <text>', 'why (kept in the event log)', reason('--why')))
      .addHelpText(
        'after',
        `
A running app or daemon holds the database: place or discard orders in the app then (Settings › Dead letters).`,
      ),
  );
  return command.action(async (opts: Common & { requeue?: string; discard?: string; why?: string }) => {
    usableDir(opts);
    if (opts.requeue !== undefined && opts.discard !== undefined)
      throw new BadInput('give --requeue or --discard, not both');
    await withDatabase(opts, (db) => {
      const by = 'user (cli)';
      if (opts.requeue !== undefined) {
        const done = value(
          db.settings.requeueDeadLetter({ intentId: opts.requeue, by, why: opts.why ?? null }),
        );
        ctx.io.err(
          `placed again as order ${done.order.id}: the execution worker fills it when the app runs\n`,
        );
      }
      if (opts.discard !== undefined) {
        value(db.settings.discardDeadLetter({ intentId: opts.discard, by, why: opts.why ?? null }));
        ctx.io.err(`discarded ${opts.discard}\n`);
      }
      const list = db.settings.deadLetters();
      if (opts.json === true) {
        ctx.io.out(
          `${JSON.stringify(
            list.map((d) => ({
              intentId: d.intent.id,
              orderId: d.order.id,
              symbol: d.symbol,
              side: d.order.side,
              qty: d.order.qty,
              price: d.order.price,
              attempts: d.intent.attempts,
              lastError: d.intent.lastError,
              deadAt: d.intent.updatedAt,
            })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      if (list.length === 0) {
        ctx.io.out('No failed orders: the dead-letter queue is empty.\n');
        return;
      }
      ctx.io.out(
        `${textTable(
          ['Intent', 'Symbol', 'Order', 'Attempts', 'Failed at', 'Last error'],
          list.map((d) => [
            d.intent.id,
            d.symbol,
            `${d.order.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(d.order.qty)} at ${formatPrice(d.order.price)}`,
            String(d.intent.attempts),
            formatDateTime(d.intent.updatedAt),
            d.intent.lastError ?? '—',
          ]),
        )}\n`,
      );
    });
  });
}

export function dividendCommand(ctx: CliContext): Command {
  const command = new Command('dividend').description('dividends the provider missed, entered by hand');
  command.addCommand(
    commonOptions(
      new Command('add')
        .description('record a dividend for a symbol you hold; the dividend job accrues and pays it')
        .addOption(valueOption('--symbol <symbol>', 'the symbol (required)', symbol('--symbol')))
        .addOption(
          valueOption('--ex-date <date>', 'ex-dividend date, YYYY-MM-DD (required)', date('--ex-date')),
        )
        .addOption(
          valueOption('--pay-date <date>', 'payment date (default: the ex-date)', date('--pay-date')),
        )
        .addOption(
          valueOption(
            '--amount <dollars>',
            'dividend per share in dollars (required)',
            number('--amount', { min: 0, aboveMin: true, max: 10_000_000 }),
          ),
        )
        .addOption(
          valueOption(
            '--withholding <rate>',
            'withholding of this dividend (default: the position’s)',
            fraction('--withholding'),
          ),
        )
        .addHelpText(
          'after',
          '\nExample:\n  dividend add --symbol KO --ex-date 2024-06-14 --pay-date 2024-07-01 --amount 0.485',
        ),
    ).action(
      async (
        opts: Common & {
          symbol?: string;
          exDate?: string;
          payDate?: string;
          amount?: number;
          withholding?: number;
        },
      ) => {
        usableDir(opts);
        const missing = [
          opts.symbol === undefined ? '--symbol' : null,
          opts.exDate === undefined ? '--ex-date' : null,
          opts.amount === undefined ? '--amount' : null,
        ].filter((m) => m !== null);
        if (missing.length > 0) throw new BadInput(`dividend add needs ${missing.join(', ')}`);
        await withDatabase(opts, async (db) => {
          const event = value(
            await db.settings.recordDividend({
              symbol: opts.symbol as string,
              exDate: opts.exDate as string,
              payDate: opts.payDate ?? null,
              amountPerShare: opts.amount as number,
              withholdingPct: opts.withholding ?? null,
            }),
          );
          const p = event.payload;
          if (opts.json === true) ctx.io.out(`${JSON.stringify({ symbol: event.symbol, ...p }, null, 2)}\n`);
          else
            ctx.io.out(
              `Recorded: ${String(event.symbol)} ${formatPrice(p.amountPerShare)} a share, ex-date ${p.exDate}, paid ${p.payDate ?? 'on the ex-date'}.\n`,
            );
        });
      },
    ),
  );
  return command;
}

/** Registers `settings`, `dead-letters` and `dividend` on the `vb` program (main/cli/commands/index.ts). */
export function registerSettings(program: Command, ctx: CliContext): void {
  program.addCommand(settingsCommand(ctx));
  program.addCommand(deadLettersCommand(ctx));
  program.addCommand(dividendCommand(ctx));
}
