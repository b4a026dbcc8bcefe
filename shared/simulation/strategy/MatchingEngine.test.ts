import { describe, expect, it } from 'vitest';
import type { MatchingModel } from '../../domain/orders/MatchingRules';
import { matchOnBar } from '../../domain/orders/MatchingRules';
import { newOrder } from '../../domain/orders/OrderLifecycle';
import type { BarSeries } from '../../ports/HistoricalBars';
import { simSpec } from '../testing/bars';
import { scripted } from '../testing/scripted';
import type { LabResult } from './runStrategy';
import { runStrategy } from './runStrategy';
import { sizerChoice } from './Sizers';
import type { Signal } from './Strategy';

/** SPEC 10's matching engine and times in force, hand-worked on a few bars. */
interface Row {
  open: number;
  high: number;
  low: number;
  close: number;
  volume?: number;
}
function series(rows: Row[]): BarSeries {
  const col = (f: (r: Row) => number): Float64Array => Float64Array.from(rows, f);
  const days = rows.map((_, i) => `2024-01-${String(i + 2).padStart(2, '0')}`);
  return {
    symbol: 'X',
    interval: '1d',
    time: Float64Array.from(days, (d) => Date.parse(`${d}T00:00:00Z`)),
    session: days,
    open: col((r) => r.open),
    high: col((r) => r.high),
    low: col((r) => r.low),
    close: col((r) => r.close),
    volume: col((r) => r.volume ?? 1_000_000),
    source: 'test',
  };
}
const flat = (close: number, extra: Partial<Row> = {}): Row => ({
  open: close,
  high: close,
  low: close,
  close,
  ...extra,
});

function run(
  rows: Row[],
  script: Record<number, Omit<Signal, 'symbol' | 'price' | 'time'>>,
  qty: number,
  matching: Partial<MatchingModel> = {},
): LabResult {
  const spec = simSpec(['X'], { cash: 10_000_000 });
  spec.commission = { rate: 0, minimumCents: 0, scope: 'GLOBAL' };
  const out = runStrategy(spec, [{ bars: series(rows), dividends: [] }], scripted(script), {
    sizer: sizerChoice('fixed', [qty]),
    matching: { fill: 'close', slippageBps: 0, maxVolumePct: null, ...matching },
  });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}
const states = (r: LabResult): string[] =>
  r.orderEvents.map(
    (e) =>
      `${e.at.slice(8)} ${e.to}${e.qty > 0 ? ` ${e.qty}@${e.price}` : ''}${e.detail && e.to === 'CANCELLED' ? ` ${e.detail}` : ''}`,
  );
const fills = (r: LabResult): [string, number, number | null][] =>
  r.simulation.trades.filter((t) => t.status === 'FILLED').map((t) => [t.session.slice(8), t.qty, t.price]);

describe('times in force', () => {
  it('FOK that cannot fill whole is cancelled with nothing filled', () => {
    const r = run([flat(10, { volume: 1000 })], { 0: { action: 'BUY', timeInForce: 'FOK' } }, 150, {
      maxVolumePct: 0.1,
    });
    expect(fills(r)).toEqual([]);
    expect(states(r)).toEqual(['02 NEW', '02 ACKED', '02 CANCELLED fok_unfilled']);
    expect(r.simulation.trades[0]).toMatchObject({
      status: 'CANCELLED',
      cancelledQty: 150,
      note: 'fok_unfilled',
    });
  });

  it('FOK that can fill whole fills', () => {
    const r = run([flat(10, { volume: 1000 })], { 0: { action: 'BUY', timeInForce: 'FOK' } }, 100, {
      maxVolumePct: 0.1,
    });
    expect(states(r)).toEqual(['02 NEW', '02 ACKED', '02 FILLED 100@10']);
  });

  it('IOC partly filled by the volume cap: the rest is cancelled at once', () => {
    const r = run([flat(10, { volume: 1000 }), flat(10)], { 0: { action: 'BUY', timeInForce: 'IOC' } }, 150, {
      maxVolumePct: 0.1,
    });
    expect(states(r)).toEqual(['02 NEW', '02 ACKED', '02 PARTIALLY_FILLED 100@10', '02 CANCELLED ioc_rest']);
    expect(r.simulation.positions[0]?.final.qty).toBe(100);
  });

  it('GTC carried three bars by the volume cap', () => {
    const rows = [
      flat(10, { volume: 1000 }),
      flat(11, { volume: 1000 }),
      flat(12, { volume: 1000 }),
      flat(13),
    ];
    const r = run(rows, { 0: { action: 'BUY', timeInForce: 'GTC' } }, 250, { maxVolumePct: 0.1 });
    expect(fills(r)).toEqual([
      ['02', 100, 10],
      ['03', 100, 11],
      ['04', 50, 12],
    ]);
    expect(states(r).slice(2)).toEqual([
      '02 PARTIALLY_FILLED 100@10',
      '03 PARTIALLY_FILLED 100@11',
      '04 FILLED 50@12',
    ]);
  });

  it('GTC limit carried until a bar trades through it, at the better of limit and close', () => {
    const rows = [
      { open: 10, high: 10, low: 9.5, close: 9.8 },
      { open: 9.8, high: 9.9, low: 9.2, close: 9.6 },
      { open: 9.6, high: 9.7, low: 9, close: 9.4 }, // touches 9: no fill
      { open: 9.4, high: 9.5, low: 8.9, close: 8.95 }, // trades through: the close 8.95 is better than 9
    ];
    const r = run(rows, { 0: { action: 'BUY', orderType: 'LIMIT', limitPrice: 9, timeInForce: 'GTC' } }, 10);
    expect(fills(r)).toEqual([['05', 10, 8.95]]);
  });

  it('DAY limit not reached is cancelled at the close', () => {
    const rows = [{ open: 10, high: 10, low: 9.5, close: 9.8 }, flat(8)];
    const r = run(rows, { 0: { action: 'BUY', orderType: 'LIMIT', limitPrice: 9, timeInForce: 'DAY' } }, 10);
    expect(fills(r)).toEqual([]);
    expect(states(r)).toEqual(['02 NEW', '02 ACKED', '02 CANCELLED day_end']);
  });

  it('DAY market order capped by volume: the rest cancelled at the session end', () => {
    const r = run([flat(10, { volume: 500 }), flat(10)], { 0: { action: 'BUY' } }, 80, { maxVolumePct: 0.1 });
    expect(states(r)).toEqual(['02 NEW', '02 ACKED', '02 PARTIALLY_FILLED 50@10', '02 CANCELLED day_end']);
  });

  it('a limit touched but not traded through does not fill; a sell limit needs a high above it', () => {
    const bar = { open: 10, high: 10.5, low: 9, close: 9.5, volume: 1e6 };
    const grid = { qtyStep: 1, lotSize: null };
    const model: MatchingModel = { fill: 'close', slippageBps: 0, maxVolumePct: null };
    expect(matchOnBar(newOrder(1, 'X', 'BUY', 10, 'LIMIT', 'DAY', 9), bar, model, grid).qty).toBe(0);
    expect(matchOnBar(newOrder(1, 'X', 'BUY', 10, 'LIMIT', 'DAY', 9.01), bar, model, grid)).toMatchObject({
      qty: 10,
      price: 9.01,
    });
    expect(matchOnBar(newOrder(1, 'X', 'SELL', 10, 'LIMIT', 'DAY', 10.5), bar, model, grid).qty).toBe(0);
    // a sell limit at 10.2 traded through: the better of 10.2 and the close 9.5 is 10.2
    expect(matchOnBar(newOrder(1, 'X', 'SELL', 10, 'LIMIT', 'DAY', 10.2), bar, model, grid)).toMatchObject({
      qty: 10,
      price: 10.2,
    });
  });
});

describe('fill prices', () => {
  const bar = { open: 10, high: 12, low: 9, close: 11.5, volume: 1e6 };
  const grid = { qtyStep: 1, lotSize: null };
  it('close, next open, typical price, with slippage against the trader', () => {
    const buy = newOrder(1, 'X', 'BUY', 1);
    expect(matchOnBar(buy, bar, { fill: 'close', slippageBps: 0, maxVolumePct: null }, grid).price).toBe(
      11.5,
    );
    expect(matchOnBar(buy, bar, { fill: 'next_open', slippageBps: 0, maxVolumePct: null }, grid).price).toBe(
      10,
    );
    expect(
      matchOnBar(buy, bar, { fill: 'vwap', slippageBps: 0, maxVolumePct: null }, grid).price,
    ).toBeCloseTo(32.5 / 3, 12);
    expect(matchOnBar(buy, bar, { fill: 'close', slippageBps: 10, maxVolumePct: null }, grid).price).toBe(
      11.5115,
    );
    const sell = newOrder(2, 'X', 'SELL', 1);
    expect(matchOnBar(sell, bar, { fill: 'close', slippageBps: 10, maxVolumePct: null }, grid).price).toBe(
      11.4885,
    );
  });
  it('a stop becomes a market order once the bar touches it; a stop-limit a limit order', () => {
    const model: MatchingModel = { fill: 'close', slippageBps: 0, maxVolumePct: null };
    expect(matchOnBar(newOrder(1, 'X', 'BUY', 5, 'STOP', 'GTC', null, 12.5), bar, model, grid).qty).toBe(0);
    expect(matchOnBar(newOrder(1, 'X', 'BUY', 5, 'STOP', 'GTC', null, 12), bar, model, grid)).toMatchObject({
      qty: 5,
      price: 11.5,
      triggeredNow: true,
    });
    // sell stop at 9 touched (low 9): market at the close
    expect(matchOnBar(newOrder(1, 'X', 'SELL', 5, 'STOP', 'GTC', null, 9), bar, model, grid).price).toBe(
      11.5,
    );
    // buy stop-limit: stop 11 touched, limit 11 — the low 9 trades through it: the better of 11 and 11.5
    expect(matchOnBar(newOrder(1, 'X', 'BUY', 5, 'STOP_LIMIT', 'GTC', 11, 11), bar, model, grid).price).toBe(
      11,
    );
  });
  it('next open: a market order fills on the next bar at its open', () => {
    const r = run([flat(10), { open: 10.4, high: 11, low: 10, close: 10.8 }], { 0: { action: 'BUY' } }, 10, {
      fill: 'next_open',
    });
    expect(fills(r)).toEqual([['03', 10, 10.4]]);
  });
  it('a next-open order on the last bar is cancelled at the end of the data', () => {
    const r = run([flat(10)], { 0: { action: 'BUY' } }, 10, { fill: 'next_open' });
    expect(states(r)).toEqual(['02 NEW', '02 ACKED', '02 CANCELLED end_of_data']);
  });
  it('a rejected order (a limit without a price) is an event and a REJECTED trade', () => {
    const r = run([flat(10)], { 0: { action: 'BUY', orderType: 'LIMIT' } }, 10);
    expect(states(r)).toEqual(['02 NEW', '02 REJECTED']);
    expect(r.simulation.trades[0]?.status).toBe('REJECTED');
  });
});

describe('signals act only when flat (buy) or long (sell); sells before buys', () => {
  it('a second buy while long is dropped, a sell while flat is dropped', () => {
    const r = run(
      [flat(10), flat(11), flat(12), flat(13)],
      { 0: { action: 'SELL' }, 1: { action: 'BUY' }, 2: { action: 'BUY' }, 3: { action: 'SELL' } },
      10,
    );
    expect(fills(r)).toEqual([
      ['03', 10, 11],
      ['05', 10, 13],
    ]);
    expect(r.roundTrips).toHaveLength(1);
    expect(r.roundTrips[0]).toMatchObject({ pnlCents: 2000, holdingDays: 2 });
  });
});
