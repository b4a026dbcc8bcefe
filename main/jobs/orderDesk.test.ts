import { afterEach, describe, expect, it } from 'vitest';
import { pausePosition } from '../../shared/application/ledger';
import { cancelOpenOrder } from '../../shared/application/trading/cancelOrder';
import { evaluatePositionNow } from '../../shared/application/trading/evaluatePositionNow';
import { placeManualOrder, rebalanceToTarget } from '../../shared/application/trading/manualOrders';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { describeEvaluation } from '../../shared/format/EvaluationWords';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

const DAY = '2024-06-03';
const OPTIONS = { quoteTimeoutMs: 200 };

/** The order desk on a real SQLite file (ADRs 0061–0063): ticket, cancel, evaluate one position now. */
describe('the order desk of a position', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function atPrice(price: number, at = ny(DAY, 10, 0)) {
    h = await openHarness({
      start: at,
      script: {
        KO: [{ at: at - MIN, bid: price - 0.01, ask: price + 0.01, last: price }],
        PEP: [{ at: at - MIN, bid: 169.99, ask: 170.01, last: 170 }],
      },
    });
  }
  const ticket = (positionId: string, side: 'BUY' | 'SELL', qty: number) =>
    placeManualOrder(h.deps, { tenantId: h.tenantId, positionId, side, qty, by: 'user (desktop)' }, OPTIONS);
  const cancel = (orderId: string) =>
    cancelOpenOrder(h.deps, { tenantId: h.tenantId, orderId, by: 'user (desktop)', why: 'changed my mind' });

  it('a ticket buys N shares through an intent the worker fills, once', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const placed = await ticket(p.id, 'BUY', 10);
    expect(placed).toMatchObject({
      ok: true,
      value: {
        order: { side: 'BUY', qty: 10, price: 60, status: 'NEW', reasons: ['manual_order'] },
        // $600.00 notional, 0.01 % commission = $0.06; 600 / 10 000 of the value in stock.
        ticket: { notionalCents: 60_000, commissionCents: 6, cashAfterCents: 1_000_000 - 60_006 },
      },
    });
    if (!placed.ok) return;
    const evaluation = placed.value.evaluation as DomainEvent<'EvaluationEvent'>;
    expect(evaluation.correlationId).toMatch(/^manual:/);
    expect(describeEvaluation(evaluation.payload)).toBe(
      'BUY 10 at $60.00 — order at market from the order ticket, asked by hand',
    );
    expect(placed.value.ticket.summary).toBe(
      "Buys 10 shares of KO at about $60.00 for $600.00 + $0.06 commission; stock share 0.0 % → 6.0 % — outside the band 25 %–75 %: the strategy's guardrails block further trades that way. The anchor moves to the fill price.",
    );
    expect(h.store.intents.listByStatus(h.tenantId, 'QUEUED', 10)).toHaveLength(1);

    expect((await h.drain()).outcomes.map((o) => o.kind)).toEqual(['filled']);
    // Nothing is executed twice: a second drain finds nothing, one trade stays.
    expect((await h.drain()).outcomes).toEqual([]);
    expect(h.store.trades.listByPosition(h.tenantId, p.id)).toHaveLength(1);
    // Bought at the ask 60.01: 600.10 + 0.06 commission.
    expect(h.position(p.id)).toMatchObject({ qty: 10, anchor: 60.01, cashCents: 1_000_000 - 60_010 - 6 });
    h.expectReplayMatches(p.id);
  });

  it('a ticket is refused in the investor’s units, and nothing is written', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 1_000, { shares: 5 });
    const before = h.events(p.id).length;
    const refusals = [
      [
        await ticket(p.id, 'BUY', 0),
        'Shares to trade must be above 0 and at most 1,000,000,000 shares, with at most 6 decimals',
      ],
      [await ticket(p.id, 'BUY', 1.5), 'Shares to trade must be whole shares'],
      [await ticket(p.id, 'SELL', 6), 'Only 5 shares of KO are held: sell at most 5'],
      [await ticket(p.id, 'BUY', 1), 'Below the minimum order of $100.00: 1 share at $60.00 is $60.00'],
      [
        await ticket(p.id, 'BUY', 20),
        'Not enough cash: 20 shares at $60.00 cost $1,200.12 with commission, and KO has $1,000.00 (at most 16 shares)',
      ],
    ] as const;
    for (const [result, message] of refusals)
      expect(result).toMatchObject({
        ok: false,
        code: 'validation',
        message,
        issues: [{ path: 'qty', message }],
      });
    h.clock.set(ny('2024-06-01', 12, 0)); // a Saturday
    expect(await ticket(p.id, 'SELL', 5)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/^The market is closed: an order now needs a live price/),
    });
    expect(h.events(p.id)).toHaveLength(before);
    expect(h.store.orders.listByPosition(h.tenantId, p.id)).toEqual([]);
  });

  it('the order validator checks a ticket too: a failed check records a rejected order with its code and notifies', async () => {
    h = await openHarness({
      start: ny(DAY, 10, 0),
      script: { KO: [{ at: ny(DAY, 10, 0) - MIN, bid: 59.99, ask: 60.01, last: 60 }] },
      portfolioConfig: { risk: { maxPositionQty: 12, maxPositionValue: 1_000 } },
    });
    const p = h.addPosition('KO', 10_000, { shares: 5 });
    // 5 held + 10 = 15 shares > 12: POSITION_SIZE_LIMIT (the first check that fails, in SPEC order).
    const refused = await ticket(p.id, 'BUY', 10);
    const detail =
      'Order refused by the risk limits: the position would hold 15 shares; the limit is 12 shares';
    expect(refused).toEqual({ ok: false, code: 'conflict', message: detail });
    const orders = h.store.orders.listByPosition(h.tenantId, p.id);
    expect(orders.map((o) => [o.status, o.side, o.qty, o.reasons])).toEqual([
      ['REJECTED', 'BUY', 10, ['manual_order', 'POSITION_SIZE_LIMIT']],
    ]);
    const rejected = h.events(p.id).filter((e) => e.type === 'OrderRejected');
    expect(rejected.map((e) => e.type === 'OrderRejected' && e.payload.detail)).toEqual([detail]);
    expect(h.notifications.filter((n) => n.kind === 'rejection')).toMatchObject([
      { title: 'Order rejected: buy 10 KO', body: detail, positionId: p.id, symbol: 'KO' },
    ]);
    expect(h.store.intents.listByStatus(h.tenantId, 'QUEUED', 10)).toEqual([]);
    // 5 + 7 = 12 shares passes the size limit (a limit exactly met passes), but 12 × $60 = $720 ≤ $1,000.
    const placed = await ticket(p.id, 'BUY', 7);
    expect(placed).toMatchObject({ ok: true, value: { order: { status: 'NEW', qty: 7 } } });
    h.expectReplayMatches(p.id);
  });

  it("the ticket's value limit: 5 + 10 shares at $60 = $900 over a $800 limit", async () => {
    h = await openHarness({
      start: ny(DAY, 10, 0),
      script: { KO: [{ at: ny(DAY, 10, 0) - MIN, bid: 59.99, ask: 60.01, last: 60 }] },
      portfolioConfig: { risk: { maxPositionValue: 800 } },
    });
    const p = h.addPosition('KO', 10_000, { shares: 5 });
    expect(await ticket(p.id, 'BUY', 10)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Order refused by the risk limits: the position would be worth $900.00; the limit is $800.00',
    });
    expect(h.store.orders.listByPosition(h.tenantId, p.id).map((o) => o.reasons.at(-1))).toEqual([
      'POSITION_VALUE_LIMIT',
    ]);
    // Selling is never limited by size or value.
    expect((await ticket(p.id, 'SELL', 5)).ok).toBe(true);
  });

  it('rebalance to target goes through the validator too', async () => {
    h = await openHarness({
      start: ny(DAY, 10, 0),
      script: { KO: [{ at: ny(DAY, 10, 0) - MIN, bid: 59.99, ask: 60.01, last: 60 }] },
      portfolioConfig: { risk: { maxPositionQty: 12 } },
    });
    const p = h.addPosition('KO', 10_000);
    const r = await rebalanceToTarget(
      h.deps,
      { tenantId: h.tenantId, positionId: p.id, by: 'user (desktop)' },
      OPTIONS,
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(
        /^Order refused by the risk limits: the position would hold \d+ shares; the limit is 12 shares$/,
      ),
    });
    expect(
      h.store.orders.listByPosition(h.tenantId, p.id).map((o) => [o.status, o.reasons[0], o.reasons.at(-1)]),
    ).toEqual([['REJECTED', 'manual_rebalance', 'POSITION_SIZE_LIMIT']]);
    expect(h.notifications.filter((n) => n.kind === 'rejection')).toHaveLength(1);
    h.expectReplayMatches(p.id);
  });

  it('cancel of an open order: order CANCELLED, intent DONE and OrderCancelled together; the worker sends nothing', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const placed = await ticket(p.id, 'BUY', 10);
    if (!placed.ok) throw new Error(placed.message);
    const orderId = (placed.value.order as { id: string }).id;
    const cancelled = cancel(orderId);
    expect(cancelled).toMatchObject({
      ok: true,
      value: {
        order: { status: 'CANCELLED' },
        event: {
          type: 'OrderCancelled',
          payload: { orderId, reason: 'cancelled by user (desktop): changed my mind' },
        },
      },
    });
    expect(h.store.orders.get(h.tenantId, orderId)?.status).toBe('CANCELLED');
    expect(h.store.intents.getByOrder(h.tenantId, orderId)?.status).toBe('DONE');
    expect((await h.drain()).outcomes).toEqual([]);
    expect(h.store.trades.listByPosition(h.tenantId, p.id)).toEqual([]);
    expect(h.position(p.id)).toMatchObject({ qty: 0, cashCents: 1_000_000 });
    // Cancelled once: a second cancel says so and writes nothing.
    const events = h.events(p.id).length;
    expect(cancel(orderId)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'The order to buy 10 shares is already cancelled: nothing to cancel',
    });
    expect(h.events(p.id)).toHaveLength(events);
    // The position may trade again.
    expect((await ticket(p.id, 'BUY', 10)).ok).toBe(true);
    h.expectReplayMatches(p.id);
  });

  it('cancel after the fill is refused with a message, and nothing changes', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const placed = await ticket(p.id, 'BUY', 10);
    if (!placed.ok) throw new Error(placed.message);
    await h.drain();
    const events = h.events(p.id).length;
    const orderId = (placed.value.order as { id: string }).id;
    expect(cancel(orderId)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'The order to buy 10 shares is already filled: nothing to cancel',
    });
    expect(h.events(p.id)).toHaveLength(events);
    expect(h.store.orders.get(h.tenantId, orderId)?.status).toBe('FILLED');
    expect(h.position(p.id).qty).toBe(10);
  });

  it('cancel while the worker holds the intent is refused; between retries it cancels', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const placed = await ticket(p.id, 'BUY', 10);
    if (!placed.ok) throw new Error(placed.message);
    const orderId = (placed.value.order as { id: string }).id;
    const [claimed] = h.store.uow.transaction(() =>
      h.store.intents.claimDue(h.tenantId, h.clock.now(), 60_000, 10),
    );
    expect(cancel(orderId)).toMatchObject({
      ok: false,
      message: 'The order to buy 10 shares is being sent to the broker right now: look again in a moment',
    });
    // The attempt fails (provider down): FAILED, waiting for its retry — now it can be cancelled.
    h.store.uow.transaction(() =>
      h.store.intents.markFailed(h.tenantId, (claimed as { id: string }).id, 'provider down', h.clock.now()),
    );
    expect(h.store.intents.getByOrder(h.tenantId, orderId)?.status).toBe('FAILED');
    expect(cancel(orderId).ok).toBe(true);
    expect(h.store.intents.getByOrder(h.tenantId, orderId)?.status).toBe('DONE');
    h.clock.set(h.clock.now() + 60 * MIN);
    expect((await h.drain()).outcomes).toEqual([]);
  });

  it('evaluate now: one position through a tick’s evaluation, under its own id, with its words', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    const other = h.addPosition('PEP', 5_000);
    const first = await evaluatePositionNow(h.deps, { tenantId: h.tenantId, positionId: p.id }, OPTIONS);
    expect(first).toMatchObject({
      ok: true,
      value: {
        order: { side: 'BUY', qty: 83, status: 'NEW' },
        words:
          'BUY 83 at $60.00 — initial allocation (the anchor is not set yet); quantity rounded to the step/lot',
      },
    });
    if (!first.ok) return;
    expect(first.value.evaluation.correlationId).toMatch(/^manual:/);
    // Only that position was evaluated.
    expect(h.events(other.id).filter((e) => e.type === 'EvaluationEvent')).toEqual([]);
    // Again while its order is open: a SKIP that says why.
    const again = await evaluatePositionNow(h.deps, { tenantId: h.tenantId, positionId: p.id }, OPTIONS);
    expect(again).toMatchObject({
      ok: true,
      value: {
        order: null,
        words: expect.stringMatching(
          /^SKIP at \$60\.00 — order .* \(buy 83\) is still new: no new order until it completes$/,
        ),
      },
    });
    await h.drain();
    const held = await evaluatePositionNow(h.deps, { tenantId: h.tenantId, positionId: p.id }, OPTIONS);
    expect(held).toMatchObject({
      ok: true,
      value: {
        order: null,
        words: 'HOLD at $60.00 — inside the trigger band (buy at or below $58.20, sell at or above $61.82)',
      },
    });
    // A closed market is a HOLD with its reason, written like any evaluation.
    h.clock.set(ny('2024-06-01', 12, 0));
    expect(
      await evaluatePositionNow(h.deps, { tenantId: h.tenantId, positionId: p.id }, OPTIONS),
    ).toMatchObject({
      ok: true,
      value: { words: 'HOLD — market closed' },
    });
    h.expectReplayMatches(p.id);
  });

  it('evaluate now refuses a paused position', async () => {
    await atPrice(60);
    const p = h.addPosition('KO', 10_000);
    h.store.uow.transaction(() => undefined);
    expect(pausePosition(h.ledgerDeps, { tenantId: h.tenantId, positionId: p.id, by: 'me' }).ok).toBe(true);
    expect(await evaluatePositionNow(h.deps, { tenantId: h.tenantId, positionId: p.id }, OPTIONS)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'KO is paused: resume it to evaluate it',
    });
  });
});
