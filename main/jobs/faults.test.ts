import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import type { Broker } from '../../shared/ports/Broker';
import { PaperBroker } from '../adapters/broker/PaperBroker';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

const T = ny('2024-06-03', 10, 0);
const quote = (p: number, at = T - MIN) => [{ at, bid: p - 0.01, ask: p + 0.01, last: p }];

function lastEvaluation(h: Harness, positionId: string): DomainEvent<'EvaluationEvent'> {
  const e = h
    .events(positionId)
    .filter((x) => x.type === 'EvaluationEvent')
    .at(-1);
  if (!e || e.type !== 'EvaluationEvent') throw new Error('no evaluation');
  return e;
}

describe('faults in the tick', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('one symbol times out, one throws, others are NaN, zero or stale: each is held alone, the rest trade, and the tick waits no longer than the timeout', async () => {
    h = await openHarness({
      start: T,
      quoteTimeoutMs: 150,
      script: {
        AAPL: quote(100),
        KO: quote(60),
        MSFT: quote(400),
        JPM: quote(200),
        IBM: quote(170),
        PG: quote(160),
      },
      market: { failures: { KO: 'timeout', MSFT: 'throw', JPM: 'nan', IBM: 'zero', PG: 'stale' } },
    });
    const ids = Object.fromEntries(
      ['AAPL', 'KO', 'MSFT', 'JPM', 'IBM', 'PG'].map((s) => [s, h.addPosition(s, 10_000).id]),
    );
    const started = performance.now();
    const result = await h.tick();
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(result.tenants[0]).toMatchObject({ evaluated: 6, ordersCreated: 1 });

    const expectHold = (symbol: string, reason: string, detail: RegExp) => {
      const e = lastEvaluation(h, ids[symbol] as string);
      expect(e.payload).toMatchObject({ action: 'HOLD', reasons: [reason] });
      expect(e.payload.detail).toMatch(detail);
    };
    expectHold('KO', 'provider_error', /^timeout: no answer for KO within 150 ms/);
    expectHold('MSFT', 'provider_error', /^provider_error: scripted failure for MSFT/);
    expectHold('JPM', 'invalid_quote', /no usable last price/);
    expectHold('IBM', 'invalid_quote', /no usable last price/);
    expectHold('PG', 'stale_quote', /quote is 3600 s old \(max 900 s\)/);
    expect(lastEvaluation(h, ids['AAPL'] as string).payload).toMatchObject({
      action: 'BUY',
      priceEffective: 100,
      priceSource: 'mid',
    });

    // One ProviderError fact for the tick; the quotes used (not the failed ones) are in the quote log.
    const errors = h.store.events
      .listByCorrelation(h.tenantId, result.tickId)
      .filter((e) => e.type === 'ProviderError');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.payload).toMatchObject({ provider: 'scripted', symbols: ['KO', 'MSFT'] });
    const logged = ['AAPL', 'IBM', 'JPM', 'KO', 'MSFT', 'PG'].filter(
      (s) => h.store.quotes.list(null, s, 0, T + MIN).length > 0,
    );
    expect(logged).toEqual(['AAPL', 'IBM', 'JPM', 'PG']);
    expect(h.store.quotes.list(null, 'AAPL', 0, T + MIN)[0]).toMatchObject({
      bid: 99.99,
      ask: 100.01,
      last: 100,
      tickId: result.tickId,
    });
  });

  it('the database busy: the tick fails whole (nothing half-written) and its re-run writes everything once', async () => {
    h = await openHarness({ start: T, script: { AAPL: quote(100) }, busyTimeoutMs: 50 });
    const aapl = h.addPosition('AAPL', 10_000);
    // Another connection (a backup tool, a second reader turned writer) holds the write lock.
    const Connection = h.db.sqlite.constructor as new (file: string) => typeof h.db.sqlite;
    const other = new Connection(h.db.file);
    other.exec('BEGIN IMMEDIATE');
    const eventsBefore = h.events(aapl.id).length;
    await expect(h.tick()).rejects.toThrow(/locked|busy/i);
    expect(h.events(aapl.id)).toHaveLength(eventsBefore);
    other.exec('ROLLBACK');
    other.close();
    const result = await h.tick();
    expect(result.tenants[0]).toMatchObject({ evaluated: 1, ordersCreated: 1 });
    expect(h.events(aapl.id).filter((e) => e.type === 'EvaluationEvent')).toHaveLength(1);
  });

  it('an adapter that breaks its promise and rejects: every symbol is held with provider_error, logged as a bug', async () => {
    h = await openHarness({
      start: T,
      marketData: () => ({
        name: 'broken',
        getQuotes: () => Promise.reject(new Error('socket hang up')),
        getDividends: async () => [],
        getSplits: async () => [],
        getDailyBars: async () => [],
        health: () => ({
          provider: 'broken',
          circuit: 'closed',
          lastSuccessAt: null,
          lastError: null,
          nextRetryAt: null,
          consecutiveFailures: 0,
        }),
      }),
    });
    const aapl = h.addPosition('AAPL', 10_000);
    await h.tick();
    expect(lastEvaluation(h, aapl.id).payload).toMatchObject({
      action: 'HOLD',
      reasons: ['provider_error'],
      detail: 'provider_error: socket hang up',
    });
    expect(h.logger.lines.some((l) => l.level === 'error' && /adapter bug/.test(l.msg))).toBe(true);
  });

  it('one position whose writes fail: rolled back alone, the others written once, logged once', async () => {
    h = await openHarness({ start: T, script: { AAPL: quote(100), KO: quote(60) } });
    const aapl = h.addPosition('AAPL', 10_000);
    const ko = h.addPosition('KO', 10_000);
    // KO's order is inserted, then its intent fails: the tenant is written again, one savepoint each.
    const enqueue = h.store.intents.enqueue.bind(h.store.intents);
    h.store.intents.enqueue = (tenantId, intent) => {
      const order = h.store.orders.get(tenantId, intent.orderId);
      if (order?.positionId === ko.id) throw new Error('disk full');
      return enqueue(tenantId, intent);
    };
    const result = await h.tick();
    expect(result.tenants[0]).toMatchObject({ evaluated: 1, ordersCreated: 1, failed: 1 });
    expect(h.events(ko.id).filter((e) => e.type === 'EvaluationEvent')).toHaveLength(0);
    expect(h.store.orders.listByPosition(h.tenantId, ko.id)).toHaveLength(0);
    expect(h.events(aapl.id).filter((e) => e.type === 'EvaluationEvent')).toHaveLength(1);
    expect(h.store.orders.listByPosition(h.tenantId, aapl.id)).toHaveLength(1);
    expect(h.store.intents.listByStatus(h.tenantId, 'QUEUED')).toHaveLength(1);
    const completed = h.store.events
      .listByCorrelation(h.tenantId, result.tickId)
      .filter((e) => e.type === 'TickCompleted');
    expect(completed).toHaveLength(1);
    const errors = h.logger.lines.filter((l) => l.level === 'error' && /evaluation failed/.test(l.msg));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({ positionId: ko.id });
    expect(h.store.events.verifyChain(h.tenantId)).toMatchObject({ ok: true });
  });

  it('one position whose evaluation throws: nothing written for it, the others written, logged once', async () => {
    h = await openHarness({ start: T, script: { AAPL: quote(100), KO: quote(60) } });
    const aapl = h.addPosition('AAPL', 10_000);
    const ko = h.addPosition('KO', 10_000);
    // Both are initial allocations: the guardrails read today's orders, and KO's read throws.
    const count = h.store.orders.countActiveCreatedBetween.bind(h.store.orders);
    h.store.orders.countActiveCreatedBetween = (tenantId, positionId, fromMs, toMs) => {
      if (positionId === ko.id) throw new Error('evaluation bug');
      return count(tenantId, positionId, fromMs, toMs);
    };
    const result = await h.tick();
    expect(result.tenants[0]).toMatchObject({ evaluated: 1, ordersCreated: 1, failed: 1 });
    expect(h.events(ko.id).filter((e) => e.type === 'EvaluationEvent')).toHaveLength(0);
    expect(h.events(aapl.id).filter((e) => e.type === 'EvaluationEvent')).toHaveLength(1);
    const errors = h.logger.lines.filter((l) => l.level === 'error' && /evaluation failed/.test(l.msg));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({ positionId: ko.id });
  });

  it('a position with an open order is evaluated as SKIP: orders never stack', async () => {
    h = await openHarness({ start: T, script: { AAPL: quote(100) } });
    const aapl = h.addPosition('AAPL', 10_000);
    await h.tick();
    h.clock.set(T + 5 * MIN);
    await h.tick();
    const e = lastEvaluation(h, aapl.id);
    expect(e.payload.action).toBe('SKIP');
    expect(e.payload.detail).toMatch(/is still new: no new order until it completes/);
    expect(h.store.orders.listByPosition(h.tenantId, aapl.id)).toHaveLength(1);
  });
});

describe('faults in execution', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('drift over 20 bps re-evaluates before sending: re-sized (OrderReEvaluated) or cancelled', async () => {
    h = await openHarness({
      start: T,
      script: {
        AAPL: [...quote(100), { at: T + MIN, bid: 100.49, ask: 100.51, last: 100.5 }],
        KO: [...quote(60), { at: T + MIN, bid: 60.04, ask: 60.06, last: 60.05 }],
      },
    });
    const aapl = h.addPosition('AAPL', 100_000);
    const ko = h.addPosition('KO', 100_000);
    await h.tick(); // initial allocations: AAPL 500 @ 100, KO 833 @ 60
    h.clock.set(T + 2 * MIN); // AAPL moved 50 bps, KO 8 bps
    const drained = await h.drain();
    expect(drained.outcomes.map((o) => o.kind)).toEqual(['filled', 'filled']);
    const reevaluated = h.events(aapl.id).find((e) => e.type === 'OrderReEvaluated');
    expect(reevaluated?.payload).toMatchObject({
      oldPrice: 100,
      newPrice: 100.5,
      oldQty: 500,
      newQty: 497,
      driftBps: 50,
    });
    expect(h.events(ko.id).some((e) => e.type === 'OrderReEvaluated')).toBe(false);
    expect(h.store.trades.listByPosition(h.tenantId, aapl.id)[0]).toMatchObject({ qty: 497, price: 100.51 });
  });

  it('a re-evaluation that no longer triggers cancels the order', async () => {
    h = await openHarness({
      start: T,
      script: { AAPL: [...quote(96.5), { at: T + MIN, bid: 98.99, ask: 99.01, last: 99 }] },
    });
    const aapl = h.addPosition('AAPL', 50_000, { shares: 500 });
    h.store.positions.update(h.tenantId, { ...h.position(aapl.id), anchor: 100, version: 2 }, 1);
    await h.tick();
    expect(lastEvaluation(h, aapl.id).payload.action).toBe('BUY');
    h.clock.set(T + 2 * MIN);
    const drained = await h.drain();
    expect(drained.outcomes[0]).toMatchObject({ kind: 'cancelled' });
    const types = h.events(aapl.id).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['OrderReEvaluated', 'OrderCancelled']);
    expect(h.store.trades.listByPosition(h.tenantId, aapl.id)).toHaveLength(0);
  });

  it('an unavailable broker: FAILED with exponential backoff, DEAD after 5 attempts, order cancelled, one notification', async () => {
    const down: Broker = {
      name: 'down',
      expectedFillPrice: () => null,
      submit: async () => ({ ok: false, kind: 'unavailable', message: 'connection refused' }),
    };
    h = await openHarness({ start: T, script: { AAPL: quote(100) }, broker: () => down });
    const aapl = h.addPosition('AAPL', 10_000);
    await h.tick();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const drained = await h.drain();
      expect(drained.outcomes).toHaveLength(1);
      const intent = h.store.intents.listByStatus(h.tenantId, attempt < 5 ? 'FAILED' : 'DEAD')[0];
      expect(intent?.attempts).toBe(attempt);
      if (attempt < 5) {
        delays.push((intent?.nextAttemptAt ?? 0) - h.clock.now());
        expect((await h.drain()).outcomes).toHaveLength(0); // not due yet
        h.clock.set(intent?.nextAttemptAt ?? 0);
      }
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
    const [order] = h.store.orders.listByPosition(h.tenantId, aapl.id);
    expect(order?.status).toBe('CANCELLED');
    expect(h.notifications.filter((n) => n.kind === 'deadIntent')).toHaveLength(1);
    h.clock.set(h.clock.now() + 5 * MIN);
    await h.tick(); // the position trades again: a new order, not a SKIP
    expect(lastEvaluation(h, aapl.id).payload.action).toBe('BUY');
  });

  it('a broker rejection: order REJECTED, nothing booked, a notification', async () => {
    const refusing: Broker = {
      name: 'strict',
      expectedFillPrice: () => null,
      submit: async () => ({ ok: false, kind: 'rejected', message: 'symbol halted' }),
    };
    h = await openHarness({ start: T, script: { AAPL: quote(100) }, broker: () => refusing });
    const aapl = h.addPosition('AAPL', 10_000);
    await h.tick();
    expect((await h.drain()).outcomes[0]).toMatchObject({ kind: 'rejected' });
    expect(h.position(aapl.id).cashCents).toBe(1_000_000);
    expect(h.notifications.map((n) => n.kind)).toEqual(['rejection']);
    h.expectReplayMatches(aapl.id);
  });

  it('a buy sized to the last cent at the mid is trimmed to what the cash pays at the ask plus slippage', async () => {
    h = await openHarness({
      start: T,
      script: { AAPL: [{ at: T - MIN, bid: 99, ask: 101, last: 100 }] },
      broker: (clock) => new PaperBroker({ clock, slippageBps: 10 }),
      portfolioConfig: {
        execution: { initialStockPct: 1 },
        guardrails: { maxStockPct: 1, maxTradePctOfPosition: 1 },
      },
    });
    const aapl = h.addPosition('AAPL', 10_000);
    await h.tick();
    const [order] = h.store.orders.listByPosition(h.tenantId, aapl.id);
    expect(order?.qty).toBe(99); // at the mid 100
    await h.drain();
    const [trade] = h.store.trades.listByPosition(h.tenantId, aapl.id);
    expect(trade).toMatchObject({ qty: 98, price: 101.11 });
    expect(h.position(aapl.id).cashCents).toBeGreaterThanOrEqual(0);
    h.expectReplayMatches(aapl.id);
  });

  it('a quote that shows fewer shares than the order: the paper broker fills that part, the rest is cancelled (SPEC 10)', async () => {
    const paper = (clock: { now: () => number }): Broker => {
      const inner = new PaperBroker({ clock, maxSizePct: 0.5 });
      return {
        name: 'paper',
        expectedFillPrice: (side, q) => inner.expectedFillPrice(side, q),
        // The scripted feed carries no sizes: this quote offers 81 shares at the ask.
        submit: (request, q) => inner.submit(request, { ...q, askSize: 81 }),
      };
    };
    h = await openHarness({ start: T, script: { AAPL: quote(100) }, broker: paper });
    const aapl = h.addPosition('AAPL', 10_000);
    await h.tick();
    const [order] = h.store.orders.listByPosition(h.tenantId, aapl.id);
    expect(order?.qty).toBeGreaterThan(40);
    await h.drain();
    const [trade] = h.store.trades.listByPosition(h.tenantId, aapl.id);
    expect(trade?.qty).toBe(40); // half of 81, whole shares
    expect(h.store.orders.listByPosition(h.tenantId, aapl.id)[0]?.status).toBe('CANCELLED');
    expect(h.events(aapl.id).map((e) => e.type)).toEqual(
      expect.arrayContaining(['OrderFilled', 'OrderCancelled']),
    );
    expect(h.position(aapl.id).qty).toBe(40);
    h.expectReplayMatches(aapl.id);
  });
});
