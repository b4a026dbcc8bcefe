import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Backend } from '../../composition/Backend';
import { DEFAULT_DATA_DIR } from '../../composition/dataDir';
import type { ProviderChoice } from '../../composition/marketDataChoice';
import type { CliContext } from '../CliContext';
import { BadInput, RunFailed } from '../exitCodes';
import { choice, count, dataDir, date, id, outputFile, symbol, valueOption } from '../values';

interface StoreFlags {
  dataDir: string;
  provider: ProviderChoice;
  json?: boolean;
}

/** The data folder and database of the app (the daemon's flags): read, never made here. */
function addStoreOptions(command: Command): Command {
  return command
    .addOption(
      valueOption('--data-dir <dir>', 'data folder (database, logs, backups)', dataDir('--data-dir'), {
        value: DEFAULT_DATA_DIR,
        text: DEFAULT_DATA_DIR,
      }).env('VB_HOME'),
    )
    .addOption(
      valueOption(
        '--provider <name>',
        'which database: replay (the offline demo) or yahoo (live trading)',
        choice<ProviderChoice>('--provider', ['replay', 'yahoo']),
        { value: 'replay' as ProviderChoice, text: 'replay' },
      ).env('VB_PROVIDER'),
    )
    .option('--json', 'print only JSON on stdout (messages go to stderr)');
}

/** The data folder given: it must hold the app's data already (nothing is made here). */
function existingDataDir(flags: StoreFlags): string {
  const dir = path.resolve(flags.dataDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new BadInput(
      `--data-dir ${dir}: there is no data folder here; give the folder that holds your database (--data-dir or VB_HOME)`,
    );
  return dir;
}

/** Opens the app's backend on an existing data folder (no loop started), runs `fn`, closes it. */
async function withBackend<T>(flags: StoreFlags, fn: (backend: Backend) => Promise<T>): Promise<T> {
  const dir = existingDataDir(flags);
  const { createBackend } = await import('../../composition/createBackend');
  const backend = await createBackend({ dataDir: dir, provider: flags.provider });
  try {
    return await fn(backend);
  } finally {
    await backend.stop();
  }
}

/** `lots`, `performance` and `tax-report` (SPEC 8, issue 16). */
export function registerAccounting(program: Command, ctx: CliContext): void {
  const { io } = ctx;
  addStoreOptions(
    program
      .command('lots')
      .description('open lots (cost, value, unrealised, tax basis) and realised trades of each position'),
  )
    .addOption(valueOption('--position <id>', 'only this position (its id)', id('--position', 'vb lots')))
    .addHelpText('after', '\nExamples:\n  vb lots --data-dir ~/.volatility-balancing\n  vb lots --json')
    .action(async (flags: StoreFlags & { position?: string }) => {
      await withBackend(flags, async (backend) => {
        if (flags.position !== undefined && backend.queries.position(flags.position) === null)
          throw new BadInput(
            `--position ${JSON.stringify(flags.position)}: no such position; \`vb lots\` lists them all`,
          );
        const lots = backend.accounting.lots(flags.position);
        if (flags.json === true) io.out(`${JSON.stringify({ positions: lots }, null, 2)}\n`);
        else {
          const { renderLots } = await import('../accountingText');
          io.out(renderLots(lots));
        }
      });
    });

  addStoreOptions(
    program
      .command('performance')
      .description(
        'time- and money-weighted returns, drawdown, benchmark statistics, round trips, contribution',
      ),
  )
    .addOption(
      valueOption('--from <date>', 'first session (default: the first in the history)', date('--from')),
    )
    .addOption(valueOption('--to <date>', 'last session (default: the last close)', date('--to')))
    .addOption(
      valueOption(
        '--benchmark <symbol>',
        'benchmark symbol with history (default: the portfolio’s, SPY)',
        symbol('--benchmark'),
      ),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  vb performance --benchmark SPY\n  vb performance --from 2020-01-02 --to 2020-12-31 --json',
    )
    .action(async (flags: StoreFlags & { from?: string; to?: string; benchmark?: string }) => {
      existingDataDir(flags);
      if (flags.from !== undefined && flags.to !== undefined && flags.from > flags.to)
        throw new BadInput(`--from ${flags.from} is after --to ${flags.to}; give the earlier date first`);
      await withBackend(flags, async (backend) => {
        const perf = await backend.accounting.performance({
          ...(flags.from !== undefined ? { from: flags.from } : {}),
          ...(flags.to !== undefined ? { to: flags.to } : {}),
          ...(flags.benchmark !== undefined ? { benchmark: flags.benchmark } : {}),
        });
        if (perf.dates.length === 0 && (flags.from !== undefined || flags.to !== undefined)) {
          // Dates outside the history are bad input when there is a history to pick from.
          const all = await backend.accounting.performance(
            flags.benchmark !== undefined ? { benchmark: flags.benchmark } : {},
          );
          const first = all.dates[0];
          const last = all.dates[all.dates.length - 1];
          if (first !== undefined && last !== undefined) {
            const flag = [flags.from !== undefined ? '--from' : '', flags.to !== undefined ? '--to' : '']
              .filter((f) => f !== '')
              .join('/');
            const range =
              flags.from !== undefined && flags.to !== undefined
                ? `from ${flags.from} to ${flags.to}`
                : flags.from !== undefined
                  ? `on or after ${flags.from}`
                  : `on or before ${flags.to ?? ''}`;
            throw new BadInput(`${flag}: no equity history ${range}: pick dates from ${first} to ${last}`);
          }
        }
        if (flags.json === true) io.out(`${JSON.stringify(perf, null, 2)}\n`);
        else {
          const { renderPerformance } = await import('../accountingText');
          io.out(renderPerformance(perf));
        }
      });
    });

  addStoreOptions(
    program
      .command('tax-report')
      .description('realised gains of a year (short/long term, wash sales) and holdings'),
  )
    .addOption(valueOption('--year <year>', 'tax year (required)', count('--year', { min: 1990, max: 2100 })))
    .addOption(
      valueOption(
        '--out <file>',
        'write the report (.csv, .xlsx or .pdf)',
        outputFile('--out', ['csv', 'xlsx', 'pdf']),
      ),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  vb tax-report --year 2024 --out tax-2024.xlsx\n  vb tax-report --year 2024 --json',
    )
    .action(async (flags: StoreFlags & { year?: number; out?: string }) => {
      existingDataDir(flags);
      const year = flags.year;
      if (year === undefined) throw new BadInput('--year is missing; give the tax year, e.g. --year 2024');
      await withBackend(flags, async (backend) => {
        const report = backend.accounting.taxReport(year);
        if (flags.out !== undefined) {
          const { writeTaxReport } = await import('../../reports/taxReport');
          const done = await writeTaxReport(report, flags.out);
          if (!done.ok) throw new RunFailed(done.message);
          io.err(`tax report: ${done.files.join(', ')}\n`);
        }
        if (flags.json === true) io.out(`${JSON.stringify(report, null, 2)}\n`);
        else {
          const { renderTaxYear } = await import('../accountingText');
          io.out(renderTaxYear(report));
        }
      });
    });
}
