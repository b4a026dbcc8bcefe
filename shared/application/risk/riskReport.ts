import type { PortfolioRiskReport } from '../../domain/risk/PortfolioRisk';
import { computePortfolioRisk } from '../../domain/risk/PortfolioRisk';
import type { CloseSeries } from '../../domain/risk/RiskReturns';
import {
  alignReturns,
  DEFAULT_RISK_WINDOW,
  lastIndexAtOrBefore,
  returnsOnDates,
} from '../../domain/risk/RiskReturns';
import type { Shock, StressResult, StressWindow } from '../../domain/risk/StressTest';
import {
  HISTORICAL_WINDOWS,
  historicalStress,
  shockStress,
  STANDARD_SHOCKS,
} from '../../domain/risk/StressTest';
import type { HistoricalBarSource } from '../../ports/HistoricalBars';

/**
 * SPEC 9's analytics and stress tests on a set of holdings, the one use case behind `vb risk`,
 * `vb stress` and the Risk page: live positions and a holdings file go through the same code.
 */

/** Shares of a symbol held (summed over positions); cash is separate. */
export interface HeldShares {
  symbol: string;
  qty: number;
}

export type CloseHistory = (symbol: string) => Promise<CloseSeries | string>;

/** The benchmark of beta and of stress proxies (SPEC 8: SPY by default). */
export const DEFAULT_BENCHMARK = 'SPY';

/** Reads a symbol's daily closes through the history port; a failure is its message. */
export function closeHistoryFrom(source: HistoricalBarSource, toDate = '2100-12-31'): CloseHistory {
  return async (symbol) => {
    const r = await source.getBars(symbol, '1990-01-01', toDate, '1d');
    if (!r.ok) return r.message;
    return { symbol, dates: r.bars.session, closes: r.bars.close };
  };
}

export interface RiskRequest {
  holdings: readonly HeldShares[];
  /** Cash in dollars (riskless). */
  cash: number;
  window?: number;
  asOf?: string;
  benchmark?: string;
}

export interface RiskOutcome {
  /** The last shared close date the holdings are valued at. */
  asOf: string;
  /** First and last date of the window of returns. */
  from: string;
  window: number;
  benchmark: string | null;
  report: PortfolioRiskReport;
}

/**
 * A failure's message; `badAsOf` when the as-of date the user gave lies before the holdings' history
 * (bad input: the message names the symbols and the dates that can be picked).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; badAsOf?: true };

/**
 * The refusal of an as-of date before the history: "no closes on or before D for A, B: pick a date
 * from X to Y". `earliest` is the first date that works, `latest` the last close of the holdings.
 */
function asOfTooEarly(
  asOf: string,
  symbols: readonly string[],
  earliest: string,
  latest: string,
): Outcome<never> {
  return {
    ok: false,
    badAsOf: true,
    message: `no closes on or before ${asOf} for ${symbols.join(', ')}: pick a date from ${earliest} to ${latest}`,
  };
}

/** Closes every holding must share for the risk figures: two daily returns. */
const MIN_SHARED_CLOSES = 3;

/** The dates every series has, ascending. */
function sharedDates(series: readonly CloseSeries[]): string[] {
  const counts = new Map<string, number>();
  for (const s of series) for (const d of s.dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  const shared: string[] = [];
  for (const [d, c] of counts) if (c === series.length) shared.push(d);
  return shared.sort();
}

async function loadAll(
  symbols: readonly string[],
  history: CloseHistory,
): Promise<Outcome<Map<string, CloseSeries>>> {
  const map = new Map<string, CloseSeries>();
  for (const symbol of symbols) {
    const s = await history(symbol);
    if (typeof s === 'string') return { ok: false, message: `${symbol}: ${s}` };
    map.set(symbol, s);
  }
  return { ok: true, value: map };
}

/** Merges repeated symbols, drops zero quantities, sorts by symbol. */
export function heldSharesOf(rows: readonly HeldShares[]): HeldShares[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.symbol, (by.get(r.symbol) ?? 0) + r.qty);
  return [...by]
    .filter(([, qty]) => qty !== 0)
    .map(([symbol, qty]) => ({ symbol, qty }))
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

export async function portfolioRisk(
  request: RiskRequest,
  history: CloseHistory,
): Promise<Outcome<RiskOutcome>> {
  const holdings = heldSharesOf(request.holdings);
  if (holdings.length === 0)
    return { ok: false, message: 'there are no holdings to measure (no shares held)' };
  const window = request.window ?? DEFAULT_RISK_WINDOW;
  const loaded = await loadAll(
    holdings.map((h) => h.symbol),
    history,
  );
  if (!loaded.ok) return loaded;
  const series = holdings.map((h) => loaded.value.get(h.symbol) as CloseSeries);
  // The figures need two daily returns (a standard deviation): three closes every holding shares.
  const shared = sharedDates(series);
  if (shared.length < MIN_SHARED_CLOSES)
    return {
      ok: false,
      message: `the holdings share ${shared.length} closing date${shared.length === 1 ? '' : 's'}; at least ${MIN_SHARED_CLOSES} are needed`,
    };
  if (request.asOf !== undefined && request.asOf < (shared[MIN_SHARED_CLOSES - 1] as string)) {
    const asOf = request.asOf;
    const missing = series.filter((s) => lastIndexAtOrBefore(s.dates, asOf) < 0).map((s) => s.symbol);
    const earliest = shared[MIN_SHARED_CLOSES - 1] as string;
    const latest = shared[shared.length - 1] as string;
    if (missing.length > 0) return asOfTooEarly(asOf, missing, earliest, latest);
    const upTo = shared.filter((d) => d <= asOf).length;
    return {
      ok: false,
      badAsOf: true,
      message: `${series.map((s) => s.symbol).join(', ')} share ${upTo === 1 ? 'one close' : `${upTo} closes`} on or before ${asOf} (the figures need ${MIN_SHARED_CLOSES}: two daily returns): pick a date from ${earliest} to ${latest}`,
    };
  }
  let aligned;
  try {
    aligned = alignReturns(series, window, request.asOf);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const benchmarkSymbol = request.benchmark ?? DEFAULT_BENCHMARK;
  const bench = await history(benchmarkSymbol);
  const benchmarkReturns = typeof bench === 'string' ? null : returnsOnDates(bench, aligned.dates);
  const report = computePortfolioRisk({
    holdings: holdings.map((h, i) => ({
      symbol: h.symbol,
      value: h.qty * (aligned.lastCloses[i] as number),
      shortHistory: aligned.shortHistory[i] === true,
    })),
    returns: aligned.returns,
    cash: request.cash,
    benchmarkReturns,
  });
  return {
    ok: true,
    value: {
      asOf: aligned.dates[aligned.dates.length - 1] as string,
      from: aligned.dates[0] as string,
      window,
      benchmark: benchmarkReturns === null ? null : benchmarkSymbol,
      report,
    },
  };
}

export interface StressRequest {
  holdings: readonly HeldShares[];
  cash: number;
  /** Extra windows (the user's); the four of SPEC 9 always run unless `onlyGiven`. */
  windows?: readonly StressWindow[];
  /** Extra shocks; the standard −10/−20/−30 % always run unless `onlyGiven`. */
  shocks?: readonly Shock[];
  /** Run only the windows and shocks given (the CLI's --window/--shock). */
  onlyGiven?: boolean;
  asOf?: string;
  benchmark?: string;
}

export interface StressOutcome {
  asOf: string;
  stockValue: number;
  equity: number;
  holdings: { symbol: string; qty: number; price: number; value: number }[];
  results: StressResult[];
}

/** Values the holdings at their last close ≤ asOf, then runs every window and shock on them. */
export async function stressTests(
  request: StressRequest,
  history: CloseHistory,
): Promise<Outcome<StressOutcome>> {
  const held = heldSharesOf(request.holdings);
  if (held.length === 0) return { ok: false, message: 'there are no holdings to stress (no shares held)' };
  const loaded = await loadAll(
    held.map((h) => h.symbol),
    history,
  );
  if (!loaded.ok) return loaded;
  if (request.asOf !== undefined) {
    const given = request.asOf;
    const series = held
      .map((h) => loaded.value.get(h.symbol) as CloseSeries)
      .filter((s) => s.dates.length > 0);
    const missing = series.filter((s) => lastIndexAtOrBefore(s.dates, given) < 0).map((s) => s.symbol);
    if (missing.length > 0 && series.length === held.length) {
      const earliest = series.reduce((m, s) => ((s.dates[0] as string) > m ? (s.dates[0] as string) : m), '');
      const latest = series.reduce((m, s) => {
        const last = s.dates[s.dates.length - 1] as string;
        return last > m ? last : m;
      }, '');
      return asOfTooEarly(given, missing, earliest, latest);
    }
  }
  let asOf = '';
  const holdings: StressOutcome['holdings'] = [];
  for (const h of held) {
    const s = loaded.value.get(h.symbol) as CloseSeries;
    const at = request.asOf === undefined ? s.dates.length - 1 : lastIndexAtOrBefore(s.dates, request.asOf);
    if (at < 0)
      return { ok: false, message: `${h.symbol}: no close on or before ${request.asOf ?? 'today'}` };
    const price = s.closes[at] as number;
    const date = s.dates[at] as string;
    if (date > asOf) asOf = date;
    holdings.push({ symbol: h.symbol, qty: h.qty, price, value: h.qty * price });
  }
  const stockValue = holdings.reduce((s, h) => s + h.value, 0);
  const equity = stockValue + request.cash;
  const bench = await history(request.benchmark ?? DEFAULT_BENCHMARK);
  const benchmark = typeof bench === 'string' ? undefined : bench;
  const windows = [...(request.onlyGiven === true ? [] : HISTORICAL_WINDOWS), ...(request.windows ?? [])];
  const shocks = [...(request.onlyGiven === true ? [] : STANDARD_SHOCKS), ...(request.shocks ?? [])];
  const results = [
    ...windows.map((w) => historicalStress(w, holdings, (s) => loaded.value.get(s), benchmark, equity, asOf)),
    ...shocks.map((s) => shockStress(s, holdings, equity)),
  ];
  return { ok: true, value: { asOf, stockValue, equity, holdings, results } };
}
