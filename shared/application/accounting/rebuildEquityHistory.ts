import { previousTradingDay, sessionHours, tradingDaysBetween, exchangeDateOf } from '../../domain/calendar';
import {
  addInto,
  buildEquityHistory,
  emptySnapshot,
  type EquitySnapshot,
} from '../../domain/accounting/EquityHistory';
import type { EquityHistoryRow } from '../../ports/EquityHistoryRepository';
import type { EquityHistoryDeps } from './AccountingDeps';
import { loadTenantLedger } from './tenantLedger';

/** The last session whose close has passed at `now` (today after the close, else the trading day before). */
export function lastClosedSession(now: number): string {
  const today = exchangeDateOf(now);
  const hours = sessionHours(today);
  return hours !== null && now >= hours.regularClose ? today : previousTradingDay(today);
}

export interface RebuildReport {
  /** Sessions written (the last stored one again, and every one after it). */
  sessions: number;
  rows: number;
  fromDate: string | null;
  toDate: string;
}

/**
 * SPEC 8 "Equity history", at each session close and for every day the app was not running: replays
 * the log, values the shares at each session's close (price history through the ClosePrices port) and
 * writes one row per position and portfolio total from the last stored session on (earlier ones do not
 * change: facts are never back-dated). `full` rewrites the whole history.
 */
export async function rebuildEquityHistory(
  deps: EquityHistoryDeps,
  tenantId: string,
  options: { full?: boolean } = {},
): Promise<RebuildReport> {
  const toDate = lastClosedSession(deps.clock.now());
  const { facts, portfolioOf } = loadTenantLedger(deps, tenantId);
  const first = facts[0]?.date;
  if (first === undefined || first > toDate) return { sessions: 0, rows: 0, fromDate: null, toDate };
  const stored = options.full ? null : deps.equityHistory.lastDate(tenantId);
  const fromDate = stored !== null && stored >= first ? stored : first;
  const sessions = tradingDaysBetween(first, toDate);
  const closes = new Map<string, Map<string, number>>();
  for (const symbol of new Set(facts.map((f) => f.symbol))) {
    closes.set(symbol, await deps.closes.closes(symbol, first, toDate));
  }
  const methodOf = (id: string) => deps.accountingSettings.get(tenantId, portfolioOf.get(id) ?? '').lotMethod;
  const history = buildEquityHistory(facts, sessions, (s, d) => closes.get(s)?.get(d) ?? null, methodOf);
  const rows = historyRows(history.positions, portfolioOf, fromDate);
  deps.uow.transaction(() => deps.equityHistory.replaceFrom(tenantId, fromDate, rows));
  return { sessions: sessions.filter((d) => d >= fromDate).length, rows: rows.length, fromDate, toDate };
}

/** Position rows and their portfolio totals, dated `fromDate` or later. */
export function historyRows(
  positions: ReadonlyMap<string, readonly EquitySnapshot[]>,
  portfolioOf: ReadonlyMap<string, string>,
  fromDate: string,
): EquityHistoryRow[] {
  const rows: EquityHistoryRow[] = [];
  const totals = new Map<string, EquityHistoryRow>();
  for (const [positionId, snaps] of positions) {
    const portfolioId = portfolioOf.get(positionId);
    if (portfolioId === undefined) continue;
    for (const s of snaps) {
      if (s.date < fromDate) continue;
      rows.push({ ...s, portfolioId });
      const key = `${s.date}|${portfolioId}`;
      let total = totals.get(key);
      if (total === undefined) totals.set(key, (total = { ...emptySnapshot(s.date), portfolioId }));
      addInto(total, s);
    }
  }
  rows.push(...totals.values());
  return rows;
}
