import {
  DAY_TRADE_WINDOW_SESSIONS,
  DayTradeCounter,
  type DayTradeCheck,
  type DayTradeLimit,
} from '../../domain/accounting/DayTrades';
import { exchangeDateOf, previousTradingDay } from '../../domain/calendar';
import { productCents } from '../../domain/Money';
import { formatCount, formatMoney } from '../../format/Format';
import type { AccountingSettingsRepository } from '../../ports/AccountingSettingsRepository';
import type { EventLog } from '../../ports/EventLog';
import type { PositionRecord, PositionRepository } from '../../ports/PositionRepository';
import type { PositionDecision } from '../trading/decidePosition';

/**
 * The words of a day-trade check that warned or blocked, in the investor's units: the same sentence in
 * the live loop's evaluation detail and in a simulation's rejected order.
 */
export function dayTradeWords(check: DayTradeCheck, limit: DayTradeLimit): string {
  const what = check.verdict === 'block' ? 'Buy blocked by the day-trade limit' : 'Day-trade limit warning';
  return (
    `${what}: this buy would be day trade ${formatCount(check.countAfter)} in the last ` +
    `${formatCount(DAY_TRADE_WINDOW_SESSIONS)} sessions (limit ${formatCount(limit.maxDayTrades)}) ` +
    `while equity ${formatMoney(check.equityCents)} is below ${formatMoney(limit.minEquityCents)}`
  );
}

/**
 * A decision after the optional day-trade limit (SPEC 8): a sell, a hold, or any buy with the limit
 * off passes unchanged. A buy that would exceed the limit while equity is below the threshold is
 * blocked (a REJECTED order with the reason `day_trade_limit`, recorded and notified like the order
 * validator's) or, in warn mode, goes through with the reason `day_trade_warning` and the words in its
 * detail. Used by the live loop (`limitDayTrades`) and the simulation (`SimulatedPosition`) alike.
 */
export function applyDayTradeCheck(
  decision: PositionDecision,
  check: DayTradeCheck,
  limit: DayTradeLimit,
): PositionDecision {
  const o = decision.order;
  if (o === null || check.verdict === 'ok') return decision;
  const words = dayTradeWords(check, limit);
  if (check.verdict === 'warn') {
    const detail = decision.payload.detail === null ? words : `${decision.payload.detail}; ${words}`;
    return {
      ...decision,
      payload: { ...decision.payload, reasons: [...decision.payload.reasons, 'day_trade_warning'], detail },
    };
  }
  const reasons = [...decision.payload.reasons, 'day_trade_limit' as const];
  return {
    payload: { ...decision.payload, action: 'HOLD', deltas: null, reasons, detail: words },
    order: null,
    rejected: { side: o.side, qty: o.qty, price: o.price, reasons, detail: words },
    anchorToSet: o.isInitialAllocation ? o.price : null,
  };
}

/** The sessions the counter looks at on `date`: the last 5 trading days, `date` last. */
export function dayTradeSessions(date: string): string[] {
  const sessions = [date];
  while (sessions.length < DAY_TRADE_WINDOW_SESSIONS)
    sessions.unshift(previousTradingDay(sessions[0] as string));
  return sessions;
}

export interface DayTradeDeps {
  /** Absent (some tests' deps): no limit. */
  accountingSettings?: Pick<AccountingSettingsRepository, 'get'>;
  events: Pick<EventLog, 'listByTenant'>;
  positions: Pick<PositionRepository, 'listByPortfolio'>;
}

/**
 * The live loop's day-trade limit on one decision. Only a buy with the portfolio's limit set costs a
 * query: the portfolio's fills of the last 5 sessions (from the event log) and its equity now (the
 * tick's prices, else each position's anchor). The account of the limit is the portfolio.
 */
export function limitDayTrades(
  deps: DayTradeDeps,
  position: PositionRecord,
  decision: PositionDecision,
  now: number,
  priceOf: (symbol: string) => number | null,
): PositionDecision {
  const o = decision.order;
  if (o === null || o.side !== 'BUY' || deps.accountingSettings === undefined) return decision;
  const limit = deps.accountingSettings.get(position.tenantId, position.portfolioId).dayTradeLimit;
  if (limit.maxDayTrades === null) return decision;
  const sessions = dayTradeSessions(exchangeDateOf(now));
  const positions = deps.positions.listByPortfolio(position.tenantId, position.portfolioId);
  const inPortfolio = new Set(positions.map((p) => p.id));
  const counter = new DayTradeCounter();
  // A day before the first session's date (UTC) covers its New York morning.
  const fromTs = Date.parse(`${sessions[0] as string}T00:00:00Z`) - 86_400_000;
  for (const e of deps.events.listByTenant(position.tenantId, { types: ['OrderFilled'], fromTs })) {
    if (e.type !== 'OrderFilled' || e.positionId === null || !inPortfolio.has(e.positionId)) continue;
    counter.record(exchangeDateOf(e.ts), e.symbol ?? '', e.payload.side);
  }
  let equity = 0;
  for (const p of positions) {
    if (p.status === 'CLOSED') continue;
    const price = p.id === position.id ? o.price : (priceOf(p.symbol) ?? p.anchor ?? 0);
    equity += p.cashCents + p.receivableCents + (p.qty > 0 ? productCents(p.qty, price) : 0);
  }
  return applyDayTradeCheck(decision, counter.checkBuy(sessions, position.symbol, equity, limit), limit);
}
