import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchingModel } from './MatchingRules';
import { matchOnBar } from './MatchingRules';
import type { WorkingOrder } from './OrderLifecycle';
import {
  acknowledge,
  cancel,
  canTransition,
  fill,
  isTerminal,
  newOrder,
  ORDER_STATES,
  remaining,
} from './OrderLifecycle';

/** SPEC 10's order state machine: no fill after a terminal state; the filled quantity never exceeds the order. */
const op = fc.oneof(
  fc.record({
    kind: fc.constant('fill' as const),
    fraction: fc.double({ min: 0.01, max: 1.5, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('cancel' as const) }),
  fc.record({
    kind: fc.constant('bar' as const),
    low: fc.double({ min: 1, max: 20, noNaN: true }),
    span: fc.double({ min: 0, max: 5, noNaN: true }),
    volume: fc.integer({ min: 0, max: 5000 }),
  }),
);

describe('order lifecycle', () => {
  it('the transitions table: terminal states go nowhere, NEW only to ACKED or REJECTED', () => {
    for (const s of ORDER_STATES)
      if (isTerminal(s)) for (const t of ORDER_STATES) expect(canTransition(s, t)).toBe(false);
    expect(canTransition('NEW', 'FILLED')).toBe(false);
    expect(canTransition('ACKED', 'PARTIALLY_FILLED')).toBe(true);
    expect(canTransition('PARTIALLY_FILLED', 'ACKED')).toBe(false);
  });

  it('property: fills only while working, never beyond the order; every transition is allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT'),
        fc.array(op, { maxLength: 25 }),
        (qty, type, ops) => {
          const order: WorkingOrder = newOrder(
            1,
            'X',
            'BUY',
            qty,
            type,
            'GTC',
            type === 'LIMIT' || type === 'STOP_LIMIT' ? 10 : null,
            type === 'STOP' || type === 'STOP_LIMIT' ? 10 : null,
          );
          const first = acknowledge(order);
          expect(first.to).toBe('ACKED');
          const model: MatchingModel = { fill: 'close', slippageBps: 0, maxVolumePct: 0.1 };
          for (const o of ops) {
            const before = order.state;
            if (o.kind === 'cancel') {
              if (isTerminal(before)) expect(() => cancel(order, 'x')).toThrow();
              else expect(cancel(order, 'x').from).toBe(before);
            } else {
              let q = 0;
              if (o.kind === 'fill') q = Math.floor(remaining(order) * o.fraction);
              else {
                const bar = {
                  open: o.low,
                  high: o.low + o.span,
                  low: o.low,
                  close: o.low + o.span / 2,
                  volume: o.volume,
                };
                const m = matchOnBar(order, bar, model, { qtyStep: 1, lotSize: null });
                if (m.triggeredNow) order.triggered = true;
                expect(m.qty).toBeLessThanOrEqual(Math.max(0, remaining(order)));
                q = m.qty;
              }
              if (q <= 0) continue;
              if (isTerminal(before) || q > remaining(order)) expect(() => fill(order, q, 10)).toThrow();
              else {
                const t = fill(order, q, 10);
                expect(canTransition(t.from, t.to)).toBe(true);
              }
            }
            expect(order.filledQty).toBeLessThanOrEqual(order.qty);
            expect(order.filledQty).toBeGreaterThanOrEqual(0);
            if (isTerminal(before)) expect(order.state).toBe(before);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
