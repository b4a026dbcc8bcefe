import { resolveCommission, type CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import type { DailyActivity } from '../../domain/DailyActivity';
import type { DomainEvent, EvaluationPayload } from '../../domain/DomainEvent';
import { bookFill } from '../../domain/FillBooking';
import { currentOrNextRegularSession, exchangeDateOf, marketSessionAt } from '../../domain/calendar';
import { effectivePrice } from '../../domain/PricePolicy';
import type { Quote } from '../../domain/Quote';
import type { ReasonCode } from '../../domain/ReasonCode';
import { REASON_TEXT } from '../../domain/ReasonCode';
import { formatDateTime, formatPercentSetting, formatPrice, formatShares } from '../../format/Format';
import { haltWords } from '../../format/RiskEventWords';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import { loadPortfolio, loadPosition } from '../ledger/loaders';
import { commitPositionChange, ledgerOf, positionEvent } from '../ledger/positionChange';
import { fail, ok, type Result } from '../ledger/Result';
import { decidePosition, quoteSnapshot, sessionAllowsTrading, type PositionDecision } from './decidePosition';
import { portfolioHalts } from '../risk/liveRisk';
import { validateDecision } from '../risk/validateDecision';
import { checkOrderTicket, type OrderTicket } from './orderTicket';
import { exchangeDayBounds } from './exchangeDay';
import { positionConfig } from './positionConfig';
import { rejectionNotification, writeDecision, type TickDeps, type Written } from './runTick';
import { manualTickId } from './tickId';

/**
 * Orders the investor asks for by hand, through the normal order path (issue 15): an EvaluationEvent that
 * says what was asked and why, an order (NEW) and its intent (QUEUED) with OrderIntentCreated in one
 * transaction, under a manual tick id of its own; the execution worker fills it like any order, with its
 * events and notification. The order carries a reason code that says it was asked for by hand
 * (`manual_rebalance`, `close_out`): the worker does not re-size it when the price drifted (the investor
 * asked for it at market), and a sell-out closes the position in its fill's transaction.
 *
 * - Rebalance to target: buys or sells what brings the stock share to the target (the target allocation
 *   of `target_allocation` sizing, else the initial stock share), sized, capped and rounded exactly as
 *   an initial allocation is (SPEC 2.10); the anchor moves to the fill price.
 * - Close with a sell-out: sells every share, pauses the position meanwhile, and closes it when the sale
 *   fills. A position without shares closes at once.
 * Both need a price the position may trade at now: refused while its market is closed.
 */

export interface ManualOrderInput {
  tenantId: string;
  positionId: string;
  /** Who asks ("user (desktop)"), recorded with the order's evaluation and any status change. */
  by: string;
  why?: string | null;
}

export interface ManualOrderResult {
  position: PositionRecord;
  /** The evaluation that recorded the request; null when a position without shares closed at once. */
  evaluation: DomainEvent<'EvaluationEvent'> | null;
  order: OrderRecord | null;
}

export interface ManualOrderOptions {
  quoteTimeoutMs: number;
}

/** The stock share "rebalance to target" aims at: the target allocation, else the initial stock share. */
export function targetStockPct(config: StrategyConfig): number {
  return config.sizing.strategy === 'target_allocation'
    ? config.sizing.targetStockPct
    : config.execution.initialStockPct;
}

/** Is this an order the investor asked for by hand (no drift re-sizing: it is at market)? */
export function isManualOrder(order: Pick<OrderRecord, 'reasons'>): boolean {
  return (
    order.reasons.includes('manual_rebalance') ||
    order.reasons.includes('close_out') ||
    order.reasons.includes('manual_order')
  );
}

/** Does this order's fill close its position (a sell-out asked for by hand)? */
export function closesPosition(order: Pick<OrderRecord, 'reasons' | 'side'>): boolean {
  return order.side === 'SELL' && order.reasons.includes('close_out');
}

export async function rebalanceToTarget(
  deps: TickDeps,
  input: ManualOrderInput,
  options: ManualOrderOptions,
): Promise<Result<ManualOrderResult>> {
  const ready = await readyToTrade(deps, input, options);
  if (!ready.ok) return ready;
  const { price, quote, session, config } = ready.value;
  const target = targetStockPct(config);
  const placed = deps.uow.transaction((): Result<Validated<ManualOrderResult>> => {
    const fresh = unchangedSince(deps, input, ready.value.position);
    if (!fresh.ok) return fresh;
    const position = fresh.value;
    const commission = commissionOf(deps, position);
    // Sized, capped and rounded as an initial allocation to the target (SPEC 2.10), whatever the anchor.
    const decided = decidePosition({
      state: { ...position, anchor: null },
      config: { ...config, execution: { ...config.execution, initialStockPct: target } },
      session,
      quote: { ok: true, quote },
      openOrder: null,
      commission,
      today: activityToday(deps, position),
      now: deps.clock.now(),
    });
    if (decided.order === null) {
      const why = decided.payload.reasons
        .filter((r) => r !== 'anchor_unset')
        .map((r) => REASON_TEXT[r].toLowerCase());
      return fail(
        'conflict',
        `Nothing to trade: at ${formatPrice(price)} ${position.symbol} is as near its target of ${formatPercentSetting(target)} stock as whole orders allow${why.length > 0 ? ` (${why.join('; ')})` : ''}`,
      );
    }
    const reasons: ReasonCode[] = [
      'manual_rebalance',
      ...decided.payload.reasons.filter((r) => r !== 'anchor_unset'),
    ];
    const decision: PositionDecision = {
      ...decided,
      payload: {
        ...decided.payload,
        reasons,
        detail: `rebalance to ${formatPercentSetting(target)} stock, asked by ${input.by}`,
      },
      order: { ...decided.order, isInitialAllocation: false },
      anchorToSet: null,
    };
    const written = writeValidated(deps, position, decision, config, commission, price);
    return ok(
      'refused' in written
        ? written
        : { value: { position, evaluation: written.evaluation, order: written.order } },
    );
  });
  return afterValidation(deps, placed);
}

export async function closeWithSellOut(
  deps: TickDeps,
  input: ManualOrderInput,
  options: ManualOrderOptions,
): Promise<Result<ManualOrderResult>> {
  const loaded = loadPosition(deps, input.tenantId, input.positionId);
  if (!loaded.ok) return loaded;
  if (loaded.value.qty === 0) return closeNow(deps, loaded.value, input);
  const ready = await readyToTrade(deps, input, options);
  if (!ready.ok) return ready;
  const { price, quote, session, config } = ready.value;
  return deps.uow.transaction(() => {
    const fresh = unchangedSince(deps, input, ready.value.position);
    if (!fresh.ok) return fresh;
    const position = fresh.value;
    const commission = commissionOf(deps, position);
    const booking = bookFill('SELL', position.qty, price, commission);
    const payload: EvaluationPayload = {
      session,
      pricePolicy: config.execution.pricePolicy,
      priceEffective: price,
      priceSource: null,
      priceFallback: null,
      quote: quoteSnapshot(quote),
      trigger: null,
      rawQty: -position.qty,
      finalQty: position.qty,
      reasons: ['close_out'],
      steps: [],
      action: 'SELL',
      orderId: null,
      deltas: { qty: -position.qty, cashCents: booking.cashDeltaCents },
      detail: `close: sell all ${formatShares(position.qty)}, asked by ${input.by}${input.why ? `: ${input.why}` : ''}`,
    };
    const now = deps.clock.now();
    const tickId = manualTickId(deps.ids);
    const written = writeDecision(
      deps,
      position,
      {
        payload,
        order: { side: 'SELL', qty: position.qty, price, isInitialAllocation: false },
        rejected: null,
        anchorToSet: null,
      },
      commission,
      tickId,
      now,
    );
    // Paused while the sale is under way: the loop does not trade a position that is being closed.
    const after =
      position.status === 'ACTIVE'
        ? commitPositionChange(
            deps,
            position,
            { ...ledgerOf(position), status: 'PAUSED' },
            [
              positionEvent(
                position,
                'PositionStatusChanged',
                {
                  from: 'ACTIVE',
                  to: 'PAUSED',
                  by: input.by,
                  why: `closing: selling ${formatShares(position.qty)}; closed when the sale fills`,
                },
                { correlationId: tickId, ts: now },
              ),
            ],
            { correlationId: tickId, ts: now, now },
          ).position
        : position;
    return ok({ position: after, evaluation: written.evaluation, order: written.order });
  });
}

export interface ManualTicketInput extends ManualOrderInput {
  side: 'BUY' | 'SELL';
  /** Shares, on the position's step and lot grid (shared/application/trading/orderTicket). */
  qty: number;
}

/**
 * The manual order ticket (ADR 0061): buy or sell `qty` shares at market, checked by `checkOrderTicket`
 * at the live price inside the order's transaction; reason `manual_order`. The worker fills it like any
 * order (no drift re-sizing: it is at market; still fitted to the cash or shares at the fill price).
 */
export async function placeManualOrder(
  deps: TickDeps,
  input: ManualTicketInput,
  options: ManualOrderOptions,
): Promise<Result<ManualOrderResult & { ticket: OrderTicket }>> {
  const ready = await readyToTrade(deps, input, options);
  if (!ready.ok) return ready;
  const { price, quote, session, config } = ready.value;
  const placed = deps.uow.transaction((): Result<Validated<ManualOrderResult & { ticket: OrderTicket }>> => {
    const fresh = unchangedSince(deps, input, ready.value.position);
    if (!fresh.ok) return fresh;
    const position = fresh.value;
    const commission = commissionOf(deps, position);
    const ticket = checkOrderTicket(position, input.side, input.qty, price, config, commission);
    if (!ticket.ok) return ticket;
    const signed = input.side === 'BUY' ? input.qty : -input.qty;
    const payload: EvaluationPayload = {
      session,
      pricePolicy: config.execution.pricePolicy,
      priceEffective: price,
      priceSource: null,
      priceFallback: null,
      quote: quoteSnapshot(quote),
      trigger: null,
      rawQty: signed,
      finalQty: input.qty,
      reasons: ['manual_order'],
      steps: [],
      action: input.side,
      orderId: null,
      deltas: { qty: signed, cashCents: ticket.value.cashDeltaCents },
      detail: `${input.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(input.qty)} at market, asked by ${input.by}${input.why ? `: ${input.why}` : ''}`,
    };
    const written = writeValidated(
      deps,
      position,
      {
        payload,
        order: { side: input.side, qty: input.qty, price, isInitialAllocation: false },
        rejected: null,
        anchorToSet: null,
      },
      config,
      commission,
      price,
    );
    return ok(
      'refused' in written
        ? written
        : {
            value: { position, evaluation: written.evaluation, order: written.order, ticket: ticket.value },
          },
    );
  });
  return afterValidation(deps, placed);
}

/** An order asked for by hand, written (refused: its REJECTED order was written instead). */
type Validated<T> = { refused: DomainEvent<'OrderRejected'> } | { value: T };

/**
 * The order validator (SPEC 9, ADR 0136) on an order asked for by hand, as in the live loop: a failed
 * check records a REJECTED order with its code instead (in the caller's transaction). The portfolio's
 * other holdings are valued at their anchors (one quote is known: this symbol's).
 */
function writeValidated(
  deps: TickDeps,
  position: PositionRecord,
  decision: PositionDecision,
  config: StrategyConfig,
  commission: CommissionSnapshot,
  price: number,
): Written | { refused: DomainEvent<'OrderRejected'> } {
  const now = deps.clock.now();
  const checked =
    dailyLossStopRefusal(deps, position, decision, now) ??
    validateDecision(deps, position, decision, config, commission, now, (symbol) =>
      symbol === position.symbol ? price : null,
    );
  const written = writeDecision(deps, position, checked, commission, manualTickId(deps.ids), now);
  return written.rejection !== null ? { refused: written.rejection } : written;
}

/**
 * The daily loss stop (SPEC 9: "no new buys for the rest of the session") on a buy asked for by hand
 * (ADR 0130): refused as the validator refuses, a REJECTED order with `daily_loss_stop` among its
 * reasons and the stop in words; sells go on. Null when the order may go.
 */
function dailyLossStopRefusal(
  deps: TickDeps,
  position: PositionRecord,
  decision: PositionDecision,
  now: number,
): PositionDecision | null {
  const o = decision.order;
  if (o === null || o.side !== 'BUY') return null;
  const stop = portfolioHalts(deps.events, position.tenantId, now).get(position.portfolioId)?.buysBlocked;
  if (stop == null) return null;
  const detail = `Buy refused: ${haltWords(stop)} Sells are still allowed.`;
  const reasons: ReasonCode[] = [...decision.payload.reasons, 'daily_loss_stop'];
  return {
    payload: { ...decision.payload, action: 'HOLD', deltas: null, reasons, detail },
    order: null,
    rejected: { side: o.side, qty: o.qty, price: o.price, reasons, detail },
    anchorToSet: null,
  };
}

/** After the commit: a refused order is notified as the tick's rejections are, and answered in words. */
function afterValidation<T>(deps: TickDeps, placed: Result<Validated<T>>): Result<T> {
  if (!placed.ok) return placed;
  if ('value' in placed.value) return ok(placed.value.value);
  const refused = placed.value.refused;
  deps.notifier.notify(rejectionNotification(refused));
  return fail('conflict', refused.payload.detail);
}

/** A position without shares closes at once: nothing to sell. */
function closeNow(
  deps: TickDeps,
  position: PositionRecord,
  input: ManualOrderInput,
): Result<ManualOrderResult> {
  if (position.status === 'CLOSED') return fail('conflict', `${position.symbol} is already closed`);
  if (deps.orders.listOpen(input.tenantId, position.id).length > 0)
    return fail('conflict', `${position.symbol} has an open order: wait for it to fill or be cancelled`);
  return deps.uow.transaction(() => {
    const now = deps.clock.now();
    const ctx = { correlationId: deps.ids.next(), ts: now, now };
    const { position: after } = commitPositionChange(
      deps,
      position,
      { ...ledgerOf(position), status: 'CLOSED' },
      [
        positionEvent(
          position,
          'PositionStatusChanged',
          { from: position.status, to: 'CLOSED', by: input.by, why: input.why ?? null },
          ctx,
        ),
      ],
      ctx,
    );
    return ok({ position: after, evaluation: null, order: null });
  });
}

interface Ready {
  position: PositionRecord;
  config: StrategyConfig;
  session: ReturnType<typeof marketSessionAt>;
  quote: Quote;
  price: number;
}

/** The checks every manual order needs, and a price it may trade at now (one quote call, outside any transaction). */
async function readyToTrade(
  deps: TickDeps,
  input: ManualOrderInput,
  options: ManualOrderOptions,
): Promise<Result<Ready>> {
  const loaded = loadPosition(deps, input.tenantId, input.positionId);
  if (!loaded.ok) return loaded;
  const position = loaded.value;
  if (position.status === 'CLOSED') return fail('conflict', `${position.symbol} is closed`);
  if (deps.orders.listOpen(input.tenantId, position.id).length > 0)
    return fail('conflict', `${position.symbol} has an open order: wait for it to fill or be cancelled`);
  const portfolio = loadPortfolio(deps, input.tenantId, position.portfolioId);
  if (!portfolio.ok) return portfolio;
  const config = positionConfig(portfolio.value, position);
  const now = deps.clock.now();
  const session = marketSessionAt(now);
  if (!sessionAllowsTrading(session, config)) {
    const next = currentOrNextRegularSession(now);
    return fail(
      'conflict',
      `The market is closed: an order now needs a live price. Try again when it opens (${formatDateTime(next.open)} New York).`,
    );
  }
  let answer;
  try {
    answer = (await deps.marketData.getQuotes([position.symbol], { timeoutMs: options.quoteTimeoutMs })).get(
      position.symbol,
    );
  } catch (err) {
    answer = { ok: false as const, kind: 'provider_error' as const, error: String(err) };
  }
  if (answer === undefined || !answer.ok)
    return fail(
      'conflict',
      `No price for ${position.symbol} now (${answer?.error ?? 'no answer'}): try again in a moment`,
    );
  const priced = effectivePrice(
    answer.quote,
    config.execution.pricePolicy,
    now,
    config.execution.maxQuoteAgeMs,
  );
  if (!priced.ok) return fail('conflict', `No usable price for ${position.symbol} now: ${priced.detail}`);
  return ok({ position, config, session, quote: answer.quote, price: priced.price });
}

/** Inside the order's transaction: the position as it was when its price was taken, or a conflict. */
function unchangedSince(
  deps: TickDeps,
  input: ManualOrderInput,
  seen: PositionRecord,
): Result<PositionRecord> {
  const fresh = loadPosition(deps, input.tenantId, input.positionId);
  if (!fresh.ok) return fresh;
  if (fresh.value.version !== seen.version)
    return fail('conflict', `${seen.symbol} changed meanwhile: look again and ask again`);
  return fresh;
}

function commissionOf(deps: TickDeps, position: PositionRecord): CommissionSnapshot {
  return resolveCommission(
    deps.commissionRates.listApplicable(position.tenantId),
    position.tenantId,
    position.symbol,
  );
}

function activityToday(deps: TickDeps, position: PositionRecord): DailyActivity {
  const day = exchangeDayBounds(exchangeDateOf(deps.clock.now()));
  return {
    ordersToday: deps.orders.countActiveCreatedBetween(position.tenantId, position.id, day.fromMs, day.toMs),
    notionalTodayCents: deps.trades.sumNotionalCentsBetween(
      position.tenantId,
      position.id,
      day.fromMs,
      day.toMs,
    ),
  };
}
