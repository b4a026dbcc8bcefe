import type { Command } from 'commander';
import type { PerformanceMetrics } from '../../../shared/domain/metrics';
import type { SimulationResult } from '../../../shared/simulation';
import { runSimulation } from '../../../shared/simulation';
import { reportFormatOf, REPORT_FORMATS, writeReport } from '../../reports';
import { formatMoney } from '../../reports/ReportModel';
import type { CliContext } from '../CliContext';
import { ProgressBar, RunError, UsageError } from '../CliContext';
import type { RunFlags } from '../runOptions';
import { addRunOptions, historyFrom, parseSymbols, simulationSpecFrom } from '../runOptions';

interface SimulateFlags extends RunFlags {
  report: string[];
  json?: boolean;
}

/** `simulate KO [PEP …]`: one run (a portfolio when several symbols), a summary, optional reports. */
export function registerSimulate(program: Command, ctx: CliContext): void {
  addRunOptions(
    program
      .command('simulate')
      .description('replay history through the strategy, beside buy-and-hold')
      .argument('<symbols...>', 'one or more symbols (several make a portfolio, each with its own cash)'),
  )
    .option(
      '--report <file>',
      `write a report (${REPORT_FORMATS.map((f) => `.${f}`).join(', ')}); repeatable`,
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Examples:
  simulate KO --from 2010-01-01 --to 2020-12-31 --report ko.html
  simulate KO PEP PG --threshold 5% --band 0.3:0.7 --fill next_open --slippage-bps 5 --report run.xlsx
  simulate ACME --csv ACME=acme.csv --config strategy.json --report acme.pdf`,
    )
    .action(async (rawSymbols: string[], flags: SimulateFlags) => {
      const symbols = parseSymbols(rawSymbols);
      for (const file of flags.report) {
        if (reportFormatOf(file) === null)
          throw new UsageError(`--report ${file}: use one of .${REPORT_FORMATS.join(', .')}`);
      }
      const spec = await simulationSpecFrom(symbols, flags);
      const history = await historyFrom(spec, flags);
      const progress = new ProgressBar(ctx.io, `simulate ${symbols.join(',')}`);
      const outcome = runSimulation(spec, history, {
        onProgress: (d, t) => progress.update(d, t),
        signal: ctx.signal,
      });
      if (!outcome.ok) {
        if (outcome.code === 'CANCELLED') throw new RunError(outcome.message);
        throw new UsageError(outcome.message);
      }
      progress.done(outcome.result.inputs.bars);
      const result = outcome.result;
      if (flags.json === true) ctx.io.out(`${JSON.stringify(summaryOf(result), null, 2)}\n`);
      else ctx.io.out(renderSummary(result));
      for (const file of flags.report) {
        const written = await writeReport(result, file);
        if (!written.ok) throw new RunError(written.message);
        ctx.io.out(`report: ${written.files.join(', ')}\n`);
      }
    });
}

function summaryOf(result: SimulationResult): object {
  const last = result.equity.equityCents.length - 1;
  return {
    symbols: result.inputs.symbols,
    from: result.inputs.firstSession,
    to: result.inputs.lastSession,
    sessions: result.inputs.sessions,
    trades: result.metrics.strategy.tradeCount,
    finalEquityCents: result.equity.equityCents[last],
    buyHoldFinalEquityCents: result.equity.buyHoldEquityCents[last],
    strategy: result.metrics.strategy,
    buyAndHold: result.metrics.buyAndHold,
  };
}

const ROWS: [keyof PerformanceMetrics, string, 'pct' | 'num' | 'int' | 'money'][] = [
  ['totalReturn', 'Total return', 'pct'],
  ['cagr', 'CAGR', 'pct'],
  ['annualVolatility', 'Volatility', 'pct'],
  ['sharpe', 'Sharpe', 'num'],
  ['sortino', 'Sortino', 'num'],
  ['maxDrawdown', 'Max drawdown', 'pct'],
  ['calmar', 'Calmar', 'num'],
  ['var95', 'VaR 95 %', 'pct'],
  ['cvar95', 'CVaR 95 %', 'pct'],
  ['tradeCount', 'Trades', 'int'],
  ['turnover', 'Turnover', 'num'],
  ['commissionsCents', 'Commissions', 'money'],
  ['dividendsCents', 'Dividends', 'money'],
];

function fmt(value: number | null, kind: 'pct' | 'num' | 'int' | 'money'): string {
  if (value === null) return 'n/a';
  if (kind === 'pct') return `${(value * 100).toFixed(2)} %`;
  if (kind === 'money') return formatMoney(value);
  if (kind === 'int') return String(value);
  return value.toFixed(3);
}

function renderSummary(result: SimulationResult): string {
  const i = result.inputs;
  const last = result.equity.equityCents.length - 1;
  const lines = [
    `${i.symbols.join(', ')}  ${i.firstSession} to ${i.lastSession}  (${i.sessions} sessions, ${i.interval} bars, fills at ${i.execution.fill === 'close' ? 'the close' : 'the next open'})`,
    `${'Final equity'.padEnd(14)}${formatMoney(result.equity.equityCents[last] ?? 0).padStart(18)}${formatMoney(result.equity.buyHoldEquityCents[last] ?? 0).padStart(18)}`,
    `${''.padEnd(14)}${'strategy'.padStart(18)}${'buy and hold'.padStart(18)}`,
    ...ROWS.map(
      ([key, label, kind]) =>
        `${label.padEnd(14)}${fmt(result.metrics.strategy[key], kind).padStart(18)}${fmt(result.metrics.buyAndHold[key], kind).padStart(18)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
