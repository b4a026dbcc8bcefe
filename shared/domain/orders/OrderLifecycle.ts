import type { Side } from '../DomainEvent';

/**
 * SPEC 10's orders: a type, a time in force and a lifecycle NEW → ACKED → PARTIALLY_FILLED → FILLED,
 * or REJECTED / CANCELLED. Every transition is returned as a fact for the run's event list; a fill after
 * a terminal state, or beyond the order's quantity, throws (it is a bug of the caller, never data).
 */
export const ORDER_TYPES = ['MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const TIMES_IN_FORCE = ['DAY', 'GTC', 'IOC', 'FOK'] as const;
export type TimeInForce = (typeof TIMES_IN_FORCE)[number];
export const ORDER_STATES = ['NEW', 'ACKED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

const NEXT: Record<OrderState, readonly OrderState[]> = {
  NEW: ['ACKED', 'REJECTED'],
  ACKED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELLED'],
  PARTIALLY_FILLED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELLED'],
  FILLED: [],
  REJECTED: [],
  CANCELLED: [],
};

export function isTerminal(state: OrderState): boolean {
  return (NEXT_BITS[stateIndex(state)] as number) === 0;
}

/**
 * A state's place in ORDER_STATES, by a switch: a keyed read of a record by a state name was a
 * generic property lookup on every transition of every order.
 */
function stateIndex(state: OrderState): number {
  switch (state) {
    case 'NEW':
      return 0;
    case 'ACKED':
      return 1;
    case 'PARTIALLY_FILLED':
      return 2;
    case 'FILLED':
      return 3;
    case 'REJECTED':
      return 4;
    case 'CANCELLED':
      return 5;
  }
}

/** NEXT as one bit per allowed target (bit k: ORDER_STATES[k]), per state in ORDER_STATES' order. */
const NEXT_BITS: readonly number[] = ORDER_STATES.map((from) =>
  NEXT[from].reduce((bits, to) => bits | (1 << stateIndex(to)), 0),
);

export function canTransition(from: OrderState, to: OrderState): boolean {
  return ((NEXT_BITS[stateIndex(from)] as number) & (1 << stateIndex(to))) !== 0;
}

export interface WorkingOrder {
  id: number;
  symbol: string;
  side: Side;
  type: OrderType;
  timeInForce: TimeInForce;
  qty: number;
  limitPrice: number | null;
  stopPrice: number | null;
  state: OrderState;
  filledQty: number;
  /** A stop (or stop-limit) whose stop a bar has touched: from then on a market (limit) order. */
  triggered: boolean;
}

export interface OrderTransition {
  orderId: number;
  symbol: string;
  side: Side;
  from: OrderState;
  to: OrderState;
  /** Shares filled by this transition (0 unless it is a fill). */
  qty: number;
  /** The fill's price (null unless it is a fill). */
  price: number | null;
  filledQty: number;
  orderQty: number;
  /** Why, in a word: `volume_cap`, `fok_unfilled`, `ioc_rest`, `day_end`, `end_of_data`, a rejection reason. */
  detail: string;
}

export function newOrder(
  id: number,
  symbol: string,
  side: Side,
  qty: number,
  type: OrderType = 'MARKET',
  timeInForce: TimeInForce = 'DAY',
  limitPrice: number | null = null,
  stopPrice: number | null = null,
): WorkingOrder {
  return {
    id,
    symbol,
    side,
    type,
    timeInForce,
    qty,
    limitPrice,
    stopPrice,
    state: 'NEW',
    filledQty: 0,
    triggered: false,
  };
}

function move(
  order: WorkingOrder,
  to: OrderState,
  qty: number,
  price: number | null,
  detail: string,
): OrderTransition {
  const from = order.state;
  advanceOrder(order, to);
  return transitionOf(order, from, qty, price, detail);
}

/**
 * The lifecycle's checked state change alone, without its transition record: for a run that records no
 * order events (a lab run), which would build and drop one object per state change.
 */
export function advanceOrder(order: WorkingOrder, to: OrderState): void {
  if (!canTransition(order.state, to)) {
    throw new Error(`order ${order.id}: ${order.state} cannot become ${to}`);
  }
  order.state = to;
}

function transitionOf(
  order: WorkingOrder,
  from: OrderState,
  qty: number,
  price: number | null,
  detail: string,
): OrderTransition {
  return {
    orderId: order.id,
    symbol: order.symbol,
    side: order.side,
    from,
    to: order.state,
    qty,
    price,
    filledQty: order.filledQty,
    orderQty: order.qty,
    detail,
  };
}

/** NEW → ACKED, or NEW → REJECTED with its reason (a quantity or price that cannot be an order). */
export function acknowledge(order: WorkingOrder): OrderTransition {
  const problem = orderProblem(order);
  return problem === null ? move(order, 'ACKED', 0, null, '') : move(order, 'REJECTED', 0, null, problem);
}

/** `acknowledge`'s state change without its transition: the order's problem (REJECTED), or null (ACKED). */
export function acknowledgeOrder(order: WorkingOrder): string | null {
  const problem = orderProblem(order);
  advanceOrder(order, problem === null ? 'ACKED' : 'REJECTED');
  return problem;
}

export function orderProblem(order: WorkingOrder): string | null {
  if (!(order.qty > 0 && Number.isFinite(order.qty))) return 'quantity_not_positive';
  const needsLimit = order.type === 'LIMIT' || order.type === 'STOP_LIMIT';
  const needsStop = order.type === 'STOP' || order.type === 'STOP_LIMIT';
  if (needsLimit !== (order.limitPrice !== null))
    return needsLimit ? 'limit_price_missing' : 'limit_price_unexpected';
  if (needsStop !== (order.stopPrice !== null))
    return needsStop ? 'stop_price_missing' : 'stop_price_unexpected';
  if (!isPositivePrice(order.limitPrice) || !isPositivePrice(order.stopPrice)) return 'price_not_positive';
  return null;
}

/** NEW → REJECTED for a reason outside the order itself (the order validator of SPEC 9, with its code). */
export function reject(order: WorkingOrder, detail: string): OrderTransition {
  return move(order, 'REJECTED', 0, null, detail);
}

/** A fill of `qty` at `price`: PARTIALLY_FILLED, or FILLED once the whole order has filled. */
export function fill(order: WorkingOrder, qty: number, price: number, detail = ''): OrderTransition {
  const from = order.state;
  fillOrder(order, qty);
  return transitionOf(order, from, qty, price, detail);
}

/** `fill`'s checks and state change without its transition (a run that records no order events). */
export function fillOrder(order: WorkingOrder, qty: number): void {
  if (isTerminal(order.state)) throw new Error(`order ${order.id}: no fill after ${order.state}`);
  if (!(qty > 0)) throw new Error(`order ${order.id}: a fill of ${qty} shares`);
  const filled = order.filledQty + qty;
  if (filled > order.qty + 1e-9 * order.qty)
    throw new Error(`order ${order.id}: ${filled} filled of ${order.qty}`);
  order.filledQty = Math.abs(filled - order.qty) <= 1e-9 * order.qty ? order.qty : filled;
  advanceOrder(order, order.filledQty === order.qty ? 'FILLED' : 'PARTIALLY_FILLED');
}

/** ACKED or PARTIALLY_FILLED → CANCELLED: the rest of the order will not fill. */
export function cancel(order: WorkingOrder, detail: string): OrderTransition {
  return move(order, 'CANCELLED', 0, null, detail);
}

export function remaining(order: WorkingOrder): number {
  return order.qty - order.filledQty;
}

/** A price an order may carry: none, or positive and finite. */
function isPositivePrice(p: number | null): boolean {
  return p === null || (p > 0 && Number.isFinite(p));
}
