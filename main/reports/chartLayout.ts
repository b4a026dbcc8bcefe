import type { ReportChart } from './ReportModel';
import { formatMoney, formatPercent } from '../../shared/format/Format';

export interface ChartLayout {
  plot: { x: number; y: number; width: number; height: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  lines: { label: string; points: [number, number][] }[];
}

/**
 * Positions of a line chart's lines and ticks in a width × height box, shared by the HTML (SVG) and
 * PDF reports so both draw the same chart. X is the session index (no gaps for closed days); y spans
 * the values with "nice" ticks.
 */
export function layoutChart(chart: ReportChart, width: number, height: number): ChartLayout {
  const margin = { left: 70, right: 12, top: 12, bottom: 26 };
  const plot = {
    x: margin.left,
    y: margin.top,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom,
  };
  let min = Infinity;
  let max = -Infinity;
  for (const s of chart.series) {
    for (const v of s.values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  if (chart.kind === 'percent') max = Math.max(max, 0);
  const ticks = niceTicks(min, max, 5);
  const lo = ticks[0] as number;
  const hi = ticks[ticks.length - 1] as number;
  const n = chart.dates.length;
  const xOf = (i: number): number => plot.x + (n <= 1 ? plot.width / 2 : (i / (n - 1)) * plot.width);
  const yOf = (v: number): number => plot.y + plot.height - ((v - lo) / (hi - lo || 1)) * plot.height;
  const label = (v: number): string =>
    chart.kind === 'money' ? formatMoney(v, { whole: true }) : formatPercent(v, { digits: 0 });
  return {
    plot,
    yTicks: ticks.map((v) => ({ y: round2(yOf(v)), label: label(v) })),
    xTicks: yearTicks(chart.dates).map((i) => ({
      x: round2(xOf(i)),
      label: (chart.dates[i] as string).slice(0, 4),
    })),
    lines: chart.series.map((s) => ({
      label: s.label,
      points: s.values.map((v, i) => [round2(xOf(i)), round2(yOf(v))]),
    })),
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Ticks at round steps (1, 2, 5 × 10^k) covering [min, max]. */
export function niceTicks(min: number, max: number, target: number): number[] {
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  // Whole multiples of the step, so no float accumulation creeps past the range.
  for (let k = Math.floor(min / step + 1e-9); k <= Math.ceil(max / step - 1e-9); k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Indexes of the first session of each year, thinned to at most ~10 labels. */
function yearTicks(dates: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < dates.length; i++) {
    if (i === 0 || (dates[i] as string).slice(0, 4) !== (dates[i - 1] as string).slice(0, 4)) starts.push(i);
  }
  const every = Math.max(1, Math.ceil(starts.length / 10));
  return starts.filter((_, k) => k % every === 0);
}
