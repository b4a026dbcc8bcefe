import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY_CONFIG } from '../../domain/Config';
import { cents } from '../../domain/Money';
import { decidePosition, type DecideInput } from './decidePosition';

const NOW = Date.UTC(2024, 5, 3, 15, 0);

function input(o: Partial<DecideInput> = {}): DecideInput {
  return {
    state: { qty: 500, cashCents: cents(5_000_000), receivableCents: cents(0), anchor: 100.5 },
    config: DEFAULT_STRATEGY_CONFIG,
    session: 'REGULAR',
    quote: { ok: true, quote: { symbol: 'KO', bid: 99.99, ask: 100.01, last: 100, ts: NOW - 60_000 } },
    openOrder: null,
    commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
    today: { ordersToday: 0, notionalTodayCents: 0 },
    now: NOW,
    ...o,
  };
}

/** The stored JSON text is hashed: its key order is part of every EvaluationEvent ever written. */
const STORED_ORDER = [
  'session',
  'pricePolicy',
  'priceEffective',
  'priceSource',
  'priceFallback',
  'quote',
  'trigger',
  'rawQty',
  'finalQty',
  'steps',
  'orderId',
  'deltas',
  'reasons',
  'action',
  'detail',
];

describe('decidePosition: the EvaluationEvent payload', () => {
  it.each([
    ['market closed', input({ session: 'CLOSED' }), 'HOLD', ['market_closed']],
    [
      'provider error',
      input({ quote: { ok: false, kind: 'timeout', error: 'slow' } }),
      'HOLD',
      ['provider_error'],
    ],
    [
      'stale quote',
      input({
        quote: { ok: true, quote: { symbol: 'KO', bid: 99, ask: 101, last: 100, ts: NOW - 3_600_000 } },
      }),
      'HOLD',
      ['stale_quote'],
    ],
    ['open order', input({ openOrder: { id: 'o1', side: 'BUY', qty: 3, status: 'SUBMITTED' } }), 'SKIP', []],
    ['inside the band', input(), 'HOLD', ['no_trigger']],
    ['initial allocation', input({ state: { ...input().state, qty: 0, anchor: null } }), 'BUY', null],
  ] as const)('%s: keys in the stored order, arrays its own', (_name, given, action, reasons) => {
    const { payload } = decidePosition(given);
    expect(Object.keys(payload)).toEqual(STORED_ORDER);
    expect(payload.action).toBe(action);
    if (reasons !== null) expect(payload.reasons).toEqual(reasons);
    expect(payload.orderId).toBeNull();
    // The payload owns its arrays (the evaluator shares a frozen one for a HOLD inside the band).
    expect(Object.isFrozen(payload.reasons)).toBe(false);
    expect(Object.isFrozen(payload.steps)).toBe(false);
  });

  it('records the quote and the exact MID it priced at', () => {
    const { payload } = decidePosition(
      input({ quote: { ok: true, quote: { symbol: 'KO', bid: 96.49, ask: 96.52, last: 96.5, ts: NOW } } }),
    );
    expect(payload).toMatchObject({
      quote: { bid: 96.49, ask: 96.52, last: 96.5, ts: NOW },
      priceEffective: 96.505,
      priceSource: 'mid',
      priceFallback: null,
    });
  });
});
