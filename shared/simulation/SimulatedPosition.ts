import type { CommissionSnapshot } from '../domain/Commission';
import type { StrategyConfig } from '../domain/Config';
import type { DailyActivity } from '../domain/DailyActivity';
import type { AnchorChange } from '../domain/AnchorRules';
import { anchorAfterFill, anchorOnExDividend, anchorWithoutInitialFill } from '../domain/AnchorRules';
import type { Side } from '../domain/DomainEvent';
import { exact } from '../domain/ExactDecimal';
import type { FillBooking } from '../domain/FillBooking';
import { applyFill, applyFillInPlace, bookFill, bookFillInto } from '../domain/FillBooking';
import { cents } from '../domain/Money';
import type { PositionLedger } from '../domain/Position';
import { normalizeQty } from '../domain/Position';
import type { EvaluationOutcome } from '../domain/PositionEvaluator';
import { evaluatePosition, PositionEvaluator } from '../domain/PositionEvaluator';
import { productRoundedTowardZero, roundTowardZero } from '../domain/QuantityRounding';
import type { ReasonCode } from '../domain/ReasonCode';
import type { BarSeries } from '../ports/HistoricalBars';
import type { DividendCalendar } from './DividendSchedule';
import { DividendSchedule, NO_DIVIDEND } from './DividendSchedule';
import type { BuyAndHoldReplay } from './BuyAndHoldReplay';
import type { RunLog } from './RunLog';
import type { FillNote } from './SimulationResult';
import type { ExecutionModel, PositionSpec, UnpaidDividend } from './SimulationSpec';
import { openingLedger } from './SimulationSpec';
import type { RunOptions } from './runSimulation';
import {
  ACTION_BUY,
  ACTION_HOLD,
  ACTION_REJECTED,
  ACTION_SELL,
  barLabel,
  REASONS_NO_TRIGGER,
  TimelineRecorder,
} from './TimelineRecorder';
import { productCents } from '../domain/Money';
import { SimulatedRisk } from './SimulatedRisk';
import { DayTradeCounter, type DayTradeLimit } from '../domain/accounting/DayTrades';
import { dayTradeSessions, dayTradeWords } from '../application/accounting/dayTradeLimit';
import { GATE_ALL, GATE_NONE, GATE_SELLS, type SimGate } from './SimulatedPortfolioRisk';

export interface StepContext {
  config: StrategyConfig;
  commission: CommissionSnapshot;
  today: DailyActivity;
}

export interface StepResult {
  outcome: EvaluationOutcome;
  /** The position after the bar: the fill booked and the anchor moved, or the anchor set without a fill. */
  ledger: PositionLedger;
  fill: { side: Side; qty: number; price: number; booking: FillBooking } | null;
}

/**
 * One evaluation at one price and, when it orders, its fill at that price: `evaluatePosition`, then
 * `bookFill` + `applyFill` (anchor = fill price); an initial allocation that ends without an order sets
 * the anchor to the price (SPEC 2.6, 2.10). This is the decision and booking the live loop makes with
 * the same domain functions; the replay below does exactly this for the `close` fill model without
 * slippage or volume cap, which a conformance test checks bar by bar.
 */
export function stepPosition(ledger: PositionLedger, price: number, ctx: StepContext): StepResult {
  const outcome = evaluatePosition({
    state: ledger,
    price,
    config: ctx.config,
    commission: ctx.commission,
    today: ctx.today,
  });
  if ((outcome.action === 'BUY' || outcome.action === 'SELL') && outcome.qty > 0) {
    const booking = bookFill(outcome.action, outcome.qty, price, ctx.commission);
    return {
      outcome,
      ledger: applyFill(ledger, outcome.action, outcome.qty, price, booking),
      fill: { side: outcome.action, qty: outcome.qty, price, booking },
    };
  }
  const anchored = outcome.anchorToSet === null ? ledger : { ...ledger, anchor: outcome.anchorToSet };
  return { outcome, ledger: anchored, fill: null };
}

/** Moves a fill price against the order by `bps` basis points, exactly; the result is the fill's exact price. */
export function slippedPrice(price: number, side: Side, bps: number): number {
  return bps === 0 ? price : slippedPriceExactly(price, side, bps);
}

// Out of line: with no slippage (the default) the call above is small enough to inline into a fill.
function slippedPriceExactly(price: number, side: Side, bps: number): number {
  const factor = exact(bps).div(10_000);
  const moved = exact(price).times(side === 'BUY' ? factor.plus(1) : exact(1).minus(factor));
  return moved.toNumber();
}

/** An order decided on one bar that fills at the next bar's open (`next_open`). */
interface PendingOrder {
  side: Side;
  qty: number;
  decidedAt: number;
  decisionPrice: number;
  /** Ordinal of the session it was decided in (whose daily activity counts it). */
  decisionDay: number;
  isInitialAllocation: boolean;
  reasons: readonly ReasonCode[];
  /** A stop's exit (SPEC 9): after its fill the anchor is unset and the position trades no more. */
  riskExit?: boolean;
}

/** Where a detailed run of one position writes each session's state (the result's own arrays). */
export interface DetailedColumns {
  close: (number | null)[];
  qty: number[];
  cash: number[];
  receivable: number[];
  equity: number[];
  buyHold: number[];
  dailyEquity: Float64Array;
  dailyBuyHold: number[];
}

export interface ReplayTotals {
  trades: number;
  rejected: number;
  cancelled: number;
  buys: number;
  sells: number;
  notionalCents: number;
  commissionsCents: number;
  dividendsGrossCents: number;
  dividendsNetCents: number;
}

/** Margin that keeps the HOLD pre-check strictly inside the trigger's own float filter (1e-12). */
const PREFILTER_MARGIN = 1e-9;

const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);

/**
 * One position replayed bar by bar (ADR 0010). Per bar, in order: a new session resets the daily
 * activity and applies due dividends (accrual on the shares held at the previous bar's close, anchor
 * adjustment, payment); a `next_open` order from the previous bar fills at this bar's open; the rules
 * evaluate the close; a `close` order fills at the close. Nothing is allocated on a HOLD bar.
 */
export class SimulatedPosition {
  readonly symbol: string;
  readonly config: StrategyConfig;
  /** The position, changed in place (one object for the whole run: no copy per fill or dividend). */
  private readonly ledger: PositionLedger;
  private readonly evaluator = new PositionEvaluator();
  /** The order a `close` fill books at once (reused); a `next_open` order is a new object kept until filled. */
  private readonly closeOrder: PendingOrder = {
    side: 'BUY',
    qty: NaN,
    decidedAt: 0,
    decisionPrice: NaN,
    decisionDay: -1,
    isInitialAllocation: false,
    reasons: NO_REASONS,
  };
  private readonly activity: DailyActivity = { ordersToday: 0, notionalTodayCents: 0 };
  /** Where `fill` books (reused: read at once, before the next fill). */
  private readonly booking: FillBooking = {
    notionalCents: cents(0),
    commissionCents: cents(0),
    cashDeltaCents: cents(0),
  };
  /**
   * Ordinal of the session `activity` counts. It is reset lazily, when a new session first evaluates,
   * fills or cancels (`activityOn`), not on every session's first bar.
   */
  private activityDay = -1;
  private pending: PendingOrder | null = null;
  /** Open interval of prices that are certainly a HOLD `no_trigger` for the current anchor (NaN: none). */
  private holdAbove = NaN;
  private holdBelow = NaN;
  /**
   * The band's bounds per unit of anchor: (1 − down)(1 + margin) and (1 + up)(1 − margin), NaN without
   * the prefilter. Worked out once: a fill moves the band, and the fill path is kept small enough to inline.
   */
  private readonly holdAboveFactor: number;
  private readonly holdBelowFactor: number;
  private readonly dividends: DividendSchedule;
  /** The bar on which the next dividend step (accrual or payment) is due: an integer test per bar. */
  private nextDividendBar = 0;
  private readonly timeline: TimelineRecorder | null;
  private readonly qtyUnit: number;
  private readonly close: Float64Array;
  /**
   * What the portfolio's rules allow at the current step (SPEC 9, set by the run before each step):
   * everything, sells only (daily loss stop) or nothing (circuit breaker). Always GATE_ALL without them.
   */
  gate: SimGate = GATE_ALL;
  /** The risk manager and order validator of this position; null when the config sets none (SPEC 9). */
  private readonly risk: SimulatedRisk | null;
  /**
   * The optional day-trade limit (SPEC 8) and this position's day trades; null when the limit is off.
   * In a simulation the account the limit counts is the position (positions replay on their own).
   */
  private readonly dayTrades: { limit: DayTradeLimit; counter: DayTradeCounter } | null;
  /**
   * Close of the last bar stepped; before the first bar, the first bar's close values initial shares.
   * Declared with a number (a field declared bare starts as `undefined`, and every later store of a
   * fractional price into it would allocate a heap number: once per bar).
   */
  lastClose = NaN;
  barsStepped = 0;
  readonly totals: ReplayTotals = {
    trades: 0,
    rejected: 0,
    cancelled: 0,
    buys: 0,
    sells: 0,
    notionalCents: 0,
    commissionsCents: 0,
    dividendsGrossCents: 0,
    dividendsNetCents: 0,
  };

  constructor(
    spec: PositionSpec,
    private readonly bars: BarSeries,
    dividends: DividendCalendar,
    runConfig: StrategyConfig,
    private readonly commission: CommissionSnapshot,
    private readonly execution: ExecutionModel,
    private readonly log: RunLog,
    prefilter: boolean,
    /** Each bar's session as an ordinal, 0 for the first (precomputed once per prepared run). */
    private readonly sessionOrdinal: Int32Array,
    dayTradeLimit: DayTradeLimit | null = null,
  ) {
    this.symbol = spec.symbol;
    this.config = spec.config ?? runConfig;
    this.ledger = openingLedger(spec, spec.initialAnchor);
    this.dividends = new DividendSchedule(dividends, this.config.execution.dividendWithholdingPct);
    this.timeline = log.detailed ? new TimelineRecorder(bars) : null;
    const policy = this.config.orderPolicy;
    this.qtyUnit = policy.lotSize ?? (policy.qtyStep > 0 ? policy.qtyStep : 0.000001);
    this.close = bars.close;
    this.lastClose = bars.close[0] as number;
    this.risk = SimulatedRisk.of(this.config, spec.initialQty, bars.close[0] as number);
    this.dayTrades =
      dayTradeLimit === null || dayTradeLimit.maxDayTrades === null
        ? null
        : { limit: dayTradeLimit, counter: new DayTradeCounter() };
    // With risk settings every bar is evaluated (a stop can fire inside the hold band).
    if (this.risk !== null) prefilter = false;
    const { upThreshold, downThreshold } = this.config.trigger;
    this.holdAboveFactor = prefilter ? (1 - downThreshold) * (1 + PREFILTER_MARGIN) : NaN;
    this.holdBelowFactor = prefilter ? (1 + upThreshold) * (1 - PREFILTER_MARGIN) : NaN;
    this.updateHoldBand();
    this.nextDividendBar = this.dividends.nextDueBar();
  }

  get state(): Readonly<PositionLedger> {
    return this.ledger;
  }

  /** Cash + receivable + shares × last close, cents (the exact product rounded half-even). */
  equityCents(): number {
    const l = this.ledger;
    return l.cashCents + l.receivableCents + productCents(l.qty, this.lastClose);
  }

  unpaidDividends(): UnpaidDividend[] {
    return this.dividends.pending();
  }

  timelineRecorder(): TimelineRecorder | null {
    return this.timeline;
  }

  step(i: number): void {
    if (i >= this.nextDividendBar) {
      // Due bars are each the first bar of a session; applying consumes everything due by bar i.
      this.applyDividends(i);
      this.nextDividendBar = this.dividends.nextDueBar();
    }
    if (this.pending !== null) this.fillPending(i);
    const price = this.close[i] as number;
    this.lastClose = price;
    this.barsStepped++;
    // SPEC 9: the portfolio's circuit breaker halted the run (docs/adr/0131): no order, no stop.
    if (this.gate === GATE_NONE) {
      this.haltedHold(i, 'trading_halted');
      return;
    }
    if (this.risk !== null && this.riskStep(i, price, this.risk)) return;
    if (price > this.holdAbove && price < this.holdBelow) {
      // Certainly HOLD `no_trigger` (ADR 0010): evaluatePosition would return exactly that.
      if (this.timeline !== null)
        this.timeline.record(i, ACTION_HOLD, 0, this.ledger.anchor as number, REASONS_NO_TRIGGER);
      return;
    }
    this.evaluate(i);
  }

  /**
   * Every bar of a position replayed alone and not detailed (a sweep's or walk-forward's run): `step` on
   * each bar that may do something, and the equity of each session's last bar (`stepEnds`) into
   * `dailyEquity`. A bar inside the hold band with nothing due (no dividend, no order waiting) is the
   * HOLD `step` would find; it costs a load and two compares on locals. Every `every` bars the run's
   * `signal` is checked (an aborted run stops: false) and its progress reported. The caller's own
   * objects are called, not a closure made per run: a new closure at a call site the optimiser has
   * specialised is a deoptimisation, once per run of a sweep.
   */
  replayAlone(
    stepEnds: Uint8Array,
    dailyEquity: Float64Array,
    every: number,
    run: Pick<RunOptions, 'signal' | 'onProgress'>,
  ): boolean {
    if (!this.replayBars(stepEnds, dailyEquity, every, run)) return false;
    const n = this.close.length;
    if (n > 0) this.lastClose = this.close[n - 1] as number;
    this.barsStepped = n;
    return true;
  }

  /**
   * The loop of `replayAlone`, and nothing after it: V8 compiles a long loop while inside it, before
   * code after the loop has run, and an operation there with no type feedback yet deoptimised the whole
   * replay as it ended.
   */
  private replayBars(
    stepEnds: Uint8Array,
    dailyEquity: Float64Array,
    every: number,
    run: Pick<RunOptions, 'signal' | 'onProgress'>,
  ): boolean {
    const close = this.close;
    const n = close.length;
    const l = this.ledger;
    let day = 0;
    let quietBefore = this.quietBefore();
    let above = this.holdAbove;
    let below = this.holdBelow;
    let qty = l.qty;
    let held = l.cashCents + l.receivableCents;
    // Bars in chunks of `every`, the checkpoint between chunks: no countdown on every bar.
    const chunk = Math.max(1, every);
    for (let start = 0; start < n; start += chunk) {
      if (start > 0) {
        if (run.signal?.aborted) return false;
        run.onProgress?.(start, n);
      }
      const end = Math.min(n, start + chunk);
      for (let i = start; i < end; i++) {
        const price = close[i] as number;
        if (i >= quietBefore || !(price > above && price < below)) {
          this.step(i);
          quietBefore = this.quietBefore();
          above = this.holdAbove;
          below = this.holdBelow;
          qty = l.qty;
          held = l.cashCents + l.receivableCents;
        }
        if (stepEnds[i] !== 0) dailyEquity[day++] = held + productCents(qty, price);
      }
    }
    return true;
  }

  /**
   * Every bar of a position replayed alone in a detailed run (`vb simulate KO`): the loop of
   * `replayAlone`, where a bar inside the hold band with nothing due is the HOLD `step` would record
   * (one store in the timeline), with its buy-and-hold stepped only when something is due for it, and
   * each session's state written into `out`. Returns false when the run's signal aborted it.
   */
  replayDetailed(
    stepEnds: Uint8Array,
    buyHold: BuyAndHoldReplay,
    out: DetailedColumns,
    every: number,
    run: Pick<RunOptions, 'signal' | 'onProgress'>,
  ): boolean {
    if (!this.replayDetailedBars(stepEnds, buyHold, out, every, run)) return false;
    const n = this.close.length;
    if (n > 0) {
      this.lastClose = this.close[n - 1] as number;
      buyHold.closeAt(this.lastClose);
    }
    this.barsStepped = n;
    return true;
  }

  /** The loop of `replayDetailed`, and nothing after it (see `replayBars`). */
  private replayDetailedBars(
    stepEnds: Uint8Array,
    buyHold: BuyAndHoldReplay,
    out: DetailedColumns,
    every: number,
    run: Pick<RunOptions, 'signal' | 'onProgress'>,
  ): boolean {
    const close = this.close;
    const n = close.length;
    const l = this.ledger;
    const timeline = this.timeline as TimelineRecorder;
    let day = 0;
    let quietBefore = this.quietBefore();
    let above = this.holdAbove;
    let below = this.holdBelow;
    let buyHoldQuietBefore = buyHold.quietBefore();
    // The columns in locals: one property load each per run, not per session.
    const { close: closes, qty, cash, receivable, equity: equities, buyHold: buyHolds } = out;
    const { dailyEquity, dailyBuyHold } = out;
    const chunk = Math.max(1, every);
    for (let start = 0; start < n; start += chunk) {
      if (start > 0) {
        if (run.signal?.aborted) return false;
        run.onProgress?.(start, n);
      }
      const end = Math.min(n, start + chunk);
      for (let i = start; i < end; i++) {
        const price = close[i] as number;
        if (i >= quietBefore || !(price > above && price < below)) {
          this.step(i);
          quietBefore = this.quietBefore();
          above = this.holdAbove;
          below = this.holdBelow;
        } else timeline.recordHold(i, l.anchor as number);
        if (i >= buyHoldQuietBefore) {
          buyHold.step(i);
          buyHoldQuietBefore = buyHold.quietBefore();
        }
        if (stepEnds[i] === 0) continue;
        const equity = l.cashCents + l.receivableCents + productCents(l.qty, price);
        const buyHoldEquity = buyHold.equityAt(price);
        closes[day] = price;
        qty[day] = l.qty;
        cash[day] = l.cashCents;
        receivable[day] = l.receivableCents;
        equities[day] = equity;
        buyHolds[day] = buyHoldEquity;
        dailyEquity[day] = equity;
        dailyBuyHold[day] = buyHoldEquity;
        day++;
      }
    }
    return true;
  }

  /** The first bar from which something besides the rules may happen: a dividend due or an order waiting. */
  private quietBefore(): number {
    return this.pending !== null ? 0 : this.nextDividendBar;
  }

  /** The daily activity of bar `i`'s session (SPEC 2.5 rule 4), reset when that session first uses it. */
  private activityOn(i: number): DailyActivity {
    const day = this.sessionOrdinal[i] as number;
    const activity = this.activity;
    if (day !== this.activityDay) {
      this.activityDay = day;
      activity.ordersToday = 0;
      activity.notionalTodayCents = 0;
    }
    return activity;
  }

  /** Called once after the last bar: a `next_open` order still waiting has no next bar and is cancelled. */
  finish(): void {
    const order = this.pending;
    if (order === null) return;
    this.pending = null;
    this.cancel(order, this.bars.close.length - 1, order.qty, 'end_of_data');
  }

  /**
   * The rules on bar `i` at its close. No call here takes a price: the evaluator's inputs are written in
   * place and a fill reads its bar's price itself, so nothing is boxed whether or not V8 inlines the call.
   */
  private evaluate(i: number): void {
    const price = this.close[i] as number;
    const l = this.ledger;
    const anchorSeen = l.anchor ?? NaN;
    const ev = this.evaluator;
    const position = ev.position;
    position.qty = l.qty;
    position.cashCents = l.cashCents;
    position.receivableCents = l.receivableCents;
    position.anchor = anchorSeen;
    ev.price = price;
    ev.run(this.config, this.commission, this.activityOn(i));
    if (ev.action === 'HOLD' || !(ev.qty > 0)) {
      this.noOrder(i, price, anchorSeen);
      return;
    }
    const side = ev.action;
    // SPEC 9: after the daily loss stop, no new buy for the rest of the session.
    if (side === 'BUY' && this.gate === GATE_SELLS) {
      this.haltedHold(i, 'daily_loss_stop');
      return;
    }
    if (this.risk !== null && this.validatorRejects(i, price, anchorSeen, this.risk)) return;
    const dayTrade =
      side === 'BUY' && this.dayTrades !== null ? this.dayTradeCheck(i, price, anchorSeen) : 'ok';
    if (dayTrade === 'block') return;
    const timeline = this.timeline;
    if (timeline !== null)
      timeline.record(
        i,
        side === 'BUY' ? ACTION_BUY : ACTION_SELL,
        ev.qty,
        anchorSeen,
        timeline.reasonSetOf(ev.reasons()),
      );
    this.activity.ordersToday++;
    const fillsNow = this.execution.fill === 'close';
    const order: PendingOrder = fillsNow ? this.closeOrder : { ...this.closeOrder };
    order.side = side;
    order.qty = ev.qty;
    order.decidedAt = i;
    order.decisionPrice = price;
    order.decisionDay = this.activityDay;
    order.isInitialAllocation = ev.isInitialAllocation;
    order.reasons = this.log.detailed ? ev.reasons() : NO_REASONS;
    if (dayTrade === 'warn' && this.log.detailed) order.reasons = [...order.reasons, 'day_trade_warning'];
    if (fillsNow) this.fill(order, i, false);
    else this.pending = order;
  }

  /** The evaluation on bar `i` placed no order: a rejection, a HOLD, and the anchor an initial allocation sets. */
  private noOrder(i: number, price: number, anchorSeen: number): void {
    const ev = this.evaluator;
    const timeline = this.timeline;
    if (ev.rejected) {
      this.totals.rejected++;
      if (timeline !== null)
        timeline.record(i, ACTION_REJECTED, ev.qty, anchorSeen, timeline.reasonSetOf(ev.reasons()));
      if (this.log.detailed) this.recordRejection(i, price, ev);
    } else if (timeline !== null) {
      // The trigger's HOLD has the one reason `no_trigger`, whose set every recorder holds at a fixed index.
      const reasonSet = ev.triggerKind === 'HOLD' ? REASONS_NO_TRIGGER : timeline.reasonSetOf(ev.reasons());
      timeline.record(i, ACTION_HOLD, 0, anchorSeen, reasonSet);
    }
    if (!Number.isNaN(ev.anchorToSet))
      this.setAnchor(i, ev.anchorToSet, 'initial allocation without an order: anchor set to the price');
  }

  private fillPending(i: number): void {
    const order = this.pending as PendingOrder;
    this.pending = null;
    this.fill(order, i, true);
  }

  /** Fills `order` on bar `i` at its open or close moved by slippage, within the volume cap and the cash. */
  private fill(order: PendingOrder, i: number, atOpen: boolean): void {
    const basePrice = (atOpen ? this.bars.open[i] : this.close[i]) as number;
    const { side } = order;
    const price = slippedPrice(basePrice, side, this.execution.slippageBps);
    const policy = this.config.orderPolicy;
    let qty = side === 'SELL' ? Math.min(order.qty, this.ledger.qty) : order.qty;
    let note: FillNote | null = null;
    const cap = this.execution.volumeCap;
    if (cap !== null) {
      const allowed = productRoundedTowardZero(
        this.bars.volume[i] as number,
        cap,
        policy.qtyStep,
        policy.lotSize,
      );
      if (qty > allowed) {
        qty = Math.max(0, allowed);
        note = 'volume_cap';
      }
    }
    const booking = this.booking;
    let booked = qty > 0;
    if (booked) bookFillInto(booking, side, qty, price, this.commission);
    if (side === 'BUY' && booked && this.ledger.cashCents + booking.cashDeltaCents < 0) {
      qty = this.affordableQty(qty, price);
      note = note ?? 'insufficient_cash';
      booked = qty > 0;
      if (booked) bookFillInto(booking, side, qty, price, this.commission);
    }
    if (!booked) {
      this.cancel(order, i, order.qty, note ?? 'insufficient_cash');
      return;
    }
    const anchorBefore = this.ledger.anchor;
    applyFillInPlace(this.ledger, side, qty, price, booking);
    if (this.risk !== null) {
      this.risk.onFill(side, qty, booking.notionalCents, booking.commissionCents);
      // A stop's exit unsets the anchor (SPEC 9): the investor decides when to re-enter.
      if (order.riskExit === true) this.ledger.anchor = null;
    }
    this.updateHoldBand();
    this.dayTrades?.counter.record(this.bars.session[i] as string, this.symbol, side);
    this.activityOn(i).notionalTodayCents += booking.notionalCents;
    const t = this.totals;
    t.trades++;
    if (side === 'BUY') t.buys++;
    else t.sells++;
    t.notionalCents += booking.notionalCents;
    t.commissionsCents += booking.commissionCents;
    if (this.log.detailed) this.logFill(order, i, qty, price, note, anchorBefore);
  }

  /** The fill just booked, as a trade and its events (a detailed run's log; out of line: sweeps keep none). */
  private logFill(
    order: PendingOrder,
    i: number,
    qty: number,
    price: number,
    note: FillNote | null,
    anchorBefore: number | null,
  ): void {
    const { side } = order;
    const booking = this.booking;
    const cancelledQty = normalizeQty(order.qty - qty);
    const at = barLabel(this.bars, i);
    const tradeSeq = this.log.addTrade({
      seq: 0,
      symbol: this.symbol,
      decidedAt: barLabel(this.bars, order.decidedAt),
      filledAt: at,
      session: this.bars.session[i] as string,
      side,
      status: 'FILLED',
      isInitialAllocation: order.isInitialAllocation,
      requestedQty: order.qty,
      qty,
      cancelledQty,
      decisionPrice: order.decisionPrice,
      price,
      notionalCents: booking.notionalCents,
      commissionCents: booking.commissionCents,
      qtyAfter: this.ledger.qty,
      cashAfterCents: this.ledger.cashCents,
      anchorAfter: this.ledger.anchor,
      reasons: [...order.reasons],
      note,
    });
    this.log.addEvent({
      seq: 0,
      at,
      symbol: this.symbol,
      tradeSeq,
      type: 'OrderFilled',
      qty,
      price,
      amountCents: booking.cashDeltaCents,
      anchorBefore,
      anchorAfter: this.ledger.anchor,
      detail: '',
    });
    const anchorChange = anchorAfterFill(anchorBefore, price);
    this.log.addEvent({
      seq: 0,
      at,
      symbol: this.symbol,
      tradeSeq,
      type: anchorChange.type,
      qty: null,
      price,
      amountCents: null,
      anchorBefore: anchorChange.from,
      anchorAfter: anchorChange.to,
      detail: 'anchor moved to the fill price',
    });
    if (cancelledQty > 0) {
      this.log.addEvent({
        seq: 0,
        at,
        symbol: this.symbol,
        tradeSeq,
        type: 'OrderCancelled',
        qty: cancelledQty,
        price: null,
        amountCents: null,
        anchorBefore: null,
        anchorAfter: null,
        detail: note ?? '',
      });
    }
  }

  /** Nothing of `order` fills: a CANCELLED trade; it no longer counts as an order of its day (SPEC 2.5 rule 4). */
  private cancel(order: PendingOrder, i: number, qty: number, note: FillNote): void {
    this.totals.cancelled++;
    const today = this.activityOn(i);
    if (order.decisionDay === this.activityDay && today.ordersToday > 0) today.ordersToday--;
    if (this.log.detailed) {
      const at = barLabel(this.bars, i);
      const tradeSeq = this.log.addTrade({
        seq: 0,
        symbol: this.symbol,
        decidedAt: barLabel(this.bars, order.decidedAt),
        filledAt: null,
        session: this.bars.session[i] as string,
        side: order.side,
        status: 'CANCELLED',
        isInitialAllocation: order.isInitialAllocation,
        requestedQty: order.qty,
        qty: 0,
        cancelledQty: qty,
        decisionPrice: order.decisionPrice,
        price: null,
        notionalCents: 0,
        commissionCents: 0,
        qtyAfter: this.ledger.qty,
        cashAfterCents: this.ledger.cashCents,
        anchorAfter: this.ledger.anchor,
        reasons: [...order.reasons],
        note,
      });
      this.log.addEvent({
        seq: 0,
        at,
        symbol: this.symbol,
        tradeSeq,
        type: 'OrderCancelled',
        qty,
        price: null,
        amountCents: null,
        anchorBefore: null,
        anchorAfter: null,
        detail: note,
      });
    }
    // SPEC 2.10: an initial allocation that ends without a fill still sets the anchor, to the price it saw.
    if (order.isInitialAllocation && this.ledger.anchor === null) {
      this.setAnchor(
        i,
        order.decisionPrice,
        'initial allocation cancelled: anchor set to the decision price',
      );
    }
  }

  private recordRejection(
    i: number,
    price: number,
    ev: PositionEvaluator,
    reasons: readonly ReasonCode[] = ev.reasons(),
    detail: string = reasons.join(','),
  ): void {
    const rejected = { side: ev.side as Side, qty: ev.qty };
    const at = barLabel(this.bars, i);
    const tradeSeq = this.log.addTrade({
      seq: 0,
      symbol: this.symbol,
      decidedAt: at,
      filledAt: null,
      session: this.bars.session[i] as string,
      side: rejected.side,
      status: 'REJECTED',
      isInitialAllocation: ev.isInitialAllocation,
      requestedQty: rejected.qty,
      qty: 0,
      cancelledQty: 0,
      decisionPrice: price,
      price: null,
      notionalCents: 0,
      commissionCents: 0,
      qtyAfter: this.ledger.qty,
      cashAfterCents: this.ledger.cashCents,
      anchorAfter: this.ledger.anchor,
      reasons: [...reasons],
      note: null,
    });
    this.log.addEvent({
      seq: 0,
      at,
      symbol: this.symbol,
      tradeSeq,
      type: 'OrderRejected',
      qty: rejected.qty,
      price,
      amountCents: null,
      anchorBefore: null,
      anchorAfter: null,
      detail,
    });
  }

  /** SPEC 2.10: an initial allocation that ends without a fill sets the anchor to the price. */
  private setAnchor(i: number, price: number, detail: string): void {
    const change = anchorWithoutInitialFill(price);
    const anchor = change.to;
    const before = this.ledger.anchor;
    this.ledger.anchor = anchor;
    this.updateHoldBand();
    if (this.log.detailed) this.logAnchorChange(i, change.type, price, before, anchor, detail);
  }

  /** An anchor event of bar `i` in a detailed run's log (no trade of its own). */
  private logAnchorChange(
    i: number,
    type: AnchorChange['type'],
    price: number,
    before: number | null,
    after: number,
    detail: string,
  ): void {
    this.log.addEvent({
      seq: 0,
      at: barLabel(this.bars, i),
      symbol: this.symbol,
      tradeSeq: null,
      type,
      qty: null,
      price,
      amountCents: null,
      anchorBefore: before,
      anchorAfter: after,
      detail,
    });
  }

  /** SPEC 4.3 in replay: accrue due ex-dates on the shares held at the previous close, then pay due pay dates. */
  private applyDividends(i: number): void {
    const schedule = this.dividends;
    const l = this.ledger;
    for (let d = schedule.accrueNext(i, l.qty); d !== NO_DIVIDEND; d = schedule.accrueNext(i, l.qty)) {
      const netCents = schedule.netCents[d] as number;
      if (netCents > 0) l.receivableCents = cents(l.receivableCents + netCents);
      if (this.log.detailed && (schedule.grossCents[d] as number) > 0)
        this.log.dividendAccrued(barLabel(this.bars, i), this.symbol, schedule.dividend(d));
      const amount = schedule.amount[d] as number;
      const change = anchorOnExDividend(l.anchor, amount, this.config.execution.adjustAnchorOnDividend);
      if (change !== null) {
        l.anchor = change.to;
        this.updateHoldBand();
        if (this.log.detailed) {
          const { exDate } = schedule.dividend(d);
          this.logAnchorChange(i, change.type, amount, change.from, change.to, `ex-date ${exDate}`);
        }
      }
    }
    schedule.payDue(i, l, this.totals, this.log, this.bars, this.symbol);
  }

  /**
   * The largest quantity below `qty` on the step/lot grid whose booked cost the cash covers, checked
   * with the exact booking: slippage or a next-open price can make a buy dearer than the evaluation sized it.
   */
  private affordableQty(qty: number, price: number): number {
    const cash = this.ledger.cashCents;
    const fits = (q: number): boolean =>
      cash + bookFill('BUY', q, price, this.commission).cashDeltaCents >= 0;
    const policy = this.config.orderPolicy;
    const dollars = cash / 100;
    const k = this.commission.rate;
    const minimum = this.commission.minimumCents / 100;
    const estimate = Math.min(qty, dollars / (price * (1 + k)), (dollars - minimum) / price);
    let q = estimate > 0 ? roundTowardZero(estimate, policy.qtyStep, policy.lotSize) : 0;
    for (let guard = 0; q > 0 && !fits(q) && guard < 8; guard++) {
      q = roundTowardZero(exact(q).minus(exact(this.qtyUnit)).toNumber(), policy.qtyStep, policy.lotSize);
    }
    if (q > 0 && !fits(q)) q = 0;
    // The float estimate can sit a hair below a grid point the cash covers exactly (ADR 0070): step
    // up while the next grid point is still within the order and booked within the cash.
    for (let guard = 0; guard < 4; guard++) {
      const up = exact(q).plus(exact(this.qtyUnit)).toNumber();
      if (up > qty || !fits(up)) break;
      q = up;
    }
    return q;
  }

  /**
   * SPEC 9 on bar `i` before the strategy's rules: a position paused by a stop holds; a stop that fires
   * sells every share through the same order path as the rules' orders (fill at this close or the next
   * open), with the stop as its reason, and pauses the position. True when the bar is done.
   */
  private riskStep(i: number, price: number, risk: SimulatedRisk): boolean {
    const timeline = this.timeline;
    if (risk.paused) {
      if (timeline !== null)
        timeline.record(
          i,
          ACTION_HOLD,
          0,
          this.ledger.anchor ?? NaN,
          timeline.reasonSetOf([risk.exitReason ?? 'position_stop']),
        );
      return true;
    }
    const stop = risk.onClose(this.ledger.qty, price);
    if (stop === null || this.pending !== null) return false;
    risk.paused = true;
    risk.exitReason = stop.reason;
    const reasons: readonly ReasonCode[] = [stop.reason];
    if (timeline !== null)
      timeline.record(i, ACTION_SELL, stop.qty, this.ledger.anchor ?? NaN, timeline.reasonSetOf(reasons));
    this.activityOn(i).ordersToday++;
    const order: PendingOrder = {
      side: 'SELL',
      qty: stop.qty,
      decidedAt: i,
      decisionPrice: price,
      decisionDay: this.activityDay,
      isInitialAllocation: false,
      reasons,
      riskExit: true,
    };
    if (this.execution.fill === 'close') this.fill(order, i, false);
    else this.pending = order;
    return true;
  }

  /**
   * The order validator (SPEC 9) on the order the rules just decided on bar `i`: a failed check is a
   * REJECTED order with the check's code among its reasons, as in the live loop. True when rejected.
   */
  private validatorRejects(i: number, price: number, anchorSeen: number, risk: SimulatedRisk): boolean {
    const ev = this.evaluator;
    const side = ev.side as Side;
    const commissionCents = bookFill(side, ev.qty, price, this.commission).commissionCents;
    const code = risk.check(side, ev.qty, price, commissionCents, this.ledger);
    if (code === null) return false;
    const reasons: ReasonCode[] = [...ev.reasons(), code];
    this.totals.rejected++;
    const timeline = this.timeline;
    if (timeline !== null)
      timeline.record(i, ACTION_REJECTED, ev.qty, anchorSeen, timeline.reasonSetOf(reasons));
    if (this.log.detailed) this.recordRejection(i, price, ev, reasons);
    // SPEC 2.10: an initial allocation that ends without a fill sets the anchor to the price.
    if (ev.isInitialAllocation)
      this.setAnchor(i, price, 'initial allocation rejected by the risk limits: anchor set to the price');
    return true;
  }

  /**
   * The optional day-trade limit on the buy the rules decided on bar `i` (SPEC 8, the live loop's rule):
   * 'block' records a REJECTED order with the reason `day_trade_limit` (and an initial allocation's
   * anchor), 'warn' lets it through with the reason `day_trade_warning`.
   */
  private dayTradeCheck(i: number, price: number, anchorSeen: number): 'ok' | 'warn' | 'block' {
    const { limit, counter } = this.dayTrades as { limit: DayTradeLimit; counter: DayTradeCounter };
    const sessions = dayTradeSessions(this.bars.session[i] as string);
    const check = counter.checkBuy(sessions, this.symbol, this.equityCents(), limit);
    if (check.verdict !== 'block') return check.verdict;
    const ev = this.evaluator;
    const reasons: ReasonCode[] = [...ev.reasons(), 'day_trade_limit'];
    this.totals.rejected++;
    const timeline = this.timeline;
    if (timeline !== null)
      timeline.record(i, ACTION_REJECTED, ev.qty, anchorSeen, timeline.reasonSetOf(reasons));
    if (this.log.detailed) this.recordRejection(i, price, ev, reasons, dayTradeWords(check, limit));
    if (ev.isInitialAllocation)
      this.setAnchor(i, price, 'initial allocation blocked by the day-trade limit: anchor set to the price');
    return 'block';
  }

  /** Bar `i` held by the portfolio's rules (SPEC 9): a HOLD with the rule as its reason. */
  private haltedHold(i: number, reason: 'trading_halted' | 'daily_loss_stop'): void {
    const timeline = this.timeline;
    if (timeline !== null)
      timeline.record(i, ACTION_HOLD, 0, this.ledger.anchor ?? NaN, timeline.reasonSetOf([reason]));
  }

  /** The hold band of the current anchor (none, NaN, while it is unset or without the prefilter). */
  private updateHoldBand(): void {
    const anchor = this.ledger.anchor ?? NaN;
    this.holdAbove = anchor * this.holdAboveFactor;
    this.holdBelow = anchor * this.holdBelowFactor;
  }
}
