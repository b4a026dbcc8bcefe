import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '../ports/OrderRepository';
import { IllegalTransitionError, OrderStateMachine, type OrderState } from './OrderStateMachine';

const ALL: readonly OrderState[] = [
  'NEW',
  'SUBMITTED',
  'PARTIALLY_FILLED',
  'FILLED',
  'REJECTED',
  'CANCELLED',
];

describe('OrderStateMachine', () => {
  it('names the same states as the order repository', () => {
    expect([...ALL].sort()).toEqual([...ORDER_STATUSES].sort());
    const fromPort: OrderState = 'NEW' as OrderStatus;
    const toPort: OrderStatus = 'NEW' as OrderState;
    expect(fromPort).toBe(toPort);
  });

  it.each([
    ['NEW', 'SUBMITTED'],
    ['NEW', 'REJECTED'],
    ['NEW', 'CANCELLED'],
    ['SUBMITTED', 'FILLED'],
    ['SUBMITTED', 'PARTIALLY_FILLED'],
    ['SUBMITTED', 'REJECTED'],
    ['SUBMITTED', 'CANCELLED'],
    ['PARTIALLY_FILLED', 'PARTIALLY_FILLED'],
    ['PARTIALLY_FILLED', 'FILLED'],
    ['PARTIALLY_FILLED', 'CANCELLED'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(OrderStateMachine.transition(from, to)).toBe(to);
  });

  it('refuses every other move with an IllegalTransitionError', () => {
    const legal = new Set(OrderStateMachine.transitions().map(([f, t]) => `${f}>${t}`));
    expect(legal.size).toBe(10);
    for (const from of ALL) {
      for (const to of ALL) {
        if (legal.has(`${from}>${to}`)) continue;
        expect(OrderStateMachine.canTransition(from, to)).toBe(false);
        expect(() => OrderStateMachine.transition(from, to)).toThrow(IllegalTransitionError);
      }
    }
  });

  it('never leaves a terminal state: a filled order cannot fill again', () => {
    for (const s of ['FILLED', 'REJECTED', 'CANCELLED'] as const) {
      expect(OrderStateMachine.isTerminal(s)).toBe(true);
      expect(OrderStateMachine.isOpen(s)).toBe(false);
    }
    expect(() => OrderStateMachine.transition('FILLED', 'FILLED')).toThrow(
      'illegal order transition FILLED → FILLED',
    );
    for (const s of ['NEW', 'SUBMITTED', 'PARTIALLY_FILLED'] as const)
      expect(OrderStateMachine.isOpen(s)).toBe(true);
  });
});
