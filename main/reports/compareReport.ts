import type { PerformanceMetrics } from '../../shared/domain/metrics';
import type { CompareResult } from '../../shared/simulation/strategy';
import { COMPARE_METRICS } from '../../shared/simulation/strategy';
import { unitsBlock } from './jsonUnits';
import type { CellKind, Column, ReportModel } from './ReportModel';
import type { ReportOutcome } from './writeReport';
import { writeModelReport } from './writeReport';

/**
 * SPEC 10's compare as a report in SPEC 5's five formats (ADR 0106): the same report model the
 * simulation's reports use — a summary, the metrics side by side with the best of each row named,
 * the equity curves of every strategy and buy-and-hold (table and chart), every strategy's fills, and
 * the round-trip statistics.
 */
const KIND: Record<string, CellKind> = {
  totalReturn: 'percent',
  cagr: 'percent',
  annualVolatility: 'percent',
  sharpe: 'ratio',
  sortino: 'ratio',
  maxDrawdown: 'percent',
  maxDrawdownDurationBars: 'integer',
  calmar: 'ratio',
  var95: 'percent',
  cvar95: 'percent',
  turnover: 'ratio',
  tradeCount: 'integer',
  commissionsCents: 'money',
  dividendsCents: 'money',
};

const col = (key: string, label: string, kind: CellKind): Column => ({ key, label, kind });

export function buildCompareModel(result: CompareResult): ReportModel {
  const labels = [...result.rows.map((r) => r.label), 'Buy and hold'];
  const metrics: PerformanceMetrics[] = [...result.rows.map((r) => r.metrics), result.buyAndHold.metrics];
  const series = [...result.rows.map((r) => r.equityCents), result.buyAndHold.equityCents];
  return {
    title: 'Strategy comparison',
    subtitle: `${result.symbols.join(', ')}, ${result.firstSession} to ${result.lastSession}`,
    summary: {
      id: 'summary',
      title: 'Summary',
      columns: [col('item', 'Item', 'text'), col('value', 'Value', 'text')],
      rowKinds: ['text', 'date', 'date', 'money', 'text', 'bps', 'text', 'integer'],
      rows: [
        ['Symbols', result.symbols.join(', ')],
        ['First session', result.firstSession],
        ['Last session', result.lastSession],
        ['Starting capital', result.startEquityCents],
        ['Fills at', result.matching.fill],
        ['Slippage', result.matching.slippageBps],
        [
          'Volume cap',
          result.matching.maxVolumePct === null
            ? 'none'
            : `${result.matching.maxVolumePct * 100} % of a bar's volume`,
        ],
        ['Strategies', result.rows.length],
      ],
    },
    metrics: {
      id: 'metrics',
      title: 'Metrics (the best of each row named)',
      columns: [
        col('metric', 'Metric', 'text'),
        ...labels.map((l, k) => col(`s${k}`, l, 'ratio')),
        col('best', 'Best', 'text'),
      ],
      rowKinds: COMPARE_METRICS.map((m) => KIND[m.key] ?? 'ratio'),
      rows: COMPARE_METRICS.map((m) => {
        const best = result.best[m.key];
        return [
          m.label,
          ...metrics.map((x) => x[m.key] ?? null),
          best === null ? null : (labels[best] ?? null),
        ];
      }),
    },
    monthly: [],
    equity: {
      id: 'equity',
      title: 'Equity per session',
      columns: [col('date', 'Date', 'date'), ...labels.map((l, k) => col(`e${k}`, l, 'money'))],
      rows: result.dates.map((d, i) => [d, ...series.map((s) => s[i] ?? null)]),
    },
    trades: {
      id: 'trades',
      title: 'Fills of every strategy',
      columns: [
        col('strategy', 'Strategy', 'text'),
        col('symbol', 'Symbol', 'text'),
        col('at', 'Filled', 'text'),
        col('side', 'Side', 'text'),
        col('qty', 'Quantity', 'qty'),
        col('price', 'Price', 'price'),
      ],
      rows: result.rows.flatMap((r) =>
        r.markers.map((m) => [r.label, m.symbol, m.at, m.side, m.qty, m.price]),
      ),
    },
    events: {
      id: 'round-trips',
      title: 'Round trips, rejected orders and stop exits',
      columns: [
        col('strategy', 'Strategy', 'text'),
        col('count', 'Round trips', 'integer'),
        col('winRate', 'Win rate', 'percent'),
        col('avgWin', 'Average win', 'money'),
        col('avgLoss', 'Average loss', 'money'),
        col('profitFactor', 'Profit factor', 'ratio'),
        col('expectancy', 'Expectancy', 'money'),
        col('holdingDays', 'Average days held', 'number'),
        col('rejected', 'Orders rejected', 'integer'),
        col('riskExits', 'Stop exits', 'integer'),
      ],
      rows: result.rows.map((r) => [
        r.label,
        r.roundTrips.count,
        r.roundTrips.winRate,
        r.roundTrips.averageWinCents === null ? null : Math.round(r.roundTrips.averageWinCents),
        r.roundTrips.averageLossCents === null ? null : Math.round(r.roundTrips.averageLossCents),
        r.roundTrips.profitFactor,
        r.roundTrips.expectancyCents === null ? null : Math.round(r.roundTrips.expectancyCents),
        r.roundTrips.averageHoldingDays === null
          ? null
          : Math.round(r.roundTrips.averageHoldingDays * 10) / 10,
        r.rejected,
        r.riskExits,
      ]),
    },
    charts: [
      {
        id: 'equity',
        title: 'Equity of each strategy and buy-and-hold',
        dates: result.dates,
        kind: 'money',
        series: labels.map((label, k) => ({ label, values: series[k] as number[] })),
      },
    ],
  };
}

export function compareJson(result: CompareResult): string {
  return `${JSON.stringify({ format: 'volatility-balancing.compare', version: 1, units: unitsBlock(), ...result }, null, 1)}\n`;
}

/** Writes the compare as `file` in the format of its extension (.pdf, .html, .xlsx, .csv, .json). */
export async function writeCompareReport(result: CompareResult, file: string): Promise<ReportOutcome> {
  return writeModelReport(buildCompareModel(result), file, new Date(`${result.lastSession}T00:00:00Z`), () =>
    compareJson(result),
  );
}
