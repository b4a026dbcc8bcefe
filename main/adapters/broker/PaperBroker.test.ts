import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../shared/ports/OrderRepository';
import { PaperBroker } from './PaperBroker';

const clock = { now: () => 1_000 };
const quote = (bid: number | null, ask: number | null, last: number | null) => ({
  symbol: 'AAPL',
  bid,
  ask,
  last,
  ts: 0,
});
const order = (side: 'BUY' | 'SELL', qty = 10): OrderRecord => ({
  id: 'o1',
  tenantId: 't',
  positionId: 'p',
  tickId: 'x',
  side,
  qty,
  price: 100,
  pricePolicy: 'MID',
  commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
  status: 'SUBMITTED',
  dedupeKey: 'x:p',
  filledQty: 0,
  reasons: [],
  createdAt: 0,
  updatedAt: 0,
});

describe('PaperBroker', () => {
  it.each([
    ['buy at the ask', 'BUY', quote(99.9, 100.1, 100), 0, 100.1],
    ['sell at the bid', 'SELL', quote(99.9, 100.1, 100), 0, 99.9],
    ['buy without an ask: last', 'BUY', quote(99.9, null, 100), 0, 100],
    ['sell with a NaN bid: last', 'SELL', quote(NaN, 100.1, 100), 0, 100],
    ['buy with 5 bps slippage, rounded up to the cent', 'BUY', quote(99.9, 100.1, 100), 5, 100.16],
    ['sell with 5 bps slippage, rounded down to the cent', 'SELL', quote(99.9, 100.1, 100), 5, 99.85],
  ] as const)('%s', async (_name, side, q, slippageBps, expected) => {
    const broker = new PaperBroker({ clock, slippageBps });
    expect(broker.expectedFillPrice(side, q)).toBe(expected);
    const answer = await broker.submit({ order: order(side), symbol: 'AAPL' }, q);
    expect(answer).toEqual({
      ok: true,
      fill: { qty: 10, price: expected, brokerRef: 'paper:o1', executedAt: 1_000 },
    });
  });

  it('answers the same broker ref when the same order is submitted again (idempotent)', async () => {
    const broker = new PaperBroker({ clock });
    const a = await broker.submit({ order: order('BUY'), symbol: 'AAPL' }, quote(1, 2, 1.5));
    const b = await broker.submit({ order: order('BUY'), symbol: 'AAPL' }, quote(1, 2.5, 1.5));
    expect(a.ok && b.ok && a.fill.brokerRef === b.fill.brokerRef).toBe(true);
  });

  it('cannot fill without a usable price: unavailable, to be retried', async () => {
    const broker = new PaperBroker({ clock });
    expect(await broker.submit({ order: order('BUY'), symbol: 'AAPL' }, quote(null, 0, NaN))).toMatchObject({
      ok: false,
      kind: 'unavailable',
    });
  });
});

describe('PaperBroker partial fills (SPEC 10, the matching engine volume rule on the quote size)', () => {
  const sized = (askSize: number | null, bidSize: number | null = null) => ({
    ...quote(99.9, 100.1, 100),
    askSize,
    bidSize,
  });
  it('fills the whole order when the size covers it, and when no size is known', async () => {
    const broker = new PaperBroker({ clock });
    expect(await broker.submit({ order: order('BUY', 10), symbol: 'AAPL' }, sized(500))).toMatchObject({
      ok: true,
      fill: { qty: 10 },
    });
    expect(await broker.submit({ order: order('BUY', 10), symbol: 'AAPL' }, sized(null))).toMatchObject({
      ok: true,
      fill: { qty: 10 },
    });
  });
  it('fills part: at most maxSizePct of the size at its side, in whole shares', async () => {
    const broker = new PaperBroker({ clock, maxSizePct: 0.5 });
    // 0.5 × 15 = 7.5 → 7 whole shares of a 10-share buy
    expect(await broker.submit({ order: order('BUY', 10), symbol: 'AAPL' }, sized(15))).toMatchObject({
      ok: true,
      fill: { qty: 7, price: 100.1 },
    });
    // a sell reads the bid's size
    expect(await broker.submit({ order: order('SELL', 10), symbol: 'AAPL' }, sized(1000, 4))).toMatchObject({
      ok: true,
      fill: { qty: 2, price: 99.9 },
    });
  });
  it('no share at its side is no fill now: unavailable, retried later', async () => {
    const broker = new PaperBroker({ clock });
    expect(await broker.submit({ order: order('BUY', 10), symbol: 'AAPL' }, sized(0))).toMatchObject({
      ok: false,
      kind: 'unavailable',
    });
  });
  it('refuses a size fraction outside (0, 1]', () => {
    expect(() => new PaperBroker({ clock, maxSizePct: 0 })).toThrow(RangeError);
    expect(() => new PaperBroker({ clock, maxSizePct: 1.5 })).toThrow(RangeError);
  });
});
