/**
 * The returns SPEC 9's analytics run on: W returns (W + 1 closes) on the dates all holdings share, up
 * to an as-of date. A holding whose history is shorter than that shortens the window for every holding
 * (the dates must be shared) and is flagged; the window never reaches past the as-of date.
 */

/** One symbol's daily closes, oldest first, with their session dates (ISO, ascending). */
export interface CloseSeries {
  symbol: string;
  dates: readonly string[];
  closes: ArrayLike<number>;
}

export interface AlignedReturns {
  /** The W′ + 1 shared dates, oldest first (W′ ≤ W). */
  dates: string[];
  /** One array per series, same order as the input: W′ simple returns close_t / close_{t−1} − 1. */
  returns: Float64Array[];
  /** The last close (at `dates[W′]`) of each series: what today's values are priced at. */
  lastCloses: number[];
  /** Per series: true when it had fewer than W + 1 closes up to the as-of date (it shortened the window). */
  shortHistory: boolean[];
}

export const DEFAULT_RISK_WINDOW = 500;

/** Index of the last date ≤ `date` in ascending `dates`, or −1. */
export function lastIndexAtOrBefore(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as string) <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first date ≥ `date` in ascending `dates`, or dates.length. */
export function firstIndexAtOrAfter(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as string) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Aligns `series` on their shared dates ≤ `asOf` (default: the latest shared date) and returns the last
 * `window` returns. Fewer shared closes than window + 1 give a shorter window. Throws RangeError when
 * no two dates are shared or a close is not a positive finite number.
 */
export function alignReturns(
  series: readonly CloseSeries[],
  window: number = DEFAULT_RISK_WINDOW,
  asOf?: string,
): AlignedReturns {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be ≥ 1, got ${window}`);
  if (series.length === 0) return { dates: [], returns: [], lastCloses: [], shortHistory: [] };
  // Shared dates: walk the series' dates up to asOf; a date counts when every series has it.
  const counts = new Map<string, number>();
  const ends = series.map((s) =>
    asOf === undefined ? s.dates.length - 1 : lastIndexAtOrBefore(s.dates, asOf),
  );
  series.forEach((s, k) => {
    for (let t = 0; t <= (ends[k] as number); t++) {
      const d = s.dates[t] as string;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  });
  const shared: string[] = [];
  for (const [d, c] of counts) if (c === series.length) shared.push(d);
  shared.sort();
  if (shared.length < 2)
    throw new RangeError(
      `the holdings share ${shared.length} closing date${shared.length === 1 ? '' : 's'}${asOf === undefined ? '' : ` up to ${asOf}`}; at least 2 are needed`,
    );
  const dates = shared.slice(Math.max(0, shared.length - (window + 1)));
  const returns: Float64Array[] = [];
  const lastCloses: number[] = [];
  const shortHistory: boolean[] = [];
  series.forEach((s, k) => {
    const r = new Float64Array(dates.length - 1);
    let at = firstIndexAtOrAfter(s.dates, dates[0] as string);
    let prev = closeAt(s, at);
    for (let t = 1; t < dates.length; t++) {
      at = firstIndexAtOrAfter(s.dates, dates[t] as string);
      const c = closeAt(s, at);
      r[t - 1] = c / prev - 1;
      prev = c;
    }
    returns.push(r);
    lastCloses.push(prev);
    shortHistory.push((ends[k] as number) + 1 < window + 1);
  });
  return { dates, returns, lastCloses, shortHistory };
}

function closeAt(s: CloseSeries, index: number): number {
  const c = s.closes[index] as number;
  if (!(Number.isFinite(c) && c > 0))
    throw new RangeError(`${s.symbol}: the close on ${s.dates[index]} is not a positive number`);
  return c;
}

/**
 * The benchmark's returns on `dates` (the aligned window): NaN where the benchmark lacks either date of
 * a return, so beta uses the dates it has.
 */
export function returnsOnDates(series: CloseSeries, dates: readonly string[]): Float64Array {
  const out = new Float64Array(Math.max(0, dates.length - 1));
  const closeOn = (d: string): number => {
    const i = firstIndexAtOrAfter(series.dates, d);
    return series.dates[i] === d ? (series.closes[i] as number) : NaN;
  };
  let prev = dates.length > 0 ? closeOn(dates[0] as string) : NaN;
  for (let t = 1; t < dates.length; t++) {
    const c = closeOn(dates[t] as string);
    out[t - 1] = c / prev - 1;
    prev = c;
  }
  return out;
}
