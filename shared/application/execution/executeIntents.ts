import type { StrategyConfig } from '../../domain/Config';
import type { DailyActivity } from '../../domain/DailyActivity';
import type { DomainEvent, NewEvent } from '../../domain/DomainEvent';
import { exchangeDateOf } from '../../domain/calendar';
import { compareProduct } from '../../domain/ExactDecimal';
import { applyFill, bookFill } from '../../domain/FillBooking';
import { GuardrailEvaluator } from '../../domain/GuardrailEvaluator';
import { IntentStateMachine } from '../../domain/IntentStateMachine';
import { OrderStateMachine } from '../../domain/OrderStateMachine';
import { evaluatePosition } from '../../domain/PositionEvaluator';
import { effectivePrice } from '../../domain/PricePolicy';
import type { Quote } from '../../domain/Quote';
import type { BrokerFill } from '../../ports/Broker';
import type { QuoteResult } from '../../ports/MarketData';
import {
  DEFAULT_RETRY_POLICY,
  type OrderIntentRecord,
  type RetryPolicy,
} from '../../ports/OrderIntentRepository';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { TradeRecord } from '../../ports/TradeRepository';
import { commitPositionChange, positionEvent } from '../ledger/positionChange';
import { exchangeDayBounds } from '../trading/exchangeDay';
import { positionConfig } from '../trading/positionConfig';
import type { LiveDeps } from '../trading/TradingDeps';
import { formatBps, formatMoney, formatPrice, formatQty, formatShares } from '../../format/Format';
import { closesPosition, isManualOrder } from '../trading/manualOrders';
import { fitToHoldings } from './fitToHoldings';
import { isRiskExit } from '../risk/liveRisk';

export type ExecutionDeps = Pick<
  LiveDeps,
  | 'uow'
  | 'clock'
  | 'ids'
  | 'events'
  | 'tenants'
  | 'portfolios'
  | 'positions'
  | 'orders'
  | 'trades'
  | 'intents'
  | 'quotes'
  | 'marketData'
  | 'broker'
  | 'notifier'
  | 'logger'
>;

export interface ExecutionOptions {
  /** How long a claim is the worker's; after it a crashed worker's intent is re-queued (SPEC 4.2). */
  leaseMs: number;
  quoteTimeoutMs: number;
  /** Re-evaluate before sending when the price drifted more than this from the order's (SPEC 4.2: 20). */
  driftBps: number;
  retry?: RetryPolicy;
  /** Stop a drain after this many intents (the loop calls again); unlimited by default. */
  maxIntents?: number;
  /** Intents claimed (and priced by one quote call) together; 50 by default. */
  batchSize?: number;
  /** Checked before each claim: a drain stops starting new intents once it says stop (graceful shutdown). */
  shouldStop?: () => boolean;
}

export const DEFAULT_EXECUTION_OPTIONS: ExecutionOptions = {
  leaseMs: 60_000,
  quoteTimeoutMs: 10_000,
  driftBps: 20,
};

export type IntentOutcome =
  | {
      kind: 'filled';
      tenantId: string;
      order: OrderRecord;
      trade: TradeRecord;
      position: PositionRecord;
      events: DomainEvent[];
    }
  | { kind: 'cancelled'; tenantId: string; order: OrderRecord; reason: string; events: DomainEvent[] }
  | { kind: 'rejected'; tenantId: string; order: OrderRecord; events: DomainEvent[] }
  | { kind: 'retrying'; tenantId: string; intent: OrderIntentRecord; error: string }
  | {
      kind: 'dead';
      tenantId: string;
      intent: OrderIntentRecord;
      order: OrderRecord;
      error: string;
      events: DomainEvent[];
    }
  /** The order was already complete (e.g. filled before a crash): nothing was booked again. */
  | { kind: 'alreadyDone'; tenantId: string; order: OrderRecord };

export interface DrainResult {
  /** Expired leases returned to the queue before claiming. */
  released: number;
  outcomes: IntentOutcome[];
}

/** Something went wrong that trying again later may cure: the intent goes to FAILED (or DEAD). */
class Retry {
  constructor(readonly message: string) {}
}

/**
 * The ExecutionWorker's drain (SPEC 4.2): for each tenant, expired leases go back to QUEUED, then due
 * intents are claimed in batches: one transaction claims up to `batchSize` (QUEUED/FAILED → PROCESSING,
 * leased) and marks their orders SUBMITTED, one quote call prices the batch, then each intent is
 * executed and booked in its own fill transaction. A claim commits before any I/O, so a worker killed
 * mid-way leaves PROCESSING intents whose leases expire.
 */
export async function drainIntents(deps: ExecutionDeps, options: ExecutionOptions): Promise<DrainResult> {
  const result: DrainResult = { released: 0, outcomes: [] };
  const max = options.maxIntents ?? Infinity;
  const batchSize = options.batchSize ?? 50;
  for (const tenant of deps.tenants.listAll()) {
    const released = deps.uow.transaction(() =>
      deps.intents.releaseExpiredLeases(tenant.id, deps.clock.now()),
    );
    if (released > 0)
      deps.logger.warn('expired leases returned to the queue', { tenantId: tenant.id, released });
    result.released += released;
    while (result.outcomes.length < max && !(options.shouldStop?.() ?? false)) {
      const batch = claimBatch(
        deps,
        tenant.id,
        Math.min(batchSize, max - result.outcomes.length),
        options.leaseMs,
      );
      if (batch.length === 0) break;
      const quotes = await batchQuotes(deps, batch, options.quoteTimeoutMs);
      for (const { intent, symbol } of batch) {
        // Stopping: the rest of the batch stays PROCESSING and returns to the queue when its lease ends.
        if (options.shouldStop?.() ?? false) break;
        result.outcomes.push(
          await executeIntent(deps, tenant.id, intent, options, symbol ? quotes.get(symbol) : undefined),
        );
      }
    }
  }
  return result;
}

/** One transaction: claim up to `size` due intents and mark their NEW orders SUBMITTED (about to be sent). */
function claimBatch(
  deps: ExecutionDeps,
  tenantId: string,
  size: number,
  leaseMs: number,
): { intent: OrderIntentRecord; symbol: string | null }[] {
  return deps.uow.transaction(() =>
    deps.intents.claimDue(tenantId, deps.clock.now(), leaseMs, size).map((intent) => {
      const order = deps.orders.get(tenantId, intent.orderId);
      if (order !== null && order.status === 'NEW') moveOrder(deps, order, 'SUBMITTED', {});
      const position = order === null ? null : deps.positions.get(tenantId, order.positionId);
      return { intent, symbol: position?.symbol ?? null };
    }),
  );
}

/** One batched, time-limited quote call for a batch's symbols; a failed call prices nothing (each intent retries). */
async function batchQuotes(
  deps: ExecutionDeps,
  batch: readonly { symbol: string | null }[],
  timeoutMs: number,
): Promise<ReadonlyMap<string, QuoteResult>> {
  const symbols = [...new Set(batch.flatMap((b) => (b.symbol === null ? [] : [b.symbol])))];
  if (symbols.length === 0) return new Map();
  let answers: ReadonlyMap<string, QuoteResult>;
  try {
    answers = await deps.marketData.getQuotes(symbols, { timeoutMs });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return new Map(symbols.map((s) => [s, { ok: false, kind: 'provider_error', error } as QuoteResult]));
  }
  logQuotes(deps, answers);
  return answers;
}

/** Every quote the loop uses goes to the quote log (SPEC 7), the execution's too. */
function logQuotes(deps: ExecutionDeps, answers: ReadonlyMap<string, QuoteResult>): void {
  const used = [...answers.values()].flatMap((a) =>
    a.ok
      ? [
          {
            symbol: a.quote.symbol,
            ts: a.quote.ts,
            bid: a.quote.bid,
            ask: a.quote.ask,
            last: a.quote.last,
            source: deps.marketData.name,
            tickId: null,
          },
        ]
      : [],
  );
  if (used.length > 0) deps.uow.transaction(() => deps.quotes.append(null, used));
}

/** Executes one claimed (PROCESSING) intent. Bugs are caught here too: they fail the attempt, with backoff. */
export async function executeIntent(
  deps: ExecutionDeps,
  tenantId: string,
  intent: OrderIntentRecord,
  options: ExecutionOptions,
  quote?: QuoteResult,
): Promise<IntentOutcome> {
  const log = deps.logger.child({
    tenantId,
    intentId: intent.id,
    orderId: intent.orderId,
    attempt: intent.attempts,
  });
  try {
    return await execute(deps, tenantId, intent, options, log, quote);
  } catch (err) {
    const message =
      err instanceof Retry ? err.message : `unexpected: ${err instanceof Error ? err.message : String(err)}`;
    if (err instanceof Retry) log.warn('intent attempt failed', { error: message });
    else
      log.error('intent attempt failed (bug)', {
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    return failAttempt(deps, tenantId, intent, message, options.retry ?? DEFAULT_RETRY_POLICY, log);
  }
}

async function execute(
  deps: ExecutionDeps,
  tenantId: string,
  intent: OrderIntentRecord,
  options: ExecutionOptions,
  log: ExecutionDeps['logger'],
  prefetched: QuoteResult | undefined,
): Promise<IntentOutcome> {
  let order = mustGetOrder(deps, tenantId, intent.orderId);
  if (OrderStateMachine.isTerminal(order.status)) {
    deps.uow.transaction(() => markDone(deps, tenantId, intent));
    log.info('order already complete: intent closed', { status: order.status });
    return { kind: 'alreadyDone', tenantId, order };
  }
  if (order.status === 'NEW') order = moveOrder(deps, order, 'SUBMITTED', {});

  const position = mustGetPosition(deps, tenantId, order.positionId);
  const config = configOf(deps, position);
  const quote = prefetched
    ? usableQuote(position.symbol, prefetched)
    : await freshQuote(deps, position.symbol, options.quoteTimeoutMs);
  const priced = effectivePrice(quote, order.pricePolicy, deps.clock.now(), config.execution.maxQuoteAgeMs);
  if (!priced.ok) throw new Retry(`${priced.reason}: ${priced.detail}`);

  // SPEC 4.2: a price that drifted more than the limit since the order was sized re-evaluates it.
  const driftBps = (Math.abs(priced.price - order.price) / order.price) * 10_000;
  let qty = order.qty;
  let price = order.price;
  // An order asked for by hand is at market: a drift does not re-size it (fitToHoldings below still does).
  // A stop's exit sells whatever the price does (SPEC 9): no re-evaluation either.
  if (driftBps > options.driftBps && !isManualOrder(order) && !isRiskExit(order)) {
    const outcome = evaluatePosition({
      state: position,
      price: priced.price,
      config,
      commission: order.commission,
      today: activityExcluding(deps, order),
    });
    qty = outcome.action === order.side ? outcome.qty : 0;
    price = priced.price;
    if (qty === 0) {
      const why = outcome.action === 'HOLD' ? `HOLD (${outcome.reasons.join(', ')})` : outcome.action;
      return cancelOrder(
        deps,
        order,
        priced.price,
        driftBps,
        `re-evaluated at ${formatPrice(priced.price)} after the price moved ${formatBps(round2(driftBps))}: ${why}`,
        intent,
      );
    }
  }

  // The fill comes at the ask/bid plus slippage: size to what the position can pay for or deliver there.
  const fillPrice = deps.broker.expectedFillPrice(order.side, quote);
  if (fillPrice !== null) {
    const fitted = fitToHoldings(position, order.side, qty, fillPrice, order.commission, config.orderPolicy);
    if (fitted < qty) {
      const policy = config.orderPolicy;
      if (
        fitted === 0 ||
        fitted < policy.minQty ||
        compareProduct(fitted, fillPrice, policy.minNotional) < 0
      ) {
        return cancelOrder(
          deps,
          order,
          price,
          driftBps,
          `at the fill price ${formatPrice(fillPrice)} only ${formatShares(fitted)} fit the cash or shares (below the minimum order)`,
          intent,
        );
      }
      qty = fitted;
    }
  }
  if (qty !== order.qty || price !== order.price) order = amendOrder(deps, order, qty, price, driftBps);

  const answer = await deps.broker.submit({ order, symbol: position.symbol }, quote);
  if (!answer.ok) {
    if (answer.kind === 'unavailable')
      throw new Retry(`broker ${deps.broker.name} unavailable: ${answer.message}`);
    return rejectOrder(deps, order, position, answer.message, intent);
  }
  return bookExecution(deps, order, intent, answer.fill, config, log);
}

/** ONE transaction per fill (SPEC 4.2): trade row, order FILLED, position, anchor, events, intent DONE. */
function bookExecution(
  deps: ExecutionDeps,
  submitted: OrderRecord,
  intent: OrderIntentRecord,
  fill: BrokerFill,
  config: StrategyConfig,
  log: ExecutionDeps['logger'],
): IntentOutcome {
  const { tenantId } = submitted;
  const outcome = deps.uow.transaction((): IntentOutcome => {
    const now = deps.clock.now();
    const order = mustGetOrder(deps, tenantId, submitted.id);
    if (OrderStateMachine.isTerminal(order.status)) {
      markDone(deps, tenantId, intent);
      return { kind: 'alreadyDone', tenantId, order };
    }
    const position = mustGetPosition(deps, tenantId, order.positionId);
    const qty = Math.min(fill.qty, order.qty - order.filledQty);
    const booking = bookFill(order.side, qty, fill.price, order.commission);
    const trade: TradeRecord = {
      id: deps.ids.next(),
      tenantId,
      orderId: order.id,
      positionId: position.id,
      side: order.side,
      qty,
      price: fill.price,
      notionalCents: booking.notionalCents,
      commissionCents: booking.commissionCents,
      brokerRef: fill.brokerRef,
      executedAt: fill.executedAt,
    };
    // Unique (order, broker ref): a fill the broker reports again is never booked twice.
    if (!deps.trades.insert(tenantId, trade)) {
      markDone(deps, tenantId, intent);
      return { kind: 'alreadyDone', tenantId, order };
    }
    const filledQty = order.filledQty + qty;
    // A broker that fills part of an order: the part is booked and the rest cancelled (the paper broker fills whole).
    const status = filledQty < order.qty ? 'CANCELLED' : 'FILLED';
    const filled = moveOrder(deps, order, status === 'FILLED' ? 'FILLED' : 'PARTIALLY_FILLED', { filledQty });
    const final = status === 'CANCELLED' ? moveOrder(deps, filled, 'CANCELLED', {}) : filled;

    const exit = isRiskExit(order);
    const applied = applyFill(position, order.side, qty, fill.price, booking);
    // SPEC 9: a stop exit's fill unsets the anchor (the investor decides when to re-enter).
    const filledLedger = exit ? { ...applied, anchor: null } : applied;
    // A sell-out asked for by hand closes its position once no share is left (same transaction).
    const closing = closesPosition(order) && filledLedger.qty === 0 && position.status !== 'CLOSED';
    const ledger = closing ? { ...filledLedger, status: 'CLOSED' as const } : filledLedger;
    const ctx = { correlationId: order.tickId ?? order.id, ts: fill.executedAt, now };
    const facts: NewEvent[] = [
      positionEvent(
        position,
        'OrderFilled',
        {
          orderId: order.id,
          tradeId: trade.id,
          side: order.side,
          qty,
          price: fill.price,
          notionalCents: booking.notionalCents,
          commissionCents: booking.commissionCents,
          brokerRef: fill.brokerRef,
          commission: order.commission,
        },
        ctx,
      ),
      exit
        ? positionEvent(
            position,
            'AnchorSet',
            {
              from: position.anchor,
              to: null,
              by: 'risk',
              why: 'stop exit filled: the anchor stays unset until you decide to re-enter',
            },
            ctx,
          )
        : positionEvent(
            position,
            'AnchorUpdated',
            { from: position.anchor, to: fill.price, orderId: order.id },
            ctx,
          ),
    ];
    if (status === 'CANCELLED') {
      facts.push(
        positionEvent(
          position,
          'OrderCancelled',
          { orderId: order.id, reason: `partial fill of ${qty} of ${order.qty}: the rest is cancelled` },
          ctx,
        ),
      );
    }
    if (closing) {
      facts.push(
        positionEvent(
          position,
          'PositionStatusChanged',
          {
            from: position.status,
            to: 'CLOSED',
            by: 'system',
            why: 'every share sold: the close asked for is done',
          },
          ctx,
        ),
      );
    }
    const committed = commitPositionChange(deps, position, ledger, facts, ctx);
    markDone(deps, tenantId, intent);
    const violations = GuardrailEvaluator.validateAfterFill(ledger, fill.price, config.guardrails);
    if (violations.length > 0) {
      log.warn('post-fill guardrail violation (the fill stands)', {
        positionId: position.id,
        symbol: position.symbol,
        violations,
      });
    }
    return {
      kind: 'filled',
      tenantId,
      order: final,
      trade,
      position: committed.position,
      events: committed.events,
    };
  });
  if (outcome.kind === 'filled') {
    const { trade, position } = outcome;
    log.info('order filled', {
      symbol: position.symbol,
      side: trade.side,
      qty: trade.qty,
      price: trade.price,
      brokerRef: trade.brokerRef,
    });
    deps.notifier.notify({
      kind: 'fill',
      title: `${trade.side === 'BUY' ? 'Bought' : 'Sold'} ${formatQty(trade.qty)} ${position.symbol} at ${formatPrice(trade.price)}`,
      body: `Notional ${formatMoney(trade.notionalCents)}, commission ${formatMoney(trade.commissionCents)}; ${position.anchor === null ? 'anchor unset (risk exit)' : `anchor now ${formatPrice(trade.price)}`}.`,
      tenantId,
      positionId: position.id,
      symbol: position.symbol,
      at: trade.executedAt,
    });
  }
  return outcome;
}

function cancelOrder(
  deps: ExecutionDeps,
  order: OrderRecord,
  newPrice: number,
  driftBps: number,
  reason: string,
  intent: OrderIntentRecord,
): IntentOutcome {
  const events = deps.uow.transaction(() => {
    const now = deps.clock.now();
    const position = mustGetPosition(deps, order.tenantId, order.positionId);
    const cancelled = moveOrder(deps, order, 'CANCELLED', {});
    markDone(deps, order.tenantId, intent);
    const ctx = { correlationId: order.tickId ?? order.id, ts: now };
    return {
      order: cancelled,
      events: deps.events.append(order.tenantId, [
        positionEvent(
          position,
          'OrderReEvaluated',
          {
            orderId: order.id,
            oldPrice: order.price,
            newPrice,
            oldQty: order.qty,
            newQty: 0,
            driftBps: round2(driftBps),
          },
          ctx,
        ),
        positionEvent(position, 'OrderCancelled', { orderId: order.id, reason }, ctx),
      ]),
    };
  });
  deps.logger.info('order cancelled before sending', { orderId: order.id, reason });
  return { kind: 'cancelled', tenantId: order.tenantId, order: events.order, reason, events: events.events };
}

function amendOrder(
  deps: ExecutionDeps,
  order: OrderRecord,
  qty: number,
  price: number,
  driftBps: number,
): OrderRecord {
  return deps.uow.transaction(() => {
    const now = deps.clock.now();
    const position = mustGetPosition(deps, order.tenantId, order.positionId);
    // Re-sizing keeps the state (SUBMITTED): it is an amendment, not a transition.
    if (
      !deps.orders.transition(order.tenantId, order.id, order.status, {
        status: order.status,
        qty,
        price,
        updatedAt: now,
      })
    ) {
      throw new Retry(`order ${order.id} changed while being re-sized`);
    }
    deps.events.append(order.tenantId, [
      positionEvent(
        position,
        'OrderReEvaluated',
        {
          orderId: order.id,
          oldPrice: order.price,
          newPrice: price,
          oldQty: order.qty,
          newQty: qty,
          driftBps: round2(driftBps),
        },
        { correlationId: order.tickId ?? order.id, ts: now },
      ),
    ]);
    return { ...order, qty, price, updatedAt: now };
  });
}

function rejectOrder(
  deps: ExecutionDeps,
  order: OrderRecord,
  position: PositionRecord,
  message: string,
  intent: OrderIntentRecord,
): IntentOutcome {
  const done = deps.uow.transaction(() => {
    const now = deps.clock.now();
    const rejected = moveOrder(deps, order, 'REJECTED', {});
    markDone(deps, order.tenantId, intent);
    const events = deps.events.append(order.tenantId, [
      positionEvent(
        position,
        'OrderRejected',
        {
          orderId: order.id,
          side: order.side,
          qty: order.qty,
          reasons: [],
          detail: `broker ${deps.broker.name}: ${message}`,
        },
        { correlationId: order.tickId ?? order.id, ts: now },
      ),
    ]);
    return { order: rejected, events };
  });
  deps.notifier.notify({
    kind: 'rejection',
    title: `Order rejected: ${order.side === 'BUY' ? 'buy' : 'sell'} ${formatQty(order.qty)} ${position.symbol}`,
    body: `The broker refused it: ${message}`,
    tenantId: order.tenantId,
    positionId: position.id,
    symbol: position.symbol,
    at: deps.clock.now(),
  });
  return { kind: 'rejected', tenantId: order.tenantId, order: done.order, events: done.events };
}

/** FAILED with backoff, or DEAD after the last attempt: then the order is cancelled so its position trades again. */
function failAttempt(
  deps: ExecutionDeps,
  tenantId: string,
  intent: OrderIntentRecord,
  error: string,
  policy: RetryPolicy,
  log: ExecutionDeps['logger'],
): IntentOutcome {
  const result = deps.uow.transaction(() => {
    const now = deps.clock.now();
    const updated = deps.intents.markFailed(tenantId, intent.id, error, now, policy);
    if (updated === null) return null; // lease lost: someone else owns it now
    IntentStateMachine.transition('PROCESSING', updated.status);
    if (updated.status !== 'DEAD') return { updated, order: null, events: [] as DomainEvent[] };
    const order = mustGetOrder(deps, tenantId, intent.orderId);
    if (OrderStateMachine.isTerminal(order.status)) return { updated, order, events: [] as DomainEvent[] };
    const cancelled = moveOrder(deps, order, 'CANCELLED', {});
    const position = mustGetPosition(deps, tenantId, order.positionId);
    const events = deps.events.append(tenantId, [
      positionEvent(
        position,
        'OrderCancelled',
        { orderId: order.id, reason: `intent dead after ${updated.attempts} attempts: ${error}` },
        { correlationId: order.tickId ?? order.id, ts: now },
      ),
    ]);
    return { updated, order: cancelled, events };
  });
  if (result === null) return { kind: 'retrying', tenantId, intent, error };
  const { updated, order, events } = result;
  if (updated.status === 'DEAD' && order !== null) {
    log.error('intent dead: moved to the dead-letter queue', { attempts: updated.attempts, error });
    const position = deps.positions.get(tenantId, order.positionId);
    deps.notifier.notify({
      kind: 'deadIntent',
      title:
        `Order could not be executed: ${order.side === 'BUY' ? 'buy' : 'sell'} ${formatQty(order.qty)} ${position?.symbol ?? ''}`.trim(),
      body: `Gave up after ${updated.attempts} attempts (${error}); the order was cancelled.`,
      tenantId,
      positionId: order.positionId,
      symbol: position?.symbol ?? null,
      at: deps.clock.now(),
    });
    return { kind: 'dead', tenantId, intent: updated, order, error, events };
  }
  return { kind: 'retrying', tenantId, intent: updated, error };
}

async function freshQuote(deps: ExecutionDeps, symbol: string, timeoutMs: number): Promise<Quote> {
  let answers;
  try {
    answers = await deps.marketData.getQuotes([symbol], { timeoutMs });
  } catch (err) {
    throw new Retry(`quote for ${symbol}: ${err instanceof Error ? err.message : String(err)}`);
  }
  logQuotes(deps, answers);
  return usableQuote(symbol, answers.get(symbol));
}

function usableQuote(symbol: string, answer: QuoteResult | undefined): Quote {
  if (answer === undefined) throw new Retry(`no quote for ${symbol}`);
  if (!answer.ok) throw new Retry(`quote for ${symbol}: ${answer.kind}: ${answer.error}`);
  return answer.quote;
}

/** Today's activity without this order itself (it was counted when it was created). */
function activityExcluding(deps: ExecutionDeps, order: OrderRecord): DailyActivity {
  const day = exchangeDayBounds(exchangeDateOf(deps.clock.now()));
  const ordersToday = deps.orders.countActiveCreatedBetween(
    order.tenantId,
    order.positionId,
    day.fromMs,
    day.toMs,
  );
  const counted = order.createdAt >= day.fromMs && order.createdAt < day.toMs ? 1 : 0;
  return {
    ordersToday: Math.max(0, ordersToday - counted),
    notionalTodayCents: deps.trades.sumNotionalCentsBetween(
      order.tenantId,
      order.positionId,
      day.fromMs,
      day.toMs,
    ),
  };
}

function moveOrder(
  deps: ExecutionDeps,
  order: OrderRecord,
  to: OrderRecord['status'],
  changes: { filledQty?: number },
): OrderRecord {
  OrderStateMachine.transition(order.status, to);
  const now = deps.clock.now();
  if (
    !deps.orders.transition(order.tenantId, order.id, order.status, {
      status: to,
      ...changes,
      updatedAt: now,
    })
  ) {
    throw new Retry(`order ${order.id} was no longer ${order.status}`);
  }
  return { ...order, ...changes, status: to, updatedAt: now };
}

function markDone(deps: ExecutionDeps, tenantId: string, intent: OrderIntentRecord): void {
  IntentStateMachine.transition('PROCESSING', 'DONE');
  // False when the lease expired and the intent was re-queued meanwhile: the next claim finds the order complete.
  deps.intents.markDone(tenantId, intent.id, deps.clock.now());
}

function mustGetOrder(deps: ExecutionDeps, tenantId: string, orderId: string): OrderRecord {
  const order = deps.orders.get(tenantId, orderId);
  if (order === null) throw new Error(`intent refers to order ${orderId}, which does not exist`);
  return order;
}

function mustGetPosition(deps: ExecutionDeps, tenantId: string, positionId: string): PositionRecord {
  const position = deps.positions.get(tenantId, positionId);
  if (position === null) throw new Error(`order refers to position ${positionId}, which does not exist`);
  return position;
}

function configOf(deps: ExecutionDeps, position: PositionRecord): StrategyConfig {
  const portfolio = deps.portfolios.get(position.tenantId, position.portfolioId);
  if (portfolio === null) throw new Error(`position ${position.id} refers to a missing portfolio`);
  return positionConfig(portfolio, position);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
