import { describeSimEvent } from '../reports/simEventDetail';
import type { PerformanceMetrics } from '../../shared/domain/metrics';
import { formatCount, formatMoney, formatPercent, formatRatio } from '../../shared/format/Format';
import type { SimulationResult } from '../../shared/simulation';
import { VALIDATOR_CODES } from '../../shared/domain/risk/OrderValidator';
import { accountingOfRun } from '../../shared/simulation/accountingOfRun';
import { roundTripRows } from './roundTripSummary';
import { alignTable } from './textTable';

type Kind = 'percent' | 'signedPercent' | 'ratio' | 'count' | 'money';

const ROWS: [keyof PerformanceMetrics, string, Kind][] = [
  ['totalReturn', 'Total return', 'signedPercent'],
  ['cagr', 'CAGR', 'signedPercent'],
  ['annualVolatility', 'Volatility', 'percent'],
  ['sharpe', 'Sharpe', 'ratio'],
  ['sortino', 'Sortino', 'ratio'],
  ['maxDrawdown', 'Max drawdown', 'percent'],
  ['calmar', 'Calmar', 'ratio'],
  ['var95', 'VaR 95 % (daily)', 'percent'],
  ['cvar95', 'CVaR 95 % (daily)', 'percent'],
  ['tradeCount', 'Trades', 'count'],
  ['turnover', 'Turnover (× avg. equity)', 'ratio'],
  ['commissionsCents', 'Commissions', 'money'],
  ['dividendsCents', 'Dividends', 'money'],
];

function show(value: number | null, kind: Kind): string {
  switch (kind) {
    case 'percent':
      return formatPercent(value);
    case 'signedPercent':
      return formatPercent(value, { signed: true });
    case 'ratio':
      return formatRatio(value);
    case 'count':
      return formatCount(value);
    case 'money':
      return formatMoney(value);
  }
}

/** The run's summary as a person reads it: one aligned table, every figure through the one formatter. */
export function renderSummary(result: SimulationResult): string {
  const i = result.inputs;
  const last = result.equity.equityCents.length - 1;
  const head = `${i.symbols.join(', ')}  ${i.firstSession} to ${i.lastSession}  (${formatCount(i.sessions)} sessions, ${i.interval} bars, fills at ${i.execution.fill === 'close' ? 'the close' : 'the next open'})`;
  const table = alignTable(
    [
      ['', 'Strategy', 'Buy and hold'],
      [
        'Final equity',
        formatMoney(result.equity.equityCents[last]),
        formatMoney(result.equity.buyHoldEquityCents[last]),
      ],
      ...ROWS.map(([key, label, kind]) => [
        label,
        show(result.metrics.strategy[key], kind),
        show(result.metrics.buyAndHold[key], kind),
      ]),
      // SPEC 8 (issue 16): the run's round trips and wash sales, by the live ledger's code.
      ...roundTripRows(accountingOfRun(result)),
    ],
    ['left', 'right', 'right'],
  );
  const risk = riskCounts(result);
  const riskLine =
    risk.riskExits + risk.riskRejections === 0
      ? ''
      : `\nRisk limits: ${formatCount(risk.riskExits)} stop exit${risk.riskExits === 1 ? '' : 's'}, ${formatCount(risk.riskRejections)} order${risk.riskRejections === 1 ? '' : 's'} rejected (see the trades' reasons)\n`;
  const halts = haltLines(result);
  return `${head}\n\n${table}${riskLine}${halts !== '' && riskLine === '' ? '\n' : ''}${halts}`;
}

/** SPEC 9's portfolio rules in a run (docs/adr/0131): the circuit breaker's halt, the daily loss stops. */
function haltLines(result: SimulationResult): string {
  const halts = result.events.filter((e) => e.type === 'TradingHalted');
  if (halts.length === 0) return '';
  const breaker = halts.filter((e) => e.detail === 'max_drawdown');
  const daily = halts.length - breaker.length;
  const lines = breaker.map((e) => `${e.at}: ${describeSimEvent(e, undefined)}`);
  if (daily > 0)
    lines.push(
      `Daily loss stop: ${formatCount(daily)} session${daily === 1 ? '' : 's'} without new buys (see the events)`,
    );
  return `${lines.join('\n')}\n`;
}

/** SPEC 9 in a run: filled stop exits, and orders the validator rejected (their reasons say which). */
function riskCounts(result: SimulationResult): { riskExits: number; riskRejections: number } {
  let riskExits = 0;
  let riskRejections = 0;
  for (const t of result.trades) {
    if (t.status === 'FILLED' && t.reasons.some((r) => r === 'position_stop' || r === 'trailing_stop'))
      riskExits++;
    if (t.status === 'REJECTED' && t.reasons.some((r) => (VALIDATOR_CODES as readonly string[]).includes(r)))
      riskRejections++;
  }
  return { riskExits, riskRejections };
}

/**
 * The summary `--json` prints: machine values whose keys carry their unit as the JSON report's do
 * (…Cents integer cents; metrics as fractions and ratios, see main/reports/jsonUnits.ts), and the
 * report files written.
 */
export function summaryJson(result: SimulationResult, reports: readonly string[]): object {
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
    ...riskCounts(result),
    // SPEC 8 (issue 16): lots, round trips and wash sales of the run, by the live ledger's code.
    accounting: accountingOfRun(result),
    reports,
  };
}
