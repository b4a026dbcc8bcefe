import type { PerformanceMetrics } from '../../shared/domain/metrics';
import {
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatRatio,
} from '../../shared/format/Format';
import type { CompareResult } from '../../shared/simulation/strategy';
import { COMPARE_METRICS } from '../../shared/simulation/strategy';
import { alignTable } from './textTable';

/** How each compare metric is shown. */
function show(key: keyof PerformanceMetrics, value: number | null): string {
  switch (key) {
    case 'totalReturn':
    case 'cagr':
      return formatPercent(value, { signed: true });
    case 'annualVolatility':
    case 'maxDrawdown':
    case 'var95':
    case 'cvar95':
      return formatPercent(value);
    case 'commissionsCents':
    case 'dividendsCents':
      return formatMoney(value);
    case 'tradeCount':
    case 'maxDrawdownDurationBars':
      return formatCount(value);
    default:
      return formatRatio(value);
  }
}

/** The compare as a person reads it: one column per strategy and buy-and-hold, the best of each row starred. */
export function renderCompare(result: CompareResult): string {
  const labels = [...result.rows.map((r) => r.label), 'Buy and hold'];
  const metrics = [...result.rows.map((r) => r.metrics), result.buyAndHold.metrics];
  const finals = [
    ...result.rows.map((r) => r.finalEquityCents),
    result.buyAndHold.equityCents[result.buyAndHold.equityCents.length - 1] ?? null,
  ];
  const head = `${result.symbols.join(', ')}  ${result.firstSession} to ${result.lastSession}  (${formatCount(result.dates.length)} sessions, starting capital ${formatMoney(result.startEquityCents)}, fills at ${result.matching.fill})`;
  const rt = (f: (r: CompareResult['rows'][number]) => string): string[] => [...result.rows.map(f), '—'];
  const rows: string[][] = [
    ['', ...labels],
    ['Final equity', ...finals.map((v) => formatMoney(v))],
    ...COMPARE_METRICS.map((m) => [
      m.label,
      ...metrics.map((x, k) => `${show(m.key, x[m.key])}${result.best[m.key] === k ? ' *' : ''}`),
    ]),
    ['Round trips', ...rt((r) => formatCount(r.roundTrips.count))],
    ['Win rate', ...rt((r) => formatPercent(r.roundTrips.winRate))],
    ['Profit factor', ...rt((r) => formatRatio(r.roundTrips.profitFactor))],
    [
      'Expectancy per round trip',
      ...rt((r) =>
        formatMoney(r.roundTrips.expectancyCents === null ? null : Math.round(r.roundTrips.expectancyCents)),
      ),
    ],
    [
      'Average days held',
      ...rt((r) =>
        formatDecimal(
          r.roundTrips.averageHoldingDays === null
            ? null
            : Math.round(r.roundTrips.averageHoldingDays * 10) / 10,
        ),
      ),
    ],
    ['Orders rejected', ...rt((r) => formatCount(r.rejected))],
    ['Stop exits', ...rt((r) => formatCount(r.riskExits))],
  ];
  return `${head}\n\n${alignTable(rows, ['left', ...labels.map(() => 'right' as const)])}\n* the best value of the row\n`;
}

/** What `--json` prints: the compare without the per-session curves and fills (the reports carry those). */
export function compareJsonSummary(result: CompareResult, reports: string[]): unknown {
  return {
    symbols: result.symbols,
    from: result.from,
    to: result.to,
    firstSession: result.firstSession,
    lastSession: result.lastSession,
    sessions: result.dates.length,
    startEquityCents: result.startEquityCents,
    matching: result.matching,
    strategies: result.rows.map((r) => ({
      label: r.label,
      strategy: r.strategy,
      sizer: r.sizer,
      finalEquityCents: r.finalEquityCents,
      metrics: r.metrics,
      roundTrips: r.roundTrips,
      trades: r.trades,
      rejected: r.rejected,
      riskExits: r.riskExits,
    })),
    buyAndHold: {
      finalEquityCents: result.buyAndHold.equityCents[result.buyAndHold.equityCents.length - 1] ?? null,
      metrics: result.buyAndHold.metrics,
    },
    best: result.best,
    reports,
  };
}
