import type { CloseSeries } from './RiskReturns';
import { firstIndexAtOrAfter, lastIndexAtOrBefore } from './RiskReturns';

/**
 * Stress tests (SPEC 9): historical windows replayed on today's holdings, and hypothetical shocks.
 * A holding's return over a window is its close on the window's last session divided by its close on
 * the window's first session, minus 1 (sessions inside [from, to]). A holding without closes at both
 * ends of the window uses the benchmark's return, flagged as a proxy; without the benchmark either, it
 * is counted at 0 and flagged as missing. A window with no data at all — it ends after the as-of date
 * (the holdings are valued then: the window has not happened yet), or no holding nor the benchmark has
 * closes in it — has no result: `noData` says why, and its P&L is not a figure (never "$0.00, proxy").
 */

export interface StressWindow {
  name: string;
  from: string;
  to: string;
}

/** The four historical windows SPEC 9 names. */
export const HISTORICAL_WINDOWS: readonly StressWindow[] = [
  { name: 'Dot-com crash', from: '2000-03-24', to: '2002-10-09' },
  { name: 'Global financial crisis', from: '2007-10-09', to: '2009-03-09' },
  { name: 'COVID-19 crash', from: '2020-02-19', to: '2020-03-23' },
  { name: '2022 bear market', from: '2022-01-03', to: '2022-10-12' },
];

/** A hypothetical shock: every stock by `shock`, or one symbol only. `shock` is a fraction (−0.2). */
export interface Shock {
  name: string;
  shock: number;
  symbol?: string;
}

export const STANDARD_SHOCKS: readonly Shock[] = [
  { name: 'All stocks −10 %', shock: -0.1 },
  { name: 'All stocks −20 %', shock: -0.2 },
  { name: 'All stocks −30 %', shock: -0.3 },
];

export interface StressHolding {
  symbol: string;
  /** Today's market value in dollars. */
  value: number;
}

export type StressSource = 'own' | 'benchmark' | 'missing' | 'shock';

export interface StressLine {
  symbol: string;
  value: number;
  /** The return applied (a fraction). */
  return: number;
  /** Profit and loss in dollars (negative = loss). */
  pnl: number;
  /** Where the return came from: the holding's own history, the benchmark as a proxy, none, or a shock. */
  source: StressSource;
}

/** Why a historical window has no result: it ends after the as-of date, or nothing has closes in it. */
export type StressNoData = 'after_as_of' | 'no_history';

export interface StressResult {
  name: string;
  kind: 'historical' | 'shock';
  from?: string;
  to?: string;
  lines: StressLine[];
  /** Σ pnl in dollars (negative = loss). */
  pnl: number;
  /** pnl / total equity (stock + cash); null when equity is 0. */
  pnlPct: number | null;
  /** True when any line used a proxy or had no history (false when the window has no data at all). */
  flagged: boolean;
  /** Set when the window has no data (P&L 0 and pnlPct null are then not figures to show). */
  noData: StressNoData | null;
}

/**
 * The return of `series` over [from, to], or null when it did not live through the window: no close
 * in it, or a history that starts after the window's first session or ends before its last. We cannot
 * tell a history that starts mid-window from one whose first date is the first session after a
 * weekend or holiday start, so a gap of up to 4 calendar days at either end counts as present.
 */
export function windowReturn(series: CloseSeries, from: string, to: string): number | null {
  const first = firstIndexAtOrAfter(series.dates, from);
  const last = lastIndexAtOrBefore(series.dates, to);
  if (first >= series.dates.length || last < first) return null;
  if (first === 0 && daysBetween(from, series.dates[0] as string) > 4) return null;
  if (last === series.dates.length - 1 && daysBetween(series.dates[last] as string, to) > 4) return null;
  const a = series.closes[first] as number;
  const b = series.closes[last] as number;
  if (!(a > 0 && Number.isFinite(a) && Number.isFinite(b))) return null;
  return b / a - 1;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

function total(
  name: string,
  kind: StressResult['kind'],
  lines: StressLine[],
  equity: number,
  window?: StressWindow,
): StressResult {
  let pnl = 0;
  for (const l of lines) pnl += l.pnl;
  return {
    name,
    kind,
    ...(window === undefined ? {} : { from: window.from, to: window.to }),
    lines,
    pnl,
    pnlPct: equity === 0 ? null : pnl / equity,
    flagged: lines.some((l) => l.source === 'benchmark' || l.source === 'missing'),
    noData: null,
  };
}

function noData(window: StressWindow, holdings: readonly StressHolding[], why: StressNoData): StressResult {
  return {
    name: window.name,
    kind: 'historical',
    from: window.from,
    to: window.to,
    lines: holdings.map((h) => ({ symbol: h.symbol, value: h.value, return: 0, pnl: 0, source: 'missing' })),
    pnl: 0,
    pnlPct: null,
    flagged: false,
    noData: why,
  };
}

/**
 * Replays `window` on the holdings. `history(symbol)` gives a holding's closes (or undefined);
 * `benchmark` the proxy's. `equity` = stock value + cash, for the percentage. `asOf` is the date the
 * holdings are valued at: a window ending after it has no data.
 */
export function historicalStress(
  window: StressWindow,
  holdings: readonly StressHolding[],
  history: (symbol: string) => CloseSeries | undefined,
  benchmark: CloseSeries | undefined,
  equity: number,
  asOf?: string,
): StressResult {
  if (asOf !== undefined && window.to > asOf) return noData(window, holdings, 'after_as_of');
  const proxy = benchmark === undefined ? null : windowReturn(benchmark, window.from, window.to);
  const lines = holdings.map((h): StressLine => {
    const series = history(h.symbol);
    const own = series === undefined ? null : windowReturn(series, window.from, window.to);
    const [r, source]: [number, StressSource] =
      own !== null ? [own, 'own'] : proxy !== null ? [proxy, 'benchmark'] : [0, 'missing'];
    return { symbol: h.symbol, value: h.value, return: r, pnl: h.value * r, source };
  });
  if (lines.length > 0 && lines.every((l) => l.source === 'missing'))
    return noData(window, holdings, 'no_history');
  return total(window.name, 'historical', lines, equity, window);
}

/** Applies a hypothetical shock: to every holding, or to `shock.symbol` only. */
export function shockStress(shock: Shock, holdings: readonly StressHolding[], equity: number): StressResult {
  const lines = holdings.map((h): StressLine => {
    const r = shock.symbol === undefined || shock.symbol === h.symbol ? shock.shock : 0;
    return { symbol: h.symbol, value: h.value, return: r, pnl: h.value * r, source: 'shock' };
  });
  return total(shock.name, 'shock', lines, equity);
}

/** Parses "2020-02-19:2020-03-23" into a window named after its dates; null when malformed or reversed. */
export function parseStressWindow(text: string): StressWindow | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})\s*:\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(text);
  if (m === null) return null;
  const from = m[1] as string;
  const to = m[2] as string;
  if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`)))
    return null;
  if (from >= to) return null;
  return { name: `${from} to ${to}`, from, to };
}
