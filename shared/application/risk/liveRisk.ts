import type { StrategyConfig } from '../../domain/Config';
import type { DomainEvent, EventPayloads, NewEvent } from '../../domain/DomainEvent';
import { exchangeDateOf, previousTradingDay, sessionHours } from '../../domain/calendar';
import { bookFill } from '../../domain/FillBooking';
import type { CommissionSnapshot } from '../../domain/Commission';
import { riskOf } from '../../domain/risk/RiskConfig';
import { checkPortfolio, checkStops, type StopDecision } from '../../domain/risk/RiskRules';
import {
  equityReferences,
  haltStateOf,
  tradingAllowed,
  type EquityClose,
  type HaltHistoryFact,
  type PortfolioHalt,
  type TradingAllowed,
} from '../../domain/risk/TradingHalt';
import { formatPercentSetting, formatPrice, formatShares } from '../../format/Format';
import type { EventLog } from '../../ports/EventLog';
import type { QuoteResult } from '../../ports/MarketData';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { QuoteLogRepository } from '../../ports/QuoteLogRepository';
import type { RiskReferences } from '../../ports/RiskReferences';
import type { PositionDecision } from '../trading/decidePosition';

/**
 * The risk manager of SPEC 9 in the live loop, with the domain's rules (shared/domain/risk): the same
 * `checkStops` and `checkPortfolio` the simulation calls. The tick asks, per tenant:
 * 1. before its transaction (I/O allowed): `prepareRisk` reads the references the rules need — the
 *    highest close of each position with a trailing stop, the equity closes of each portfolio with a
 *    daily loss stop or a circuit breaker — only where such a limit is set;
 * 2. inside it: `portfolioGates` values each portfolio now, writes `TradingHalted` when a rule fires
 *    and says what each portfolio may still do; `applyRisk` turns each position's decision into a stop
 *    exit (sell every share, pause) or blocks it (halted, or no buys after the daily loss stop).
 * See docs/adr/0130.
 */

export interface RiskPlan {
  /** Position id → highest close since it was opened (or since its last stop exit), before today. */
  highestClose: Map<string, number | null>;
  /** Portfolio id → its equity at each session close. */
  closes: Map<string, readonly EquityClose[]>;
}

export const NO_RISK_PLAN: RiskPlan = { highestClose: new Map(), closes: new Map() };

/** The portfolio's own limits: the daily loss stop and the circuit breaker are portfolio-wide settings. */
function portfolioLimits(portfolio: Portfolio) {
  return riskOf(portfolio.config);
}

export async function prepareRisk(
  deps: { events: Pick<EventLog, 'latestForPosition'>; riskReferences?: RiskReferences },
  tenantId: string,
  positions: readonly { position: PositionRecord; config: StrategyConfig }[],
  portfolios: readonly Portfolio[],
  now: number,
): Promise<RiskPlan> {
  const refs = deps.riskReferences;
  if (refs === undefined) return NO_RISK_PLAN;
  const plan: RiskPlan = { highestClose: new Map(), closes: new Map() };
  const today = exchangeDateOf(now);
  const lastClosed = previousTradingDay(today);
  for (const { position, config } of positions) {
    if (riskOf(config).trailingStopPct === null || !(position.qty > 0)) continue;
    const exit = deps.events.latestForPosition(tenantId, position.id, 'RiskExit');
    const since = exchangeDateOf(Math.max(position.createdAt, exit?.ts ?? 0));
    plan.highestClose.set(
      position.id,
      since > lastClosed ? null : await refs.highestClose(position.symbol, since, lastClosed),
    );
  }
  for (const portfolio of portfolios) {
    const limits = portfolioLimits(portfolio);
    if (limits.dailyLossLimitPct === null && limits.maxDrawdownPct === null) continue;
    plan.closes.set(portfolio.id, await refs.equityCloses(tenantId, portfolio.id));
  }
  return plan;
}

/** The halt facts of a tenant's portfolios, oldest first, as the domain reads them. */
export function haltHistory(
  events: Pick<EventLog, 'listByTenant'>,
  tenantId: string,
): Map<string, HaltHistoryFact[]> {
  const byPortfolio = new Map<string, HaltHistoryFact[]>();
  for (const e of events.listByTenant(tenantId, { types: ['TradingHalted', 'TradingResumed'] })) {
    if (e.portfolioId === null) continue;
    let list = byPortfolio.get(e.portfolioId);
    if (list === undefined) byPortfolio.set(e.portfolioId, (list = []));
    if (e.type === 'TradingHalted') list.push({ kind: 'TradingHalted', ts: e.ts, ...e.payload });
    else if (e.type === 'TradingResumed')
      list.push({
        kind: 'TradingResumed',
        ts: e.ts,
        session: exchangeDateOf(e.ts),
        equityCents: e.payload.equityCents,
      });
  }
  return byPortfolio;
}

/** Every portfolio's halt state now. */
export function portfolioHalts(
  events: Pick<EventLog, 'listByTenant'>,
  tenantId: string,
  now: number,
): Map<string, PortfolioHalt> {
  const today = exchangeDateOf(now);
  return new Map([...haltHistory(events, tenantId)].map(([id, facts]) => [id, haltStateOf(facts, today)]));
}

export interface GateDeps {
  events: Pick<EventLog, 'listByTenant' | 'append'>;
  positions: { listByPortfolio(tenantId: string, portfolioId: string): PositionRecord[] };
  quotes: Pick<QuoteLogRepository, 'latest'>;
}

export interface Gates {
  /** What each portfolio may do this tick ('all' when it is not listed). */
  allowed: Map<string, TradingAllowed>;
  /** Halts written now (notify after the commit). */
  halts: DomainEvent<'TradingHalted'>[];
}

/**
 * Inside the tenant's transaction: each portfolio's halt state from the log, and its rules on its equity
 * now (positions valued at this tick's quotes, else their last logged quote, else their anchor). A rule
 * that fires and is not in force yet writes `TradingHalted`. A portfolio none of whose symbols was
 * quoted this tick (the market is closed) is not judged: nothing it holds moved.
 */
export function portfolioGates(
  deps: GateDeps,
  tenantId: string,
  portfolios: readonly Portfolio[],
  plan: RiskPlan,
  quotes: ReadonlyMap<string, QuoteResult>,
  tickId: string,
  now: number,
): Gates {
  const gates: Gates = { allowed: new Map(), halts: [] };
  const history = haltHistory(deps.events, tenantId);
  const today = exchangeDateOf(now);
  for (const portfolio of portfolios) {
    const state = haltStateOf(history.get(portfolio.id) ?? [], today);
    const closes = plan.closes.get(portfolio.id);
    if (closes !== undefined && state.halted === null) {
      const fired = judgePortfolio(deps, tenantId, portfolio, closes, state, quotes, now);
      if (fired.length > 0) {
        const stored = deps.events.append(
          tenantId,
          fired.map((payload) => portfolioEvent(portfolio, 'TradingHalted', payload, tickId, now)),
        ) as DomainEvent<'TradingHalted'>[];
        for (const e of stored) {
          gates.halts.push(e);
          const fact = { kind: 'TradingHalted' as const, ts: e.ts, ...e.payload };
          if (e.payload.reason === 'max_drawdown') state.halted = fact;
          else state.buysBlocked = fact;
        }
      }
    }
    const allowed = tradingAllowed(state);
    if (allowed !== 'all') gates.allowed.set(portfolio.id, allowed);
  }
  return gates;
}

function judgePortfolio(
  deps: GateDeps,
  tenantId: string,
  portfolio: Portfolio,
  closes: readonly EquityClose[],
  state: PortfolioHalt,
  quotes: ReadonlyMap<string, QuoteResult>,
  now: number,
): EventPayloads['TradingHalted'][] {
  const limits = portfolioLimits(portfolio);
  const positions = deps.positions
    .listByPortfolio(tenantId, portfolio.id)
    .filter((p) => p.status !== 'CLOSED');
  if (!positions.some((p) => quotes.get(p.symbol)?.ok === true)) return [];
  const equity = equityNow(deps, positions, quotes);
  if (equity === null) return [];
  const today = exchangeDateOf(now);
  const last = closes.filter((c) => c.date < today).at(-1);
  const flowsNow = (last?.flowsCents ?? 0) + flowsSince(deps, tenantId, portfolio.id, last?.date ?? null);
  const refs = equityReferences(closes, today, flowsNow, state.lastResume);
  const decision = checkPortfolio(
    { equity, previousCloseEquity: refs.previousCloseCents, peakEquity: refs.peakCents },
    limits,
  );
  const out: EventPayloads['TradingHalted'][] = [];
  if (decision.halt && limits.maxDrawdownPct !== null && refs.peakCents !== null) {
    out.push({
      reason: 'max_drawdown',
      scope: 'all',
      session: today,
      equityCents: equity,
      referenceCents: Math.max(refs.peakCents, equity),
      limitPct: limits.maxDrawdownPct,
    });
  } else if (
    decision.noNewBuys &&
    state.buysBlocked === null &&
    limits.dailyLossLimitPct !== null &&
    refs.previousCloseCents !== null
  ) {
    out.push({
      reason: 'daily_loss_stop',
      scope: 'buys',
      session: today,
      equityCents: equity,
      referenceCents: refs.previousCloseCents,
      limitPct: limits.dailyLossLimitPct,
    });
  }
  return out;
}

/** Cash + receivable + shares at their price now, cents; null when a holding has no price at all. */
export function equityNow(
  deps: Pick<GateDeps, 'quotes'>,
  positions: readonly PositionRecord[],
  quotes: ReadonlyMap<string, QuoteResult>,
): number | null {
  let total = 0;
  for (const p of positions) {
    total += p.cashCents + p.receivableCents;
    if (!(p.qty > 0)) continue;
    const price = priceOf(deps, p, quotes.get(p.symbol));
    if (price === null) return null;
    total += Math.round(p.qty * price * 100);
  }
  return total;
}

function priceOf(
  deps: Pick<GateDeps, 'quotes'>,
  p: PositionRecord,
  q: QuoteResult | undefined,
): number | null {
  const fromQuote = (bid: number | null, ask: number | null, last: number | null): number | null =>
    last !== null && last > 0
      ? last
      : bid !== null && ask !== null && bid > 0 && ask > 0
        ? (bid + ask) / 2
        : null;
  if (q !== undefined && q.ok) {
    const price = fromQuote(q.quote.bid, q.quote.ask, q.quote.last);
    if (price !== null) return price;
  }
  const logged = deps.quotes.latest(null, p.symbol);
  const price = logged === null ? null : fromQuote(logged.bid, logged.ask, logged.last);
  return price ?? p.anchor;
}

/** Deposits − withdrawals (a position opened with cash is a deposit) since the close of `date`. */
function flowsSince(
  deps: Pick<GateDeps, 'events'>,
  tenantId: string,
  portfolioId: string,
  date: string | null,
): number {
  if (date === null) return 0;
  const close = sessionHours(date)?.regularClose ?? 0;
  let flows = 0;
  for (const e of deps.events.listByTenant(tenantId, {
    types: ['CashDeposited', 'CashWithdrawn', 'PositionOpened'],
    fromTs: close,
  })) {
    if (e.portfolioId !== portfolioId) continue;
    if (e.type === 'CashDeposited') flows += e.payload.amountCents;
    else if (e.type === 'CashWithdrawn') flows -= e.payload.amountCents;
    else if (e.type === 'PositionOpened') flows += e.payload.cashCents;
  }
  return flows;
}

/** What a stop exit adds to a decision: the RiskExit's figures. */
export interface RiskExitPlan {
  reason: StopDecision['reason'];
  stopPrice: number;
  reference: number;
  limitPct: number;
}

/**
 * One position's decision under the risk manager: halted → no order at all; a stop that fires → a sell of
 * every share held (never more), whatever the rules decided; buys blocked → a buy becomes a HOLD. A
 * position with an open order is left alone (orders never stack; the stop is checked again next tick).
 */
export function applyRisk(
  position: PositionRecord,
  decision: PositionDecision,
  config: StrategyConfig,
  allowed: TradingAllowed,
  references: { averageCost: () => number | null; highestClose: number | null },
  commission: CommissionSnapshot,
): PositionDecision {
  if (allowed === 'none') {
    if (decision.order === null && decision.rejected === null) return decision;
    return blocked(
      decision,
      'trading_halted',
      'trading of the portfolio is halted (circuit breaker): no order until you resume it',
    );
  }
  const limits = riskOf(config);
  const price = decision.payload.priceEffective;
  const skipped = decision.payload.action === 'SKIP'; // an open order: nothing stacks on it
  if (
    (limits.positionStopPct !== null || limits.trailingStopPct !== null) &&
    price !== null &&
    !skipped &&
    position.qty > 0
  ) {
    const known = {
      averageCost: limits.positionStopPct !== null ? references.averageCost() : null,
      highestClose: references.highestClose,
    };
    const stop = checkStops({ qty: position.qty, price, ...known }, limits);
    if (stop !== null) return exitDecision(decision, stop, price, limits, known, commission);
  }
  if (allowed === 'sells' && decision.order?.side === 'BUY')
    return blocked(
      decision,
      'daily_loss_stop',
      'the daily loss stop allows no new buys for the rest of the session',
    );
  return decision;
}

function blocked(
  decision: PositionDecision,
  reason: 'trading_halted' | 'daily_loss_stop',
  detail: string,
): PositionDecision {
  return {
    payload: {
      ...decision.payload,
      action: 'HOLD',
      deltas: null,
      reasons: [...decision.payload.reasons, reason],
      detail: `Blocked: ${detail}`,
    },
    order: null,
    rejected: null,
    anchorToSet: null,
  };
}

function exitDecision(
  decision: PositionDecision,
  stop: StopDecision,
  price: number,
  limits: ReturnType<typeof riskOf>,
  references: { averageCost: number | null; highestClose: number | null },
  commission: CommissionSnapshot,
): PositionDecision {
  const position = stop.reason === 'position_stop';
  const reference = (position ? references.averageCost : references.highestClose) as number;
  const limitPct = (position ? limits.positionStopPct : limits.trailingStopPct) as number;
  const booking = bookFill('SELL', stop.qty, price, commission);
  const what = position
    ? `the position stop ${formatPrice(stop.stopPrice)} (average cost ${formatPrice(reference)} − ${formatPercentSetting(limitPct)})`
    : `the trailing stop ${formatPrice(stop.stopPrice)} (highest close ${formatPrice(reference)} − ${formatPercentSetting(limitPct)})`;
  return {
    payload: {
      ...decision.payload,
      action: 'SELL',
      finalQty: stop.qty,
      deltas: { qty: -stop.qty, cashCents: booking.cashDeltaCents },
      reasons: [stop.reason],
      detail: `Risk exit: ${formatPrice(price)} is at or below ${what}; selling ${formatShares(stop.qty)} and pausing the position`,
    },
    order: { side: 'SELL', qty: stop.qty, price, isInitialAllocation: false },
    rejected: null,
    anchorToSet: null,
    riskExit: { reason: stop.reason, stopPrice: stop.stopPrice, reference, limitPct },
  };
}

function portfolioEvent<T extends 'TradingHalted' | 'TradingResumed'>(
  portfolio: Pick<Portfolio, 'id' | 'tenantId'>,
  type: T,
  payload: EventPayloads[T],
  correlationId: string,
  ts: number,
): NewEvent<T> {
  return {
    type,
    tenantId: portfolio.tenantId,
    portfolioId: portfolio.id,
    positionId: null,
    symbol: null,
    ts,
    correlationId,
    payload,
  };
}

export { portfolioEvent };

/** Is this order a stop's exit (its reasons name the stop)? Its fill unsets the anchor; drift does not re-size it. */
export function isRiskExit(order: { reasons: readonly string[] }): boolean {
  return order.reasons.includes('position_stop') || order.reasons.includes('trailing_stop');
}
