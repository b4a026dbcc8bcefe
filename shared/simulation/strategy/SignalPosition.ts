import type { CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import type { Side } from '../../domain/DomainEvent';
import type { FillBooking } from '../../domain/FillBooking';
import { applyFillInPlace, bookFill, bookFillInto } from '../../domain/FillBooking';
import { AtrStream } from '../../domain/indicators/TrueRange';
import { cents } from '../../domain/Money';
import { productCents } from '../../domain/Money';
import type { PositionLedger } from '../../domain/Position';
import type { BarPrices, MatchingModel, QtyGrid } from '../../domain/orders/MatchingRules';
import { matchOnBar, slipped, baseFillPrice } from '../../domain/orders/MatchingRules';
import type {
  OrderTransition,
  OrderType,
  TimeInForce,
  WorkingOrder,
} from '../../domain/orders/OrderLifecycle';
import {
  acknowledge,
  acknowledgeOrder,
  advanceOrder,
  cancel,
  fill,
  fillOrder,
  newOrder,
  reject,
  remaining,
} from '../../domain/orders/OrderLifecycle';
import type { ReasonCode } from '../../domain/ReasonCode';
import type { ValidatorCode } from '../../domain/risk';
import type { BarSeries } from '../../ports/HistoricalBars';
import type { DividendCalendar } from '../DividendSchedule';
import { DividendSchedule, NO_DIVIDEND } from '../DividendSchedule';
import type { RunLog } from '../RunLog';
import type { ReplayTotals } from '../SimulatedPosition';
import type { FillNote } from '../SimulationResult';
import type { PositionSpec, UnpaidDividend } from '../SimulationSpec';
import { openingLedger } from '../SimulationSpec';
import type { PositionReplay } from '../runSimulation';
import { noTotals } from '../runSimulation';
import { SimulatedRisk } from '../SimulatedRisk';
import {
  ACTION_BUY,
  ACTION_HOLD,
  ACTION_REJECTED,
  ACTION_SELL,
  barLabel,
  TimelineRecorder,
} from '../TimelineRecorder';
import type { SimGate } from '../SimulatedPortfolioRisk';
import { GATE_ALL, GATE_NONE, GATE_SELLS } from '../SimulatedPortfolioRisk';
import type { ClosedLotPart } from '../../domain/accounting/Lot';
import { PositionBook } from '../../domain/accounting/PositionBook';
import { roundTripOf, type RoundTrip } from '../../domain/accounting/RoundTrips';
import type { Signal } from './Strategy';
import type { SizerChoice, SizingContext } from './Sizers';
import { rawQty, reduceToCash } from './Sizers';

/** An order transition as a fact of the run (SPEC 10: each transition an event). */
export interface OrderEvent extends OrderTransition {
  seq: number;
  /** Bar label of the transition. */
  at: string;
}

/** What the positions of one signal-strategy run share: order ids, the order events, the round trips. */
export interface SignalRunShared {
  nextOrderId: number;
  orderEvents: OrderEvent[] | null;
  roundTrips: RoundTrip[];
  sizer: SizerChoice;
  matching: MatchingModel;
  /** Each fill in order, for a run that keeps no trade rows (the compare's markers); null: not kept. */
  fills: FillMark[] | null;
}

/** A fill as the compare marks it on the price chart. */
export interface FillMark {
  symbol: string;
  at: string;
  side: Side;
  qty: number;
  price: number;
}

interface OrderMeta {
  order: WorkingOrder;
  decidedAt: number;
  decisionPrice: number;
  /** First bar the order may fill on (the signal bar, or the next for `next_open`). */
  firstBar: number;
  /** Session ordinal of its first bar: a DAY order is cancelled when that session ends. */
  firstSession: number;
  /** The price and cash its quantity was sized at (a buy sized at its fill price is known affordable). */
  sizedPrice: number;
  sizedCashCents: number;
  /** Why it was placed or rejected beyond the strategy's signal: a stop's exit, a validator's code. */
  reasons: readonly ReasonCode[];
}

const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);

/**
 * One position of a signal strategy replayed bar by bar (SPEC 10), in the engine of ADR 0010 beside
 * volatility balancing's `SimulatedPosition`: the same dividends (SPEC 5), the same booking (SPEC 2.8),
 * the same result columns. Per bar: `open` applies due dividends and matches the orders already working
 * (sells before buys); the run hands it the strategy's signals (`signal`, sells before buys), matched at
 * once under the close and vwap fill models; `close` ends DAY orders at the session's end.
 */
export class SignalPosition implements PositionReplay {
  readonly symbol: string;
  private readonly ledger: PositionLedger;
  private readonly dividends: DividendSchedule;
  private nextDividendBar: number;
  private readonly timeline: TimelineRecorder | null;
  private readonly working: OrderMeta[] = [];
  private readonly atr: AtrStream | null;
  private readonly grid: QtyGrid;
  /** SPEC 8's lots of the position (FIFO): each closed lot part is a round trip, as in accounting. */
  private readonly book: PositionBook;
  private readonly booking: FillBooking = {
    notionalCents: cents(0),
    commissionCents: cents(0),
    cashDeltaCents: cents(0),
  };
  private readonly bar: BarPrices = { open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN };
  /** SPEC 9's portfolio rules at this step (set by the run): everything, sells only, or nothing. */
  gate: SimGate = GATE_ALL;
  /** SPEC 9's stops and order validator for this position; null when the config sets none. */
  private readonly risk: SimulatedRisk | null;
  /** Exits a stop has placed (at most one: the position is paused after it). */
  riskExits = 0;
  /** What the sizer reads, reused from one signal to the next. */
  private readonly sizing: SizingContext;
  /** The bar whose prices `bar` holds (−1: none yet). */
  private barAt = -1;
  /** The last bar's close; a number from the start (not undefined), so V8 stores it as a double. */
  lastClose = NaN;
  barsStepped = 0;
  readonly totals: ReplayTotals = noTotals();

  constructor(
    spec: PositionSpec,
    private readonly bars: BarSeries,
    dividends: DividendCalendar,
    config: StrategyConfig,
    private readonly commission: CommissionSnapshot,
    private readonly log: RunLog,
    private readonly sessionOrdinal: Int32Array,
    private readonly shared: SignalRunShared,
  ) {
    this.symbol = spec.symbol;
    this.ledger = openingLedger(spec, null);
    this.dividends = new DividendSchedule(dividends, config.execution.dividendWithholdingPct);
    this.nextDividendBar = this.dividends.nextDueBar();
    this.timeline = log.detailed ? new TimelineRecorder(bars) : null;
    this.atr = shared.sizer.id === 'volatility' ? new AtrStream(14) : null;
    this.grid = { qtyStep: config.orderPolicy.qtyStep, lotSize: config.orderPolicy.lotSize };
    this.book = new PositionBook(spec.symbol, spec.symbol, 'FIFO');
    this.book.apply({
      kind: 'opened',
      id: `open-${spec.symbol}`,
      positionId: spec.symbol,
      symbol: spec.symbol,
      date: bars.session[0] as string,
      cashCents: spec.initialCashCents,
      qty: spec.initialQty,
      price: bars.close[0] as number,
    });
    this.risk = SimulatedRisk.of(config, spec.initialQty, bars.close[0] as number);
    this.sizing = {
      equityCents: 0,
      cashCents: 0,
      price: NaN,
      atr: NaN,
      stopPrice: null,
      roundTrips: shared.roundTrips,
    };
    this.lastClose = bars.close[0] as number;
  }

  get state(): Readonly<PositionLedger> {
    return this.ledger;
  }

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

  /**
   * Bar `i` opens: dividends due, then the orders already working (sells first). The bar's prices are
   * read into `bar` only when an order needs them (`loadBar`): a bar without orders reads its close.
   */
  open(i: number): void {
    if (i >= this.nextDividendBar) {
      this.applyDividends(i);
      this.nextDividendBar = this.dividends.nextDueBar();
    }
    const bars = this.bars;
    this.lastClose = bars.close[i] as number;
    this.barsStepped++;
    if (this.atr !== null) this.atr.push(bars.high[i] as number, bars.low[i] as number, this.lastClose);
    if (this.working.length > 0) {
      this.loadBar(i);
      this.matchWorking(i, 'SELL');
      this.matchWorking(i, 'BUY');
    }
    // The circuit breaker halted the run (docs/adr/0131): orders already working fill, no stop fires.
    if (this.risk !== null && this.gate !== GATE_NONE) this.riskStep(i, this.risk);
  }

  private loadBar(i: number): void {
    if (this.barAt === i) return;
    const b = this.bar;
    const bars = this.bars;
    b.open = bars.open[i] as number;
    b.high = bars.high[i] as number;
    b.low = bars.low[i] as number;
    b.close = bars.close[i] as number;
    b.volume = bars.volume[i] as number;
    this.barAt = i;
  }

  /** Whether a signal of this side would act now: a buy only when flat, a sell only when long; one entry at a time. */
  acts(side: Side): boolean {
    for (const m of this.working) if (m.order.side === side) return false;
    return side === 'BUY' ? this.ledger.qty === 0 : this.ledger.qty > 0;
  }

  /**
   * A signal at bar `i` (the run calls sells before buys). A signal that does not act is dropped, and so
   * is every signal of a position a stop has exited (it trades no more in the run, as volatility
   * balancing's, docs/adr/0115). With SPEC 9's validator set, the sized order is checked first: a failed
   * check is a REJECTED order with the check's code.
   */
  signal(s: Signal, i: number, equityCents: number): void {
    if (s.action === 'HOLD') return;
    const side: Side = s.action;
    if (!this.acts(side)) return;
    const risk = this.risk;
    if (risk !== null && risk.paused) return;
    // SPEC 9's portfolio rules: halted, no order; after the daily loss stop, no new buy this session.
    if (this.gate === GATE_NONE || (side === 'BUY' && this.gate === GATE_SELLS)) {
      if (this.timeline !== null)
        this.timeline.record(
          i,
          ACTION_HOLD,
          0,
          NaN,
          this.timeline.reasonSetOf([this.gate === GATE_NONE ? 'trading_halted' : 'daily_loss_stop']),
        );
      return;
    }
    const model = this.shared.matching;
    this.loadBar(i);
    const b = this.bar;
    const fillKnown = model.fill !== 'next_open';
    const sizePrice = fillKnown ? slipped(baseFillPrice(b, model.fill), side, model.slippageBps) : b.close;
    let qty: number;
    if (side === 'SELL') qty = this.ledger.qty;
    else {
      const ctx = this.sizing;
      ctx.equityCents = equityCents;
      ctx.cashCents = this.ledger.cashCents;
      ctx.price = sizePrice;
      ctx.atr = this.atr?.value ?? NaN;
      ctx.stopPrice = s.stopPrice ?? null;
      const raw = rawQty(this.shared.sizer, ctx);
      qty = reduceToCash(
        raw,
        sizePrice,
        this.ledger.cashCents,
        this.commission,
        this.grid.qtyStep,
        this.grid.lotSize,
      );
    }
    const code =
      risk !== null && qty > 0
        ? risk.check(
            side,
            qty,
            sizePrice,
            bookFill(side, qty, sizePrice, this.commission).commissionCents,
            this.ledger,
          )
        : null;
    this.place(
      i,
      side,
      qty,
      s.orderType ?? 'MARKET',
      s.timeInForce ?? 'DAY',
      s.limitPrice ?? null,
      s.stopPrice ?? null,
      side === 'BUY' ? sizePrice : NaN,
      code === null ? NO_REASONS : [code],
      code,
    );
  }

  /**
   * An order decided at bar `i` enters the lifecycle: NEW, then ACKED (or REJECTED: by the order's own
   * problem, or by the validator's `rejectedBy`), then matched at once when its fill is known at the signal.
   */
  private place(
    i: number,
    side: Side,
    qty: number,
    type: OrderType,
    timeInForce: TimeInForce,
    limitPrice: number | null,
    stopPrice: number | null,
    sizedPrice: number,
    reasons: readonly ReasonCode[],
    rejectedBy: ValidatorCode | null,
  ): void {
    const fillKnown = this.shared.matching.fill !== 'next_open';
    if (this.timeline !== null)
      this.timeline.record(
        i,
        rejectedBy !== null ? ACTION_REJECTED : side === 'BUY' ? ACTION_BUY : ACTION_SELL,
        qty,
        NaN,
        this.timeline.reasonSetOf(reasons),
      );
    const order = newOrder(
      this.shared.nextOrderId++,
      this.symbol,
      side,
      qty,
      type,
      timeInForce,
      limitPrice,
      stopPrice,
    );
    const firstBar = fillKnown ? i : i + 1;
    const meta: OrderMeta = {
      order,
      decidedAt: i,
      decisionPrice: this.bar.close,
      firstBar,
      firstSession: firstBar < this.bars.close.length ? (this.sessionOrdinal[firstBar] as number) : Infinity,
      sizedPrice,
      sizedCashCents: this.ledger.cashCents,
      reasons,
    };
    // A run that records neither order events nor a log (a lab run) changes the order's state only.
    let why = '';
    if (this.shared.orderEvents === null && !this.log.detailed) {
      if (rejectedBy === null) acknowledgeOrder(order);
      else advanceOrder(order, 'REJECTED');
    } else {
      const acked = rejectedBy === null ? acknowledge(order) : reject(order, rejectedBy);
      this.record(i, order, acked);
      why = acked.detail;
    }
    if (order.state === 'REJECTED') {
      this.totals.rejected++;
      if (this.log.detailed) this.logNoFill(meta, i, 'REJECTED', 0, null, why);
      return;
    }
    this.working.push(meta);
    if (fillKnown) this.matchOne(meta, i);
  }

  /**
   * SPEC 9's stops at bar `i`'s close, before the strategy's signals (as volatility balancing's risk
   * step): a stop that fires with no order working sells every share through the same order path, with
   * the stop as its reason, and pauses the position for the rest of the run.
   */
  private riskStep(i: number, risk: SimulatedRisk): void {
    if (risk.paused) return;
    const stop = risk.onClose(this.ledger.qty, this.lastClose);
    if (stop === null || this.working.length > 0) return;
    risk.paused = true;
    risk.exitReason = stop.reason;
    this.riskExits++;
    this.loadBar(i);
    this.place(i, 'SELL', stop.qty, 'MARKET', 'DAY', null, null, NaN, [stop.reason], null);
  }

  /** Bar `i` ends its session: the DAY orders whose session it was are cancelled. */
  sessionEnd(i: number): void {
    if (this.working.length === 0) return;
    const session = this.sessionOrdinal[i] as number;
    for (const m of this.working.slice())
      if (m.order.timeInForce === 'DAY' && m.firstSession <= session) this.cancelRest(m, i, 'day_end');
  }

  /** After the last bar: orders still working have no bar left. */
  finish(): void {
    const last = this.bars.close.length - 1;
    for (const m of this.working.slice()) this.cancelRest(m, last, 'end_of_data');
  }

  private matchWorking(i: number, side: Side): void {
    for (const m of this.working.slice()) if (m.order.side === side && m.firstBar <= i) this.matchOne(m, i);
  }

  /** The matching engine on one order at bar `i`, with its time in force. */
  private matchOne(m: OrderMeta, i: number): void {
    const order = m.order;
    const first = i === m.firstBar;
    const match = matchOnBar(order, this.bar, this.shared.matching, this.grid);
    if (match.triggeredNow) order.triggered = true;
    let qty = match.qty;
    const price = match.price;
    let note: FillNote | null = match.capped ? 'volume_cap' : null;
    if (qty > 0 && order.side === 'SELL') qty = Math.min(qty, this.ledger.qty);
    // The whole order at the price and cash it was sized at is affordable (`reduceToCash` gave it): no
    // second check.
    const sizedFits =
      qty === order.qty && price === m.sizedPrice && this.ledger.cashCents === m.sizedCashCents;
    if (qty > 0 && order.side === 'BUY' && !sizedFits) {
      const affordable = reduceToCash(
        qty,
        price,
        this.ledger.cashCents,
        this.commission,
        this.grid.qtyStep,
        this.grid.lotSize,
      );
      if (affordable < qty) {
        qty = affordable;
        note = 'insufficient_cash';
      }
    }
    const tif = order.timeInForce;
    if (tif === 'FOK' && first && qty < remaining(order)) {
      this.cancelRest(m, i, 'fok_unfilled');
      return;
    }
    if (qty > 0) this.fillAt(m, i, qty, price, note);
    if (order.state === 'FILLED') {
      this.drop(m);
      return;
    }
    if (note === 'insufficient_cash' || (order.side === 'SELL' && this.ledger.qty === 0)) {
      this.cancelRest(m, i, note ?? 'insufficient_cash');
      return;
    }
    if (tif === 'IOC' && first) this.cancelRest(m, i, 'ioc_rest');
  }

  private fillAt(m: OrderMeta, i: number, qty: number, price: number, note: FillNote | null): void {
    const order = m.order;
    const side = order.side;
    const booking = bookFillInto(this.booking, side, qty, price, this.commission);
    applyFillInPlace(this.ledger, side, qty, price, booking);
    this.ledger.anchor = null;
    if (this.risk !== null) this.risk.onFill(side, qty, booking.notionalCents, booking.commissionCents);
    const t = this.totals;
    t.trades++;
    if (side === 'BUY') t.buys++;
    else t.sells++;
    t.notionalCents += booking.notionalCents;
    t.commissionsCents += booking.commissionCents;
    if (this.shared.orderEvents === null) fillOrder(order, qty);
    else this.record(i, order, fill(order, qty, price, note ?? ''));
    const closedBefore = this.book.closed.length;
    this.book.apply({
      kind: 'fill',
      id: `fill-${this.totals.trades}`,
      positionId: this.symbol,
      symbol: this.symbol,
      date: this.bars.session[i] as string,
      side,
      qty,
      price,
      notionalCents: booking.notionalCents,
      commissionCents: booking.commissionCents,
    });
    for (let k = closedBefore; k < this.book.closed.length; k++)
      this.shared.roundTrips.push(roundTripOf(this.book.closed[k] as ClosedLotPart));
    const fills = this.shared.fills;
    if (fills === null && !this.log.detailed) return;
    const at = barLabel(this.bars, i);
    if (fills !== null) fills.push({ symbol: this.symbol, at, side, qty, price });
    if (!this.log.detailed) return;
    const tradeSeq = this.addTradeRow(m, i, at, 'FILLED', qty, 0, price, booking, note);
    this.addOrderEvent(at, tradeSeq, 'OrderFilled', qty, price, booking.cashDeltaCents, '');
  }

  private cancelRest(m: OrderMeta, i: number, note: FillNote): void {
    const order = m.order;
    const rest = remaining(order);
    if (this.shared.orderEvents === null) advanceOrder(order, 'CANCELLED');
    else this.record(i, order, cancel(order, note));
    this.drop(m);
    this.totals.cancelled++;
    if (!this.log.detailed) return;
    if (order.filledQty === 0) {
      this.logNoFill(m, i, 'CANCELLED', rest, note);
      return;
    }
    this.addOrderEvent(barLabel(this.bars, i), null, 'OrderCancelled', rest, null, null, note);
  }

  /** The trade row and event of an order that ends without a fill: rejected (with why), or cancelled. */
  private logNoFill(
    m: OrderMeta,
    i: number,
    status: 'REJECTED' | 'CANCELLED',
    rest: number,
    note: FillNote | null,
    why = '',
  ): void {
    const at = barLabel(this.bars, i);
    const tradeSeq = this.addTradeRow(m, i, at, status, 0, rest, null, null, note);
    if (status === 'REJECTED')
      this.addOrderEvent(at, tradeSeq, 'OrderRejected', m.order.qty, m.decisionPrice, null, note ?? why);
    else this.addOrderEvent(at, tradeSeq, 'OrderCancelled', rest, null, null, note ?? why);
  }

  /** An order's trade row (SPEC 5's trades) at bar `i`, numbered by the log: a fill, or no fill. */
  private addTradeRow(
    m: OrderMeta,
    i: number,
    at: string,
    status: 'FILLED' | 'REJECTED' | 'CANCELLED',
    qty: number,
    cancelledQty: number,
    price: number | null,
    booking: FillBooking | null,
    note: FillNote | null,
  ): number {
    return this.log.addTrade({
      seq: 0,
      symbol: this.symbol,
      decidedAt: barLabel(this.bars, m.decidedAt),
      filledAt: status === 'FILLED' ? at : null,
      session: this.bars.session[i] as string,
      side: m.order.side,
      status,
      isInitialAllocation: false,
      requestedQty: m.order.qty,
      qty,
      cancelledQty,
      decisionPrice: m.decisionPrice,
      price,
      notionalCents: booking === null ? 0 : booking.notionalCents,
      commissionCents: booking === null ? 0 : booking.commissionCents,
      qtyAfter: this.ledger.qty,
      cashAfterCents: this.ledger.cashCents,
      anchorAfter: null,
      reasons: [...m.reasons],
      note,
    });
  }

  private addOrderEvent(
    at: string,
    tradeSeq: number | null,
    type: 'OrderFilled' | 'OrderRejected' | 'OrderCancelled',
    qty: number,
    price: number | null,
    amountCents: number | null,
    detail: string,
  ): void {
    this.log.addEvent({
      seq: 0,
      at,
      symbol: this.symbol,
      tradeSeq,
      type,
      qty,
      price,
      amountCents,
      anchorBefore: null,
      anchorAfter: null,
      detail,
    });
  }

  private drop(m: OrderMeta): void {
    const w = this.working;
    // Usually the only order working: no search, no splice.
    if (w.length === 1 && w[0] === m) {
      w.pop();
      return;
    }
    const k = w.indexOf(m);
    if (k >= 0) w.splice(k, 1);
  }

  /** The NEW event the first transition implies, then the transition itself (type and time in force never change). */
  private record(i: number, order: WorkingOrder, t: OrderTransition): void {
    const events = this.shared.orderEvents;
    if (events === null) return;
    const at = barLabel(this.bars, i);
    if (t.from === 'NEW') {
      events.push({
        seq: events.length + 1,
        at,
        orderId: t.orderId,
        symbol: t.symbol,
        side: t.side,
        from: 'NEW',
        to: 'NEW',
        qty: 0,
        price: null,
        filledQty: 0,
        orderQty: t.orderQty,
        detail: `${order.type} ${order.timeInForce}`,
      });
    }
    events.push({ seq: events.length + 1, at, ...t });
  }

  /** SPEC 5: accrue due ex-dates on the shares held at the previous close, then pay due pay dates. */
  private applyDividends(i: number): void {
    const schedule = this.dividends;
    const l = this.ledger;
    for (let d = schedule.accrueNext(i, l.qty); d !== NO_DIVIDEND; d = schedule.accrueNext(i, l.qty)) {
      const netCents = schedule.netCents[d] as number;
      if (netCents > 0) l.receivableCents = cents(l.receivableCents + netCents);
      if (this.log.detailed && (schedule.grossCents[d] as number) > 0)
        this.log.dividendAccrued(barLabel(this.bars, i), this.symbol, schedule.dividend(d));
    }
    schedule.payDue(i, l, this.totals, this.log, this.bars, this.symbol);
  }
}
