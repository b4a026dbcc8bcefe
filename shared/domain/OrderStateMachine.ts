/**
 * The order lifecycle of SPEC 4.2 as an explicit transition table (STYLE habit 6):
 * NEW → SUBMITTED → (PARTIALLY_FILLED) → FILLED, or REJECTED / CANCELLED. Any other move is a bug
 * and throws. The same names as the order repository's statuses (a test keeps them equal).
 */
export type OrderState = 'NEW' | 'SUBMITTED' | 'PARTIALLY_FILLED' | 'FILLED' | 'REJECTED' | 'CANCELLED';

const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = {
  // A REJECTED order may be born rejected (action_below_min = reject); NEW → REJECTED is the broker's no.
  NEW: ['SUBMITTED', 'REJECTED', 'CANCELLED'],
  SUBMITTED: ['PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED'],
  PARTIALLY_FILLED: ['PARTIALLY_FILLED', 'FILLED', 'CANCELLED'],
  FILLED: [],
  REJECTED: [],
  CANCELLED: [],
};

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly machine: 'order' | 'intent',
    readonly from: string,
    readonly to: string,
  ) {
    super(`illegal ${machine} transition ${from} → ${to}`);
  }
}

export const OrderStateMachine = {
  canTransition(from: OrderState, to: OrderState): boolean {
    return ORDER_TRANSITIONS[from].includes(to);
  },
  /** Returns `to`, or throws {@link IllegalTransitionError}. */
  transition(from: OrderState, to: OrderState): OrderState {
    if (!ORDER_TRANSITIONS[from].includes(to)) throw new IllegalTransitionError('order', from, to);
    return to;
  },
  /** An order that may still fill (it blocks a new order of its position). */
  isOpen(state: OrderState): boolean {
    return ORDER_TRANSITIONS[state].length > 0;
  },
  isTerminal(state: OrderState): boolean {
    return ORDER_TRANSITIONS[state].length === 0;
  },
  /** Every legal (from, to) pair, for tests and docs. */
  transitions(): readonly (readonly [OrderState, OrderState])[] {
    return (Object.keys(ORDER_TRANSITIONS) as OrderState[]).flatMap((from) =>
      ORDER_TRANSITIONS[from].map((to) => [from, to] as const),
    );
  },
};
