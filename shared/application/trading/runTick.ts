import { resolveCommission, type CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import type { DailyActivity } from '../../domain/DailyActivity';
import type { DomainEvent, EventPayloads, NewEvent } from '../../domain/DomainEvent';
import { anchorWithoutInitialFill } from '../../domain/AnchorRules';
import { exchangeDateOf, marketSessionAt, type MarketSession } from '../../domain/calendar';
import type { QuoteResult } from '../../ports/MarketData';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { QuoteLogEntry } from '../../ports/QuoteLogRepository';
import { commitPositionChange, ledgerOf, positionEvent } from '../ledger/positionChange';
import { decidePosition, sessionAllowsTrading, type PositionDecision } from './decidePosition';
import { exchangeDayBounds } from './exchangeDay';
import { positionConfig } from './positionConfig';
import { isManualTickId, missedSlotsBetween, TICK_INTERVAL_MS } from './tickId';
import type { LiveDeps } from './TradingDeps';

export type TickDeps = Pick<
  LiveDeps,
  | 'uow'
  | 'clock'
  | 'ids'
  | 'events'
  | 'tenants'
  | 'portfolios'
  | 'positions'
  | 'commissionRates'
  | 'orders'
  | 'trades'
  | 'intents'
  | 'evaluations'
  | 'quotes'
  | 'marketData'
  | 'notifier'
  | 'logger'
>;

export interface TickOptions {
  /** Upper bound on the one batched quote call (SPEC 4.1.2). */
  quoteTimeoutMs: number;
  intervalMs?: number;
  /** Monotonic milliseconds for durations (the clock may be virtual); the clock by default. */
  stopwatch?: () => number;
}

/** What one tick did for one tenant. */
export interface TenantTickResult {
  tenantId: string;
  evaluated: number;
  ordersCreated: number;
  ordersRejected: number;
  missedTicks: number;
  evaluations: DomainEvent<'EvaluationEvent'>[];
  orders: OrderRecord[];
  rejections: DomainEvent<'OrderRejected'>[];
  /** Positions whose row changed (an initial anchor set without a fill). */
  positionsChanged: PositionRecord[];
  /** Null when this tenant had already completed this tick (a re-run). */
  completed: DomainEvent<'TickCompleted'> | null;
  /** Positions whose evaluation failed with a bug (logged; the rest of the tick went on). */
  failed: number;
}

export interface TickResult {
  tickId: string;
  startedAt: number;
  durationMs: number;
  symbolsQuoted: number;
  quoteFailures: number;
  tenants: TenantTickResult[];
}

interface PlannedPosition {
  position: PositionRecord;
  config: StrategyConfig;
  session: MarketSession;
}

interface TenantPlan {
  tenantId: string;
  positions: PlannedPosition[];
  alreadyCompleted: boolean;
}

/**
 * One tick of the TradingOrchestrator (SPEC 4.1), for every tenant:
 * 1. read the ACTIVE positions not yet evaluated in this tick (a re-run after a crash only finishes
 *    what is missing) and each one's session;
 * 2. one batched, time-limited quote call for the symbols whose session allows trading (a position in
 *    a closed session is held as `market_closed` without a quote: it takes no action, so it needs none);
 * 3. the quotes used go to the quote log; then one transaction per tenant writes, per position, the
 *    EvaluationEvent and, when a trade is allowed, the order (NEW), its intent (QUEUED) and
 *    OrderIntentCreated together; then one TickCompleted.
 * Each position runs in its own savepoint: a bug in one is logged and does not stop the others.
 */
export async function runTick(deps: TickDeps, tickId: string, options: TickOptions): Promise<TickResult> {
  const stopwatch = options.stopwatch ?? (() => deps.clock.now());
  const intervalMs = options.intervalMs ?? TICK_INTERVAL_MS;
  const t0 = stopwatch();
  const startedAt = deps.clock.now();
  const log = deps.logger.child({ tickId });
  const plans = deps.tenants.listAll().map((t) => planTenant(deps, t.id, tickId, startedAt));

  const symbols = [
    ...new Set(
      plans.flatMap((p) =>
        p.positions.filter((x) => sessionAllowsTrading(x.session, x.config)).map((x) => x.position.symbol),
      ),
    ),
  ].sort();
  const quotes = await fetchQuotes(deps, symbols, options.quoteTimeoutMs, log);
  const failures = [...quotes.values()].filter((q) => !q.ok).length;
  const used = [...quotes.values()].flatMap((q): QuoteLogEntry[] =>
    q.ok
      ? [
          {
            symbol: q.quote.symbol,
            ts: q.quote.ts,
            bid: q.quote.bid,
            ask: q.quote.ask,
            last: q.quote.last,
            source: deps.marketData.name,
            tickId,
          },
        ]
      : [],
  );
  if (used.length > 0) deps.uow.transaction(() => deps.quotes.append(null, used));

  const tenants = plans.map((plan) =>
    writeTenantTick(deps, plan, tickId, quotes, { intervalMs, t0, stopwatch, log }),
  );
  const durationMs = stopwatch() - t0;
  log.info('tick completed', {
    durationMs,
    symbols: symbols.length,
    quoteFailures: failures,
    evaluated: tenants.reduce((n, t) => n + t.evaluated, 0),
    ordersCreated: tenants.reduce((n, t) => n + t.ordersCreated, 0),
  });
  for (const t of tenants) {
    for (const r of t.rejections) {
      deps.notifier.notify({
        kind: 'rejection',
        title: `Order rejected: ${r.payload.side} ${r.payload.qty} ${r.symbol ?? ''}`.trim(),
        body: r.payload.detail,
        tenantId: t.tenantId,
        positionId: r.positionId,
        symbol: r.symbol,
        at: r.ts,
      });
    }
  }
  return { tickId, startedAt, durationMs, symbolsQuoted: symbols.length, quoteFailures: failures, tenants };
}

/**
 * A tick that did not run (the previous one was still running, or trading is paused) is still a fact:
 * one TickCompleted with `skipped` for every tenant. Nothing else is written.
 */
export function recordSkippedTick(
  deps: Pick<LiveDeps, 'uow' | 'clock' | 'tenants' | 'events' | 'logger'>,
  tickId: string,
  why: string,
): DomainEvent<'TickCompleted'>[] {
  const now = deps.clock.now();
  deps.logger.warn('tick skipped', { tickId, why });
  return deps.uow.transaction(() =>
    deps.tenants.listAll().map((t) => {
      const [event] = deps.events.append(t.id, [
        tickCompletedEvent(t.id, tickId, now, {
          evaluated: 0,
          ordersCreated: 0,
          durationMs: 0,
          skipped: true,
          missedTicks: 0,
        }),
      ]);
      return event as DomainEvent<'TickCompleted'>;
    }),
  );
}

function planTenant(deps: TickDeps, tenantId: string, tickId: string, now: number): TenantPlan {
  const done = new Set<string>();
  let alreadyCompleted = false;
  for (const e of deps.events.listByCorrelation(tenantId, tickId)) {
    if (e.type === 'EvaluationEvent' && e.positionId !== null) done.add(e.positionId);
    if (e.type === 'TickCompleted') alreadyCompleted = true;
  }
  const portfolios = new Map(deps.portfolios.listByTenant(tenantId).map((p) => [p.id, p]));
  const positions: PlannedPosition[] = [];
  for (const position of deps.positions.listByTenant(tenantId, ['ACTIVE'])) {
    if (done.has(position.id)) continue;
    const portfolio = portfolios.get(position.portfolioId) as Portfolio;
    positions.push({
      position,
      config: positionConfig(portfolio, position),
      session: sessionOf(position.symbol, now),
    });
  }
  return { tenantId, positions, alreadyCompleted };
}

/** The session of a symbol's exchange; every symbol the app trades is a US equity (SPEC 2.2). */
function sessionOf(_symbol: string, now: number): MarketSession {
  return marketSessionAt(now);
}

async function fetchQuotes(
  deps: TickDeps,
  symbols: readonly string[],
  timeoutMs: number,
  log: TickDeps['logger'],
): Promise<ReadonlyMap<string, QuoteResult>> {
  if (symbols.length === 0) return new Map();
  try {
    return await deps.marketData.getQuotes(symbols, { timeoutMs });
  } catch (err) {
    // The port promises never to reject; if an adapter does, every symbol is a provider error this tick.
    const message = err instanceof Error ? err.message : String(err);
    log.error('market data rejected getQuotes (adapter bug)', {
      provider: deps.marketData.name,
      error: message,
    });
    return new Map(
      symbols.map((s) => [s, { ok: false, kind: 'provider_error', error: message } as QuoteResult]),
    );
  }
}

interface WriteContext {
  intervalMs: number;
  t0: number;
  stopwatch: () => number;
  log: TickDeps['logger'];
}

function writeTenantTick(
  deps: TickDeps,
  plan: TenantPlan,
  tickId: string,
  quotes: ReadonlyMap<string, QuoteResult>,
  ctx: WriteContext,
): TenantTickResult {
  const { tenantId } = plan;
  const result: TenantTickResult = {
    tenantId,
    evaluated: 0,
    ordersCreated: 0,
    ordersRejected: 0,
    missedTicks: 0,
    evaluations: [],
    orders: [],
    rejections: [],
    positionsChanged: [],
    completed: null,
    failed: 0,
  };
  if (plan.alreadyCompleted && plan.positions.length === 0) return result;
  const log = ctx.log.child({ tenantId });
  deps.uow.transaction(() => {
    const now = deps.clock.now();
    // Fresh rows: the execution worker may have filled an order while the quotes were on their way.
    const current = new Map(deps.positions.listByTenant(tenantId, ['ACTIVE']).map((p) => [p.id, p]));
    const openOrders = new Map(deps.orders.listOpen(tenantId).map((o) => [o.positionId, o]));
    const rates = deps.commissionRates.listApplicable(tenantId);
    const day = exchangeDayBounds(exchangeDateOf(now));

    const failedSymbols = plan.positions
      .map((p) => p.position.symbol)
      .filter((s, i, all) => all.indexOf(s) === i && quotes.get(s)?.ok === false);
    if (failedSymbols.length > 0) {
      const messages = [...new Set(failedSymbols.map((s) => describeFailure(quotes.get(s))))];
      deps.events.append(tenantId, [
        tenantEvent(tenantId, 'ProviderError', tickId, now, {
          provider: deps.marketData.name,
          symbols: failedSymbols,
          message: messages.slice(0, 5).join('; '),
        }),
      ]);
    }

    for (const planned of plan.positions) {
      const position = current.get(planned.position.id);
      if (position === undefined) continue; // paused or closed since the plan was made
      try {
        deps.uow.transaction(() => {
          const commission = resolveCommission(rates, tenantId, position.symbol);
          const decision = decidePosition({
            state: position,
            config: planned.config,
            session: planned.session,
            quote: sessionAllowsTrading(planned.session, planned.config)
              ? (quotes.get(position.symbol) ?? null)
              : null,
            openOrder: openOrders.get(position.id) ?? null,
            commission,
            today: dailyActivity(deps, tenantId, position.id, day),
            now,
          });
          writeDecision(deps, position, decision, commission, tickId, now, result);
        });
      } catch (err) {
        result.failed += 1;
        log.error('evaluation failed (bug): position skipped this tick', {
          positionId: position.id,
          symbol: position.symbol,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
      }
    }

    if (!plan.alreadyCompleted) {
      result.missedTicks = missedTicksBefore(deps, tenantId, tickId, ctx.intervalMs);
      const [completed] = deps.events.append(tenantId, [
        tickCompletedEvent(tenantId, tickId, deps.clock.now(), {
          evaluated: result.evaluated,
          ordersCreated: result.ordersCreated,
          durationMs: Math.round(ctx.stopwatch() - ctx.t0),
          skipped: false,
          missedTicks: result.missedTicks,
        }),
      ]);
      result.completed = completed as DomainEvent<'TickCompleted'>;
    }
  });
  if (result.missedTicks > 0)
    log.warn('ticks missed (sleep or downtime): not replayed', { missedTicks: result.missedTicks });
  return result;
}

function writeDecision(
  deps: TickDeps,
  position: PositionRecord,
  decision: PositionDecision,
  commission: CommissionSnapshot,
  tickId: string,
  now: number,
  result: TenantTickResult,
): void {
  const { tenantId } = position;
  const ctx = { correlationId: tickId, ts: now, now };
  const dedupeKey = `${tickId}:${position.id}`;
  const orderId = decision.order !== null || decision.rejected !== null ? deps.ids.next() : null;
  const events: NewEvent[] = [
    positionEvent(position, 'EvaluationEvent', { ...decision.payload, orderId }, ctx),
  ];
  // What every order of this evaluation shares (a NEW one to execute, or a REJECTED one to record).
  const orderRow = {
    id: orderId ?? '',
    tenantId,
    positionId: position.id,
    tickId,
    pricePolicy: decision.payload.pricePolicy,
    commission,
    dedupeKey,
    filledQty: 0,
    createdAt: now,
    updatedAt: now,
  };
  let order: OrderRecord | null = null;

  if (decision.order !== null && orderId !== null) {
    const o = decision.order;
    order = insertOrder(deps, { ...o, status: 'NEW', reasons: decision.payload.reasons }, orderRow);
    const intentId = deps.ids.next();
    if (!deps.intents.enqueue(tenantId, { id: intentId, orderId, now }))
      throw new DuplicateTickWrite(dedupeKey);
    events.push(
      positionEvent(
        position,
        'OrderIntentCreated',
        {
          orderId,
          intentId,
          side: o.side,
          qty: o.qty,
          price: o.price,
          pricePolicy: order.pricePolicy,
          commission: order.commission,
          dedupeKey,
          tickId,
          isInitialAllocation: o.isInitialAllocation,
        },
        ctx,
      ),
    );
  }
  if (decision.rejected !== null && orderId !== null) {
    const r = decision.rejected;
    insertOrder(deps, { ...r, status: 'REJECTED' }, orderRow);
    events.push(
      positionEvent(
        position,
        'OrderRejected',
        { orderId, side: r.side, qty: r.qty, reasons: r.reasons, detail: r.detail },
        ctx,
      ),
    );
  }

  const stored = deps.events.append(tenantId, events);
  const evaluation = stored[0] as DomainEvent<'EvaluationEvent'>;
  if (
    !deps.evaluations.record(tenantId, {
      tickId,
      positionId: position.id,
      eventId: evaluation.id,
      recordedAt: now,
    })
  ) {
    throw new DuplicateTickWrite(dedupeKey);
  }
  result.evaluated += 1;
  result.evaluations.push(evaluation);
  if (order !== null) {
    result.ordersCreated += 1;
    result.orders.push(order);
  }
  for (const e of stored)
    if (e.type === 'OrderRejected') result.rejections.push(e as DomainEvent<'OrderRejected'>);
  result.ordersRejected += decision.rejected !== null ? 1 : 0;

  if (decision.anchorToSet !== null) {
    const change = anchorWithoutInitialFill(decision.anchorToSet);
    const { position: after } = commitPositionChange(
      deps,
      position,
      { ...ledgerOf(position), anchor: change.to },
      // No fill moved it: the order id is the rejected order's when there was one, else null.
      [
        positionEvent(
          position,
          'AnchorUpdated',
          { from: change.from, to: change.to, orderId: orderId ?? null },
          ctx,
        ),
      ],
      ctx,
    );
    result.positionsChanged.push(after);
  }
}

/** Inserts the order of a tick; a repeat of its dedupe key or (tick, position) rolls the savepoint back. */
function insertOrder(
  deps: Pick<TickDeps, 'orders'>,
  what: Pick<OrderRecord, 'side' | 'qty' | 'price' | 'status' | 'reasons'>,
  shared: Omit<OrderRecord, 'side' | 'qty' | 'price' | 'status' | 'reasons'>,
): OrderRecord {
  const order: OrderRecord = {
    ...shared,
    side: what.side,
    qty: what.qty,
    price: what.price,
    status: what.status,
    reasons: what.reasons,
  };
  if (!deps.orders.insert(order.tenantId, order)) throw new DuplicateTickWrite(order.dedupeKey);
  return order;
}

/**
 * Today's orders and booked notional, read only when the guardrails ask (rule 4): most evaluations hold
 * inside the band and never reach it, so most positions cost no query here.
 */
function dailyActivity(
  deps: Pick<TickDeps, 'orders' | 'trades'>,
  tenantId: string,
  positionId: string,
  day: { fromMs: number; toMs: number },
): DailyActivity {
  let orders: number | undefined;
  let notional: number | undefined;
  return {
    get ordersToday() {
      return (orders ??= deps.orders.countActiveCreatedBetween(tenantId, positionId, day.fromMs, day.toMs));
    },
    get notionalTodayCents() {
      return (notional ??= deps.trades.sumNotionalCentsBetween(tenantId, positionId, day.fromMs, day.toMs));
    },
  };
}

/** Scheduled ticks missed since this tenant's previous scheduled tick (SPEC 4.1.5). */
function missedTicksBefore(deps: TickDeps, tenantId: string, tickId: string, intervalMs: number): number {
  if (isManualTickId(tickId)) return 0;
  const recent = deps.events.listByTenant(tenantId, {
    types: ['TickCompleted'],
    newestFirst: true,
    limit: 20,
  });
  const previous = recent.find(
    (e) => e.type === 'TickCompleted' && !isManualTickId(e.payload.tickId) && e.payload.tickId < tickId,
  );
  return previous && previous.type === 'TickCompleted'
    ? missedSlotsBetween(previous.payload.tickId, tickId, intervalMs)
    : 0;
}

function tickCompletedEvent(
  tenantId: string,
  tickId: string,
  now: number,
  counts: Omit<EventPayloads['TickCompleted'], 'tickId'>,
): NewEvent<'TickCompleted'> {
  return tenantEvent(tenantId, 'TickCompleted', tickId, now, { tickId, ...counts });
}

/** A fact about the tenant's loop as a whole (no portfolio, position or symbol), correlated to the tick. */
function tenantEvent<T extends 'TickCompleted' | 'ProviderError'>(
  tenantId: string,
  type: T,
  tickId: string,
  ts: number,
  payload: EventPayloads[T],
): NewEvent<T> {
  return {
    type,
    tenantId,
    portfolioId: null,
    positionId: null,
    symbol: null,
    ts,
    correlationId: tickId,
    payload,
  };
}

function describeFailure(q: QuoteResult | undefined): string {
  return q === undefined || q.ok ? 'no answer' : `${q.kind}: ${q.error}`;
}

/** The (tick, position) or dedupe key already has a row: this savepoint is rolled back, nothing is written twice. */
export class DuplicateTickWrite extends Error {
  override readonly name = 'DuplicateTickWrite';
  constructor(readonly dedupeKey: string) {
    super(`tick write ${dedupeKey} already exists`);
  }
}
