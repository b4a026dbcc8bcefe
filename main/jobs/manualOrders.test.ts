import { afterEach, describe, expect, it } from 'vitest';
import { closeWithSellOut, rebalanceToTarget } from '../../shared/application/trading/manualOrders';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { describeEvaluation } from '../../shared/format/EvaluationWords';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

const DAY = '2024-06-03';
const OPTIONS = { quoteTimeoutMs: 200 };

describe('orders asked for by hand go through the normal order path', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function atPrice(price: number, at = ny(DAY, 10, 0)) {
    h = await openHarness({
      start: at,
      script: { KO: [{ at: at - MIN, bid: price - 0.01, ask: price + 0.01, last: price }] },
    });
  }

  it('rebalance to target: at 0 % stock buys to the initial share, through an intent the worker fills', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const asked = await rebalanceToTarget(
      h.deps,
      { tenantId: h.tenantId, positionId: p.id, by: 'user (desktop)' },
      OPTIONS,
    );
    expect(asked).toMatchObject({ ok: true, value: { order: { side: 'BUY', qty: 83, status: 'NEW' } } });
    if (!asked.ok) return;
    const evaluation = asked.value.evaluation as DomainEvent<'EvaluationEvent'>;
    expect(evaluation.correlationId).toMatch(/^manual:/);
    expect(evaluation.payload).toMatchObject({
      action: 'BUY',
      finalQty: 83,
      reasons: ['manual_rebalance', 'qty_rounded'],
    });
    expect(describeEvaluation(evaluation.payload)).toBe(
      'BUY 83 at $60.00 — rebalance to the target stock share, asked by hand; quantity rounded to the step/lot',
    );
    expect(h.store.intents.listByStatus(h.tenantId, 'QUEUED', 10)).toHaveLength(1);

    const drained = await h.drain();
    expect(drained.outcomes.map((o) => o.kind)).toEqual(['filled']);
    const after = h.position(p.id);
    expect(after).toMatchObject({ qty: 83, anchor: 60.01, status: 'ACTIVE' });
    expect(h.notifications.map((n) => n.title)).toEqual(['Bought 83 KO at $60.01']);
    h.expectReplayMatches(p.id);
  });

  it('a rebalance is not re-sized when the price drifted: it was asked for at market', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    expect(
      (await rebalanceToTarget(h.deps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }, OPTIONS)).ok,
    ).toBe(true);
    // The price falls 1 % before the worker runs: a tick's order would be re-evaluated; this one is not.
    h.clock.set(h.clock.now() + MIN);
    (h.marketData as unknown as { script: Map<string, unknown[]> }).script.set('KO', [
      { at: h.clock.now() - 1000, bid: 59.39, ask: 59.41, last: 59.4 },
    ]);
    const drained = await h.drain();
    expect(drained.outcomes.map((o) => o.kind)).toEqual(['filled']);
    expect(h.position(p.id).qty).toBe(83);
  });

  it('nothing to trade, a closed market, an open order: refused, nothing written', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const before = h.events(p.id).length;
    h.clock.set(ny('2024-06-01', 12, 0)); // a Saturday
    expect(
      await rebalanceToTarget(h.deps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }, OPTIONS),
    ).toMatchObject({
      ok: false,
      code: 'conflict',
      message:
        'The market is closed: an order now needs a live price. Try again when it opens (2024-06-03 09:30 New York).',
    });
    h.clock.set(ny(DAY, 10, 0));
    expect(
      (await rebalanceToTarget(h.deps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }, OPTIONS)).ok,
    ).toBe(true);
    expect(
      await rebalanceToTarget(h.deps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }, OPTIONS),
    ).toMatchObject({
      ok: false,
      message: 'KO has an open order: wait for it to fill or be cancelled',
    });
    await h.drain();
    expect(
      await rebalanceToTarget(h.deps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }, OPTIONS),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Nothing to trade: at \$60\.00 KO is as near its target of 50 % stock/),
    });
    expect(h.events(p.id).length).toBeGreaterThan(before);
    expect(h.store.orders.listByPosition(h.tenantId, p.id)).toHaveLength(1);
  });

  it('close with a sell-out: pauses, sells every share through the worker, closes in the fill', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 1_000, { shares: 100 });
    const asked = await closeWithSellOut(
      h.deps,
      { tenantId: h.tenantId, positionId: p.id, by: 'user (desktop)', why: 'done with KO' },
      OPTIONS,
    );
    expect(asked).toMatchObject({
      ok: true,
      value: { position: { status: 'PAUSED' }, order: { side: 'SELL', qty: 100, reasons: ['close_out'] } },
    });
    // The loop leaves it alone meanwhile.
    expect((await h.tick()).tenants[0]?.evaluated).toBe(0);
    await h.drain();
    expect(h.position(p.id)).toMatchObject({ status: 'CLOSED', qty: 0, cashCents: 100_000 + 599_900 - 60 });
    const statuses = h
      .events(p.id)
      .filter((e): e is DomainEvent<'PositionStatusChanged'> => e.type === 'PositionStatusChanged')
      .map((e) => `${e.payload.from}→${e.payload.to}`);
    expect(statuses).toEqual(['ACTIVE→PAUSED', 'PAUSED→CLOSED']);
    h.expectReplayMatches(p.id);
  });

  it('a position without shares closes at once, market open or not', async () => {
    await atPrice(60, ny('2024-06-01', 12, 0));
    const p = h.addPosition('KO', 1_000);
    expect(
      await closeWithSellOut(h.deps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }, OPTIONS),
    ).toMatchObject({ ok: true, value: { position: { status: 'CLOSED' }, order: null } });
    h.expectReplayMatches(p.id);
  });
});
