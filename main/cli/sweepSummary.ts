import type { PerformanceMetrics } from '../../shared/domain/metrics';
import {
  formatCount,
  formatDecimal,
  formatPercent,
  formatPercentSetting,
  formatRatio,
} from '../../shared/format/Format';
import type {
  RankMetric,
  SweepAxis,
  SweepParams,
  SweepResult,
  WalkForwardResult,
} from '../../shared/simulation';
import { sweepHeatmap } from '../../shared/simulation';
import { alignTable } from './textTable';

/** Ranking metrics that are fractions of equity (shown as percents); the others are plain ratios. */
const FRACTION_METRICS: ReadonlySet<RankMetric> = new Set<RankMetric>(['cagr', 'totalReturn', 'maxDrawdown']);

function metricText(metric: RankMetric, value: number | null | undefined): string {
  return FRACTION_METRICS.has(metric) ? formatPercent(value) : formatRatio(value);
}

function band(p: SweepParams): string {
  return `${formatPercentSetting(p.minStockPct)}–${formatPercentSetting(p.maxStockPct)}`;
}

/** The best `top` rows of a sweep, ranked by its metric, with buy-and-hold above them. */
export function renderTop(result: SweepResult, top: number): string {
  const m = result.metric;
  const ranked = result.rows
    .filter((r) => r.metrics !== null && r.metrics[m] !== null)
    .sort(
      (a, b) =>
        ((b.metrics as PerformanceMetrics)[m] as number) - ((a.metrics as PerformanceMetrics)[m] as number) ||
        a.index - b.index,
    )
    .slice(0, top);
  const bh = result.buyAndHold;
  const lines = [
    `${formatCount(result.rows.length)} of ${formatCount(result.total)} combinations, ranked by ${m}; buy and hold: ${m} ${metricText(m, bh?.[m])}, CAGR ${formatPercent(bh?.cagr)}`,
    '',
    alignTable(
      [
        ['Up', 'Down', 'Ratio', 'Band', m, 'CAGR', 'Max drawdown', 'Trades'],
        ...ranked.map((r) => [
          formatPercentSetting(r.params.up),
          formatPercentSetting(r.params.down),
          formatDecimal(r.params.ratio),
          band(r.params),
          metricText(m, r.metrics?.[m]),
          formatPercent(r.metrics?.cagr),
          formatPercent(r.metrics?.maxDrawdown),
          formatCount(r.metrics?.tradeCount),
        ]),
      ],
      ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ).trimEnd(),
  ];
  const errors = result.rows.filter((r) => r.error !== null);
  if (errors.length > 0)
    lines.push(`${formatCount(errors.length)} combination(s) failed, e.g. ${errors[0]?.error}`);
  return `${lines.join('\n')}\n`;
}

/** An axis value of the heatmap ("0.03", "0.25-0.75") as the formatter shows it. */
function axisLabel(axis: SweepAxis, value: string): string {
  if (axis === 'ratio') return formatDecimal(Number(value));
  if (axis === 'band') {
    const [min, max] = value.split('-').map(Number);
    return `${formatPercentSetting(min)}–${formatPercentSetting(max)}`;
  }
  return formatPercentSetting(Number(value));
}

/** The metric over two axes of the sweep (the other parameters collapsed to their best). */
export function renderHeatmap(result: SweepResult, x: SweepAxis, y: SweepAxis): string {
  const map = sweepHeatmap(result, x, y);
  const table = alignTable(
    [
      [`${y} \\ ${x}`, ...map.xValues.map((v) => axisLabel(x, v))],
      ...map.yValues.map((yv, i) => [
        axisLabel(y, yv),
        ...(map.cells[i] ?? []).map((c) => metricText(map.metric, c)),
      ]),
    ],
    ['left', ...map.xValues.map(() => 'right' as const)],
  );
  return `${map.metric} (best over the other parameters)\n${table}`;
}

/** The walk-forward windows, the stitched out-of-sample result and buy-and-hold over the same span. */
export function renderWindows(result: WalkForwardResult): string {
  const m = result.metric;
  const summary = (label: string, x: PerformanceMetrics): string =>
    `${label}: return ${formatPercent(x.totalReturn, { signed: true })}, CAGR ${formatPercent(x.cagr, { signed: true })}, Sharpe ${formatRatio(x.sharpe)}, max drawdown ${formatPercent(x.maxDrawdown)}`;
  return [
    `${formatCount(result.windows.length)} windows (${result.plan.inSampleMonths} months in sample, ${result.plan.outOfSampleMonths} out of sample), chosen by ${m}`,
    '',
    alignTable(
      [
        ['Out of sample', 'Up', 'Down', 'Ratio', 'Band', `In-sample ${m}`, 'Return', 'Trades'],
        ...result.windows.map((w) => [
          `${w.outOfSample.from} to ${w.outOfSample.to}`,
          w.chosen === null ? '—' : formatPercentSetting(w.chosen.up),
          w.chosen === null ? '—' : formatPercentSetting(w.chosen.down),
          w.chosen === null ? '—' : formatDecimal(w.chosen.ratio),
          w.chosen === null ? '—' : band(w.chosen),
          metricText(m, w.inSampleScore),
          formatPercent(w.outOfSampleMetrics.totalReturn, { signed: true }),
          formatCount(w.trades),
        ]),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ).trimEnd(),
    '',
    summary('stitched out of sample', result.metrics.outOfSample),
    summary('buy and hold, same span', result.metrics.buyAndHold),
  ]
    .join('\n')
    .concat('\n');
}
