import { resolveCommission, type CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import type { DailyActivity } from '../../domain/DailyActivity';
import type { DomainEvent, EventPayloads, NewEvent } from '../../domain/DomainEvent';
import { anchorWithoutInitialFill } from '../../domain/AnchorRules';
import { exchangeDateOf, marketSessionAt, type MarketSession } from '../../domain/calendar';
import type { QuoteResult } from '../../ports/MarketData';
import type { Notification } from '../../ports/Notifier';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { QuoteLogEntry } from '../../ports/QuoteLogRepository';
import { formatQty } from '../../format/Format';
import { commitPositionChange, ledgerOf, positionEvent } from '../ledger/positionChange';
import { validateDecision } from '../risk/validateDecision';
import { applyRisk, NO_RISK_PLAN, portfolioGates, prepareRisk, type RiskPlan } from '../risk/liveRisk';
import { haltNotification, riskExitNotification } from '../risk/riskNotifications';
import { riskExitWhy } from '../../format/RiskEventWords';
import { limitDayTrades } from '../accounting/dayTradeLimit';
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
  | 'quotes'
  | 'marketData'
  | 'notifier'
  | 'logger'
  | 'riskReferences'
  | 'accountingSettings'
>;

export interface TickOptions {
  /** Upper bound on the one batched quote call (SPEC 4.1.2). */
  quoteTimeoutMs: number;
  intervalMs?: number;
  /**
   * Slots between two instants that the clock skipped on purpose (the demo skips closed hours): they are
   * not missed ticks. None by default.
   */
  skippedSlots?: (fromMs: number, toMs: number, intervalMs: number) => number;
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
  /** Positions whose row changed (an initial anchor set without a fill, a stop exit's pause). */
  positionsChanged: PositionRecord[];
  /** Stop exits queued this tick (SPEC 9). */
  riskExits: DomainEvent<'RiskExit'>[];
  /** Portfolio halts written this tick (daily loss stop, circuit breaker). */
  halts: DomainEvent<'TradingHalted'>[];
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
  portfolios: Portfolio[];
  positions: PlannedPosition[];
  alreadyCompleted: boolean;
  risk: RiskPlan;
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
 * A bug in one position's evaluation or writes is logged and does not stop the others: an evaluation
 * that throws wrote nothing; a write that throws rolls the tenant back, and the tenant is written again
 * with a savepoint per position (writeTenantTick).
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
  // SPEC 9: the references the risk rules need, read before the transactions (only where a limit is set).
  for (const plan of plans)
    plan.risk = await prepareRisk(deps, plan.tenantId, plan.positions, plan.portfolios, startedAt);

  const tenants = plans.map((plan) =>
    writeTenantTick(deps, plan, tickId, quotes, {
      intervalMs,
      t0,
      stopwatch,
      log,
      ...(options.skippedSlots ? { skippedSlots: options.skippedSlots } : {}),
    }),
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
    for (const r of t.rejections) deps.notifier.notify(rejectionNotification(r));
    for (const e of t.riskExits) deps.notifier.notify(riskExitNotification(e));
    for (const e of t.halts) deps.notifier.notify(haltNotification(e));
  }
  return { tickId, startedAt, durationMs, symbolsQuoted: symbols.length, quoteFailures: failures, tenants };
}

/** The notification of a rejected order (the tick's and the order ticket's alike). */
export function rejectionNotification(r: DomainEvent<'OrderRejected'>): Notification {
  return {
    kind: 'rejection',
    title:
      `Order rejected: ${r.payload.side === 'BUY' ? 'buy' : 'sell'} ${formatQty(r.payload.qty)} ${r.symbol ?? ''}`.trim(),
    body: r.payload.detail,
    tenantId: r.tenantId,
    positionId: r.positionId,
    symbol: r.symbol,
    at: r.ts,
  };
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
  const portfolioList = deps.portfolios.listByTenant(tenantId);
  const portfolios = new Map(portfolioList.map((p) => [p.id, p]));
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
  return { tenantId, portfolios: portfolioList, positions, alreadyCompleted, risk: NO_RISK_PLAN };
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
  skippedSlots?: TickOptions['skippedSlots'];
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
  if (plan.alreadyCompleted && plan.positions.length === 0) return emptyTenantResult(plan.tenantId);
  const log = ctx.log.child({ tenantId: plan.tenantId });
  const failures: { position: PositionRecord; err: unknown }[] = [];
  let result: TenantTickResult;
  try {
    // The common case: every position's rows written straight into the tenant's transaction.
    result = deps.uow.transaction(() =>
      writeTenantPositions(deps, plan, tickId, quotes, ctx, 'together', failures),
    );
  } catch (err) {
    if (!(err instanceof PositionWriteFailed)) throw err;
    // One position's writes failed: all was rolled back. Again, each position in its own savepoint,
    // so that one is skipped (and logged) and the others are written.
    failures.length = 0;
    result = deps.uow.transaction(() =>
      writeTenantPositions(deps, plan, tickId, quotes, ctx, 'isolated', failures),
    );
  }
  for (const { position, err } of failures) {
    log.error('evaluation failed (bug): position skipped this tick', {
      positionId: position.id,
      symbol: position.symbol,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
  if (result.missedTicks > 0)
    log.warn('ticks missed (sleep or downtime): not replayed', { missedTicks: result.missedTicks });
  return result;
}

function emptyTenantResult(tenantId: string): TenantTickResult {
  return {
    tenantId,
    evaluated: 0,
    ordersCreated: 0,
    ordersRejected: 0,
    missedTicks: 0,
    evaluations: [],
    orders: [],
    rejections: [],
    positionsChanged: [],
    riskExits: [],
    halts: [],
    completed: null,
    failed: 0,
  };
}

/**
 * Inside the tenant's transaction: every position is decided (pure, but reading fresh rows), then its
 * rows are written. `together` writes them without savepoints (a savepoint per position copies every
 * page it touches: it cost more than the writes) and turns a failed write into PositionWriteFailed,
 * which rolls the whole tenant back; `isolated` gives each position a savepoint, as the retry after it.
 */
function writeTenantPositions(
  deps: TickDeps,
  plan: TenantPlan,
  tickId: string,
  quotes: ReadonlyMap<string, QuoteResult>,
  ctx: WriteContext,
  mode: 'together' | 'isolated',
  failures: { position: PositionRecord; err: unknown }[],
): TenantTickResult {
  const { tenantId } = plan;
  const result = emptyTenantResult(tenantId);
  const now = deps.clock.now();
  const current = currentPositions(deps, plan);
  const openOrders = new Map(deps.orders.listOpen(tenantId).map((o) => [o.positionId, o]));
  const rates = deps.commissionRates.listApplicable(tenantId);
  const day = exchangeDayBounds(exchangeDateOf(now));

  // A Set, not indexOf: a tick plans a thousand positions, and the pairwise scan was quadratic.
  const failedSymbols = [
    ...new Set(plan.positions.map((p) => p.position.symbol).filter((s) => quotes.get(s)?.ok === false)),
  ];
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

  // SPEC 9: each portfolio's halt state and rules on its equity now (a halt that fires is written here).
  const gates = portfolioGates(deps, tenantId, plan.portfolios, plan.risk, quotes, tickId, now);
  result.halts.push(...gates.halts);
  const riskReferences = deps.riskReferences;

  const failed = (position: PositionRecord, err: unknown): void => {
    result.failed += 1;
    failures.push({ position, err });
  };
  for (const planned of plan.positions) {
    const position = current(planned.position);
    if (position === null) continue; // paused or closed since the plan was made
    let commission: CommissionSnapshot;
    let decision: PositionDecision;
    try {
      commission = resolveCommission(rates, tenantId, position.symbol);
      decision = decidePosition({
        state: position,
        config: planned.config,
        session: planned.session,
        quote: sessionAllowsTrading(planned.session, planned.config)
          ? (quotes.get(position.symbol) ?? null)
          : null,
        openOrder: openOrders.get(position.id) ?? null,
        commission,
        today: new LazyDailyActivity(deps, tenantId, position.id, day),
        now,
      });
      decision = applyRisk(
        position,
        decision,
        planned.config,
        gates.allowed.get(position.portfolioId) ?? 'all',
        {
          averageCost: () => riskReferences?.averageCost(tenantId, position.id) ?? null,
          highestClose: plan.risk.highestClose.get(position.id) ?? null,
        },
        commission,
      );
      // A stop's exit sells what is held whatever the limits on new orders say.
      if (decision.riskExit === undefined)
        decision = validateDecision(deps, position, decision, planned.config, commission, now, (s) =>
          lastPriceOf(quotes.get(s)),
        );
      decision = limitDayTrades(deps, position, decision, now, (s) => lastPriceOf(quotes.get(s)));
    } catch (err) {
      failed(position, err); // nothing was written for it
      continue;
    }
    if (mode === 'together') {
      try {
        addWritten(result, writeDecision(deps, position, decision, commission, tickId, now));
      } catch (err) {
        throw new PositionWriteFailed(position.id, err);
      }
    } else {
      try {
        addWritten(
          result,
          deps.uow.transaction(() => writeDecision(deps, position, decision, commission, tickId, now)),
        );
      } catch (err) {
        failed(position, err);
      }
    }
  }

  if (!plan.alreadyCompleted) {
    result.missedTicks = missedTicksBefore(deps, tenantId, tickId, ctx.intervalMs, ctx.skippedSlots);
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
  return result;
}

/**
 * Fresh rows, read inside the transaction: the execution worker may have filled an order (or a split
 * moved a position) while the quotes were on their way. Every change bumps a position's version, so
 * only the ids and versions are read; a row whose version moved is read again, the rest are the plan's.
 */
function currentPositions(
  deps: Pick<TickDeps, 'positions'>,
  plan: TenantPlan,
): (planned: PositionRecord) => PositionRecord | null {
  const versions = new Map(
    deps.positions.listVersions(plan.tenantId, ['ACTIVE']).map((v) => [v.id, v.version]),
  );
  return (planned) => {
    const version = versions.get(planned.id);
    if (version === undefined) return null;
    if (version === planned.version) return planned;
    const fresh = deps.positions.get(plan.tenantId, planned.id);
    return fresh !== null && fresh.status === 'ACTIVE' ? fresh : null;
  };
}

/** What one position's evaluation wrote. */
export interface Written {
  evaluation: DomainEvent<'EvaluationEvent'>;
  order: OrderRecord | null;
  rejection: DomainEvent<'OrderRejected'> | null;
  positionChanged: PositionRecord | null;
  riskExit: DomainEvent<'RiskExit'> | null;
}

function addWritten(result: TenantTickResult, w: Written): void {
  result.evaluated += 1;
  result.evaluations.push(w.evaluation);
  if (w.order !== null) {
    result.ordersCreated += 1;
    result.orders.push(w.order);
  }
  if (w.rejection !== null) {
    result.ordersRejected += 1;
    result.rejections.push(w.rejection);
  }
  if (w.positionChanged !== null) result.positionsChanged.push(w.positionChanged);
  if (w.riskExit !== null) result.riskExits.push(w.riskExit);
}

/**
 * Writes one decision inside the caller's transaction: the EvaluationEvent, and its order (NEW) with the
 * intent (QUEUED) and OrderIntentCreated, or its REJECTED order, or the anchor set without a fill. The
 * tick and the orders the investor asks for by hand (shared/application/trading/manualOrders) share it.
 */
export function writeDecision(
  deps: TickDeps,
  position: PositionRecord,
  decision: PositionDecision,
  commission: CommissionSnapshot,
  tickId: string,
  now: number,
): Written {
  const { tenantId } = position;
  const ctx = { correlationId: tickId, ts: now, now };
  const dedupeKey = `${tickId}:${position.id}`;
  const orderId = decision.order !== null || decision.rejected !== null ? deps.ids.next() : null;
  // The decided payload has no order id yet: copied only when there is one (a HOLD keeps it as is).
  const payload = orderId === null ? decision.payload : { ...decision.payload, orderId };
  const events: NewEvent[] = [positionEvent(position, 'EvaluationEvent', payload, ctx)];
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
    if (decision.riskExit !== undefined) {
      const x = decision.riskExit;
      events.push(
        positionEvent(
          position,
          'RiskExit',
          {
            reason: x.reason,
            orderId,
            qty: o.qty,
            price: o.price,
            stopPrice: x.stopPrice,
            reference: x.reference,
            limitPct: x.limitPct,
          },
          ctx,
        ),
      );
    }
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

  // A second EvaluationEvent of this (tick, position) is refused by the event log's unique index
  // (SPEC 4.1.4): the append throws and the position's writes are undone like any failed write.
  const stored = deps.events.append(tenantId, events);
  const evaluation = stored[0] as DomainEvent<'EvaluationEvent'>;
  const rejection = (stored.find((e) => e.type === 'OrderRejected') ??
    null) as DomainEvent<'OrderRejected'> | null;

  const riskExit = (stored.find((e) => e.type === 'RiskExit') ?? null) as DomainEvent<'RiskExit'> | null;

  let positionChanged: PositionRecord | null = null;
  if (riskExit !== null && position.status === 'ACTIVE') {
    // SPEC 9: a stop exit pauses the position (the anchor is unset when its sell fills).
    positionChanged = commitPositionChange(
      deps,
      position,
      { ...ledgerOf(position), status: 'PAUSED' },
      [
        positionEvent(
          position,
          'PositionStatusChanged',
          {
            from: position.status,
            to: 'PAUSED',
            by: 'risk',
            why: riskExitWhy(riskExit.payload),
          },
          ctx,
        ),
      ],
      ctx,
    ).position;
  }
  if (decision.anchorToSet !== null) {
    const change = anchorWithoutInitialFill(decision.anchorToSet);
    positionChanged = commitPositionChange(
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
    ).position;
  }
  return { evaluation, order, rejection, positionChanged, riskExit };
}

/** Inserts the order of a tick; a repeat of its dedupe key or (tick, position) undoes the position's writes. */
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
 * inside the band and never reach it, so most positions cost no query here. A class, not an object
 * literal with getters: one is made per position per tick, and the literal builds two closures each time.
 */
class LazyDailyActivity implements DailyActivity {
  private orders: number | undefined;
  private notional: number | undefined;

  constructor(
    private readonly deps: Pick<TickDeps, 'orders' | 'trades'>,
    private readonly tenantId: string,
    private readonly positionId: string,
    private readonly day: { fromMs: number; toMs: number },
  ) {}

  get ordersToday(): number {
    return (this.orders ??= this.deps.orders.countActiveCreatedBetween(
      this.tenantId,
      this.positionId,
      this.day.fromMs,
      this.day.toMs,
    ));
  }

  get notionalTodayCents(): number {
    return (this.notional ??= this.deps.trades.sumNotionalCentsBetween(
      this.tenantId,
      this.positionId,
      this.day.fromMs,
      this.day.toMs,
    ));
  }
}

/** Scheduled ticks missed since this tenant's previous scheduled tick (SPEC 4.1.5). */
function missedTicksBefore(
  deps: TickDeps,
  tenantId: string,
  tickId: string,
  intervalMs: number,
  skippedSlots?: TickOptions['skippedSlots'],
): number {
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
    ? Math.max(
        0,
        missedSlotsBetween(previous.payload.tickId, tickId, intervalMs) -
          (skippedSlots?.(Date.parse(previous.payload.tickId), Date.parse(tickId), intervalMs) ?? 0),
      )
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

/** The last price of a symbol's quote this tick, or null (the order validator values other holdings with it). */
function lastPriceOf(q: QuoteResult | undefined): number | null {
  const last = q !== undefined && q.ok ? q.quote.last : null;
  return last !== null && Number.isFinite(last) && last > 0 ? last : null;
}

function describeFailure(q: QuoteResult | undefined): string {
  return q === undefined || q.ok ? 'no answer' : `${q.kind}: ${q.error}`;
}

/** The (tick, position) or dedupe key already has a row: the position's writes are undone, nothing is written twice. */
export class DuplicateTickWrite extends Error {
  override readonly name = 'DuplicateTickWrite';
  constructor(readonly dedupeKey: string) {
    super(`tick write ${dedupeKey} already exists`);
  }
}

/** A position's rows could not be written (a bug, or a duplicate): the tenant's writes are redone one savepoint each. */
class PositionWriteFailed extends Error {
  override readonly name = 'PositionWriteFailed';
  constructor(
    readonly positionId: string,
    override readonly cause: unknown,
  ) {
    super(`writing position ${positionId} failed`);
  }
}
