import type { Command } from 'commander';
import type { CloseHistory, HeldShares } from '../../../shared/application/risk/riskReport';
import type { CliContext } from '../CliContext';
import { BadInput, RunFailed } from '../exitCodes';
import {
  confidence,
  count,
  dataDir,
  date,
  dateRanges,
  dollars,
  inputFile,
  shocks,
  symbol,
  symbolFile,
  valueOption,
} from '../values';
import { DEFAULT_DATA_DIR } from '../../composition/dataDir';
import type { ProviderChoice } from '../../composition/marketDataChoice';
import { existingDataDir, providerOption } from './daemon';

/** Flags both commands share: where the holdings and their histories come from. */
interface SourceFlags {
  holdings?: string;
  csv: [string, string][];
  cash?: number;
  asOf?: string;
  benchmark: string;
  dataDir: string;
  provider: ProviderChoice;
  json?: boolean;
}

interface RiskFlags extends SourceFlags {
  window: number;
  confidence: 0.95 | 0.99;
}

interface StressFlags extends SourceFlags {
  window: { from: string; to: string }[];
  shock: { shock: number; symbol?: string }[];
}

function addSourceOptions(command: Command): Command {
  return command
    .addOption(
      valueOption(
        '--holdings <file>',
        'holdings as CSV lines "symbol,qty" (no database needed); default: the positions in the database',
        inputFile('--holdings'),
      ),
    )
    .addOption(
      valueOption(
        '--csv <SYMBOL=file>',
        "a symbol's daily history from a CSV file (date,open,high,low,close[,volume]); repeatable",
        symbolFile('--csv'),
        { value: [], text: 'none' },
      ),
    )
    .addOption(valueOption('--cash <dollars>', 'cash beside the holdings file (riskless)', dollars('--cash')))
    .addOption(
      valueOption(
        '--as-of <date>',
        'value the holdings at this close (default: the last close)',
        date('--as-of'),
      ),
    )
    .addOption(
      valueOption('--benchmark <symbol>', 'benchmark for beta and stress proxies', symbol('--benchmark'), {
        value: 'SPY',
        text: 'SPY',
      }),
    )
    .addOption(
      valueOption(
        '--data-dir <dir>',
        'data folder holding the database (without --holdings)',
        dataDir('--data-dir'),
        {
          value: DEFAULT_DATA_DIR,
          text: DEFAULT_DATA_DIR,
        },
      ).env('VB_HOME'),
    )
    .addOption(providerOption())
    .option('--json', 'print only JSON on stdout');
}

/** The holdings and cash (dollars): the file's, or the database's positions (ACTIVE and PAUSED). */
async function holdingsOf(
  flags: SourceFlags,
): Promise<{ holdings: HeldShares[]; cash: number; from: string }> {
  if (flags.holdings !== undefined) {
    const { readHoldingsFile } = await import('../holdingsFile');
    return {
      holdings: readHoldingsFile(flags.holdings),
      cash: (flags.cash ?? 0) / 100,
      from: flags.holdings,
    };
  }
  if (flags.cash !== undefined)
    throw new BadInput('--cash goes with --holdings; the database knows its own cash');
  const dir = existingDataDir(flags.dataDir);
  const { createBackend } = await import('../../composition/createBackend');
  const backend = await createBackend({ dataDir: dir, provider: flags.provider });
  try {
    const positions = backend.queries.positions().filter((p) => p.status !== 'CLOSED');
    return {
      holdings: positions.map((p) => ({ symbol: p.symbol, qty: p.qty })),
      cash: positions.reduce((s, p) => s + p.cashCents + p.receivableCents, 0) / 100,
      from: backend.databaseFile,
    };
  } finally {
    await backend.stop();
  }
}

/** Histories: the CSV files given, then the bundled dataset. */
async function historyOf(flags: SourceFlags): Promise<CloseHistory> {
  const [
    { CsvBarSource },
    { BundledBarSource },
    { LayeredBarSource },
    { formatIssues },
    { closeHistoryFrom },
  ] = await Promise.all([
    import('../../adapters/data/CsvBarSource'),
    import('../../adapters/data/BundledBarSource'),
    import('../../adapters/data/LayeredBarSource'),
    import('../../adapters/data/CsvText'),
    import('../../../shared/application/risk/riskReport'),
  ]);
  const csv = new CsvBarSource();
  for (const [symbol, file] of flags.csv) {
    const r = await csv.importBarsFile(symbol, file);
    if (!r.ok)
      throw new BadInput(
        r.issues.length > 0 ? formatIssues(r.issues, file) : `--csv ${symbol}=${file}: ${r.message}`,
      );
  }
  return closeHistoryFrom(new LayeredBarSource([csv, new BundledBarSource()]));
}

/** `risk` and `stress` (SPEC 9): analytics and stress tests on the database's holdings or a file's. */
export function registerRisk(program: Command, ctx: CliContext): void {
  addSourceOptions(
    program
      .command('risk')
      .description(
        'VaR and CVaR (historical and parametric), component VaR, correlation, beta, concentration',
      )
      .addOption(
        valueOption('--window <sessions>', 'daily returns to use', count('--window', { min: 2 }), {
          value: 500,
          text: '500',
        }),
      )
      .addOption(
        valueOption(
          '--confidence <level>',
          'the level shown first and used for component VaR',
          confidence('--confidence'),
          {
            value: 0.99 as const,
            text: '0.99',
          },
        ),
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  risk --holdings examples/holdings.csv --cash 10000
  risk --holdings examples/holdings.csv --window 250 --confidence 0.95 --json
  risk --holdings mine.csv --csv ACME=examples/acme.csv`,
    )
    .action(async (flags: RiskFlags) => {
      const [{ portfolioRisk }, { renderRisk, riskJson }] = await Promise.all([
        import('../../../shared/application/risk/riskReport'),
        import('../riskSummary'),
      ]);
      const { holdings, cash, from } = await holdingsOf(flags);
      const history = await historyOf(flags);
      const outcome = await portfolioRisk(
        { holdings, cash, window: flags.window, asOf: flags.asOf, benchmark: flags.benchmark },
        history,
      );
      if (!outcome.ok) {
        if (outcome.badAsOf === true) throw new BadInput(`--as-of: ${outcome.message}`);
        throw new RunFailed(`risk cannot be measured: ${outcome.message}`);
      }
      ctx.io.err(`holdings from ${from}\n`);
      if (flags.json === true)
        ctx.io.out(`${JSON.stringify(riskJson(outcome.value, flags.confidence), null, 2)}\n`);
      else ctx.io.out(renderRisk(outcome.value, flags.confidence));
    });

  addSourceOptions(
    program
      .command('stress')
      .description(
        'stress tests: the historical crashes of SPEC 9 and hypothetical shocks, per position and total',
      )
      .addOption(
        valueOption(
          '--window <from:to>',
          'a historical window to replay (repeatable); with --window or --shock only those run',
          dateRanges('--window'),
          { value: [], text: 'the four of SPEC 9' },
        ),
      )
      .addOption(
        valueOption(
          '--shock <x%|SYM:x%>',
          'a shock on every stock, or on one symbol (repeatable)',
          shocks('--shock'),
          {
            value: [],
            text: '−10 %, −20 %, −30 %',
          },
        ),
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  stress --holdings examples/holdings.csv --cash 10000
  stress --holdings examples/holdings.csv --window 2020-02-19:2020-03-23 --shock -20% --shock KO:-35%`,
    )
    .action(async (flags: StressFlags) => {
      const [{ stressTests }, { renderStress, stressJson }, { formatPercent }] = await Promise.all([
        import('../../../shared/application/risk/riskReport'),
        import('../riskSummary'),
        import('../../../shared/format/Format'),
      ]);
      const { holdings, cash, from } = await holdingsOf(flags);
      const history = await historyOf(flags);
      const given = flags.window.length > 0 || flags.shock.length > 0;
      const outcome = await stressTests(
        {
          holdings,
          cash,
          asOf: flags.asOf,
          benchmark: flags.benchmark,
          onlyGiven: given,
          windows: flags.window.map((w) => ({ name: `${w.from} to ${w.to}`, ...w })),
          shocks: flags.shock.map((s) => ({
            name: `${s.symbol ?? 'All stocks'} ${formatPercent(s.shock, { signed: true, digits: Number.isInteger(Number((s.shock * 100).toPrecision(12))) ? 0 : 2 })}`,
            ...s,
          })),
        },
        history,
      );
      if (!outcome.ok) {
        if (outcome.badAsOf === true) throw new BadInput(`--as-of: ${outcome.message}`);
        throw new RunFailed(`stress tests cannot run: ${outcome.message}`);
      }
      ctx.io.err(`holdings from ${from}\n`);
      if (flags.json === true) ctx.io.out(`${JSON.stringify(stressJson(outcome.value), null, 2)}\n`);
      else ctx.io.out(renderStress(outcome.value));
    });
}
