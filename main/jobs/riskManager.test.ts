import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listTradingHalts, resumeTrading } from '../../shared/application/risk/tradingHalts';
import { evaluatePositionNow } from '../../shared/application/trading/evaluatePositionNow';
import { placeManualOrder, rebalanceToTarget } from '../../shared/application/trading/manualOrders';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { must, ny, openHarness, type Harness, type HarnessOptions } from './testing/liveHarness';

/**
 * The risk manager in the live loop on scripted days (SPEC 9, issue 17): a real SQLite file, the
 * orchestrator's tick, the execution worker with the paper broker, and the app's references (accounting
 * over the store, closes from the loop's own quote log).
 */
describe('risk manager in the live loop', () => {
  let h: Harness;
  const dirs: string[] = [];
  afterEach(() => {
    h?.close();
    for (const d of dirs.splice(0)) removeDir(d);
  });

  const day1 = '2024-06-03';
  const day2 = '2024-06-04';
  /** A quote at each time, bid/ask a cent around the price. */
  const at = (t: number, p: number) => ({ at: t, bid: p - 0.01, ask: p + 0.01, last: p });
  /** Wide bands: the strategy itself does not trade after the initial allocation (only the risk rules act). */
  const quiet = { trigger: { upThreshold: 0.5, downThreshold: 0.5 } };

  async function runAt(t: number) {
    h.clock.set(t);
    const r = await h.tick();
    await h.drain();
    return r;
  }

  const riskExits = (positionId: string) =>
    h.events(positionId).filter((e): e is DomainEvent<'RiskExit'> => e.type === 'RiskExit');

  it('a trailing stop fires once: sells every share, pauses the position, unsets its anchor, notifies', async () => {
    const script = {
      KO: [
        at(ny(day1, 10, 0), 100),
        at(ny(day1, 15, 55), 110), // day 1 closes at 110: the highest close
        at(ny(day2, 10, 0), 100), // 100 > 110 × 0.9 = 99: holds
        at(ny(day2, 10, 5), 98.9), // ≤ 99: the trailing stop fires
        at(ny(day2, 10, 10), 90),
      ],
    };
    h = await openHarness({
      start: ny(day1, 10, 0),
      script,
      risk: true,
      portfolioConfig: { ...quiet, risk: { trailingStopPct: 0.1 } },
    });
    const ko = h.addPosition('KO', 100_000);
    await runAt(ny(day1, 10, 0));
    const held = h.position(ko.id).qty;
    expect(held).toBeGreaterThan(0);
    await runAt(ny(day1, 15, 55));
    await runAt(ny(day2, 10, 0));
    expect(riskExits(ko.id)).toHaveLength(0);

    h.clock.set(ny(day2, 10, 5));
    const fired = await h.tick();
    expect(fired.tenants[0]?.riskExits).toHaveLength(1);
    const exit = riskExits(ko.id)[0] as DomainEvent<'RiskExit'>;
    expect(exit.payload).toMatchObject({ reason: 'trailing_stop', qty: held, price: 98.9, reference: 110 });
    expect(exit.payload.stopPrice).toBeCloseTo(99, 10);
    // Same transaction as the intent: the order, its intent and the pause are all there before the fill.
    const exitOrder = h.store.orders.get(h.tenantId, exit.payload.orderId);
    expect(exitOrder).toMatchObject({ side: 'SELL', qty: held, status: 'NEW', reasons: ['trailing_stop'] });
    expect(exit.correlationId).toBe(exitOrder?.tickId);
    expect(h.position(ko.id).status).toBe('PAUSED');
    const note = h.notifications.find((n) => n.kind === 'riskExit');
    expect(note?.title).toBe('Risk exit: trailing stop sold 500 shares of KO');
    expect(note?.body).toContain(
      '$98.90 is at or below the trailing stop $99.00 (highest close $110.00 − 10 %)',
    );

    await h.drain();
    const after = h.position(ko.id);
    expect(after).toMatchObject({ qty: 0, anchor: null, status: 'PAUSED' });
    expect(h.store.orders.get(h.tenantId, exit.payload.orderId)?.status).toBe('FILLED');

    // Later ticks: the paused position is not evaluated; nothing fires twice.
    await runAt(ny(day2, 10, 10));
    expect(riskExits(ko.id)).toHaveLength(1);
    const sells = h.store.trades.listByPosition(h.tenantId, ko.id).filter((t) => t.side === 'SELL');
    expect(sells.map((t) => t.qty)).toEqual([held]);
    h.expectReplayMatches(ko.id);
  });

  it('the circuit breaker halts the whole portfolio (no order at all) until resumed', async () => {
    const script = {
      KO: [
        at(ny(day1, 10, 0), 100),
        at(ny(day1, 15, 55), 100),
        at(ny(day2, 10, 0), 70), // equity 50,000 + 500 × 70 ≈ 85,000: 15 % below the peak ≈ 100,000
        at(ny(day2, 10, 5), 70),
        at(ny(day2, 10, 15), 66),
      ],
    };
    h = await openHarness({
      start: ny(day1, 10, 0),
      script,
      risk: true,
      // The strategy buys at −3 %: without the halt, the drop to 70 would buy.
      portfolioConfig: { risk: { maxDrawdownPct: 0.1 } },
    });
    const ko = h.addPosition('KO', 100_000);
    await runAt(ny(day1, 10, 0));
    await runAt(ny(day1, 15, 55));

    const halted = await runAt(ny(day2, 10, 0));
    expect(halted.tenants[0]?.halts.map((e) => [e.payload.reason, e.payload.scope])).toEqual([
      ['max_drawdown', 'all'],
    ]);
    expect(halted.tenants[0]?.ordersCreated).toBe(0);
    const evaluation = halted.tenants[0]?.evaluations[0];
    expect(evaluation?.payload.reasons).toContain('trading_halted');
    expect(h.notifications.find((n) => n.kind === 'tradingHalted')?.title).toBe(
      'Trading halted: max-drawdown circuit breaker',
    );
    const deps = { ...h.store, clock: h.clock, ids: h.deps.ids, notifier: h.deps.notifier };
    expect(listTradingHalts(deps, h.tenantId).map((x) => x.state)).toEqual(['halted']);

    // Still halted: one halt event, no order.
    const again = await runAt(ny(day2, 10, 5));
    expect(again.tenants[0]?.halts).toHaveLength(0);
    expect(again.tenants[0]?.ordersCreated).toBe(0);
    expect(h.store.orders.listByPosition(h.tenantId, ko.id)).toHaveLength(1); // the initial allocation only

    const resumed = must(
      resumeTrading(deps, { tenantId: h.tenantId, portfolioId: h.portfolioId, by: 'user' }),
    );
    expect(resumed.payload).toMatchObject({ reason: 'max_drawdown', by: 'user' });
    expect(h.notifications.some((n) => n.kind === 'tradingResumed')).toBe(true);
    expect(listTradingHalts(deps, h.tenantId).map((x) => x.state)).toEqual(['trading']);
    expect(resumeTrading(deps, { tenantId: h.tenantId, portfolioId: h.portfolioId, by: 'user' }).ok).toBe(
      false,
    );

    // Resumed: the drawdown counts from the equity at the resume; the strategy's buy goes through.
    const trading = await runAt(ny(day2, 10, 15));
    expect(trading.tenants[0]?.halts).toHaveLength(0);
    expect(trading.tenants[0]?.ordersCreated).toBe(1);
    h.expectReplayMatches(ko.id);
  });

  it('the daily loss stop allows no buy for the rest of the session, and lapses at the next one', async () => {
    const day3 = '2024-06-05';
    const script = {
      KO: [
        at(ny(day1, 10, 0), 100),
        at(ny(day1, 15, 55), 100),
        at(ny(day2, 10, 0), 90), // equity ≈ 50,000 + 45,000: 5 % below the previous close ≈ 100,000
        at(ny(day2, 11, 0), 90),
        at(ny(day3, 10, 0), 90), // the previous close is now ≈ 95,000: no stop
      ],
    };
    h = await openHarness({
      start: ny(day1, 10, 0),
      script,
      risk: true,
      portfolioConfig: { risk: { dailyLossLimitPct: 0.05 } },
    });
    h.addPosition('KO', 100_000);
    await runAt(ny(day1, 10, 0));
    await runAt(ny(day1, 15, 55));

    const stopped = await runAt(ny(day2, 10, 0));
    expect(
      stopped.tenants[0]?.halts.map((e) => [e.payload.reason, e.payload.scope, e.payload.session]),
    ).toEqual([['daily_loss_stop', 'buys', day2]]);
    expect(stopped.tenants[0]?.ordersCreated).toBe(0);
    expect(stopped.tenants[0]?.evaluations[0]?.payload.reasons).toContain('daily_loss_stop');
    expect(h.notifications.find((n) => n.kind === 'tradingHalted')?.title).toBe(
      'No new buys today: daily loss stop',
    );
    const later = await runAt(ny(day2, 11, 0));
    expect(later.tenants[0]?.halts).toHaveLength(0);
    expect(later.tenants[0]?.ordersCreated).toBe(0);

    const next = await runAt(ny(day3, 10, 0));
    expect(next.tenants[0]?.halts).toHaveLength(0);
    expect(next.tenants[0]?.ordersCreated).toBe(1);
  });

  it('after the daily loss stop a buy asked by hand is refused and recorded, naming the stop; a sell goes', async () => {
    const script = {
      KO: [
        at(ny(day1, 10, 0), 100),
        at(ny(day1, 15, 55), 100),
        at(ny(day2, 10, 0), 90), // ≈ 5 % below the previous close: the daily loss stop fires
        at(ny(day2, 10, 30), 90),
      ],
    };
    h = await openHarness({
      start: ny(day1, 10, 0),
      script,
      risk: true,
      portfolioConfig: { risk: { dailyLossLimitPct: 0.05 } },
    });
    const ko = h.addPosition('KO', 100_000);
    await runAt(ny(day1, 10, 0));
    await runAt(ny(day1, 15, 55));
    const stopped = await runAt(ny(day2, 10, 0));
    expect(stopped.tenants[0]?.halts.map((e) => e.payload.reason)).toEqual(['daily_loss_stop']);

    h.clock.set(ny(day2, 10, 30));
    const by = 'user (desktop)';
    const options = { quoteTimeoutMs: 200 };
    const ticket = await placeManualOrder(
      h.deps,
      { tenantId: h.tenantId, positionId: ko.id, side: 'BUY', qty: 10, by },
      options,
    );
    expect(ticket).toMatchObject({ ok: false, code: 'conflict' });
    const message = ticket.ok ? '' : ticket.message;
    expect(message).toMatch(
      /^Buy refused: No new buys for the rest of the session \(daily loss stop\): .+\. Sells are still allowed\.$/,
    );
    // Rebalance to target after the fall is a buy too: refused the same way.
    const rebalance = await rebalanceToTarget(
      h.deps,
      { tenantId: h.tenantId, positionId: ko.id, by },
      options,
    );
    expect(rebalance).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/daily loss stop/),
    });
    // Recorded as any refusal of an order by hand: REJECTED orders, OrderRejected events, notifications.
    const refused = h.store.orders
      .listByPosition(h.tenantId, ko.id)
      .filter((o) => o.status === 'REJECTED')
      .map((o) => [o.side, o.reasons[0], o.reasons.at(-1)])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(refused).toEqual([
      ['BUY', 'manual_order', 'daily_loss_stop'],
      ['BUY', 'manual_rebalance', 'daily_loss_stop'],
    ]);
    const rejected = h.events(ko.id).filter((e) => e.type === 'OrderRejected');
    expect(rejected.map((e) => e.type === 'OrderRejected' && e.payload.detail)).toContain(message);
    expect(h.notifications.filter((n) => n.kind === 'rejection')).toHaveLength(2);
    expect(h.store.intents.listByStatus(h.tenantId, 'QUEUED', 10)).toEqual([]);
    // Sells stay allowed.
    const sell = await placeManualOrder(
      h.deps,
      { tenantId: h.tenantId, positionId: ko.id, side: 'SELL', qty: 10, by },
      options,
    );
    expect(sell).toMatchObject({ ok: true, value: { order: { side: 'SELL', qty: 10, status: 'NEW' } } });
    h.expectReplayMatches(ko.id);
  });

  it('"evaluate now" on a position of a halted portfolio places no order either', async () => {
    h = await openHarness({ start: ny(day1, 10, 0), script: { KO: [at(ny(day1, 9, 58), 100)] }, risk: true });
    const ko = h.addPosition('KO', 100_000);
    h.store.uow.transaction(() =>
      h.store.events.append(h.tenantId, [
        {
          type: 'TradingHalted',
          tenantId: h.tenantId,
          portfolioId: h.portfolioId,
          positionId: null,
          symbol: null,
          ts: ny(day1, 9, 59),
          correlationId: 'tick',
          payload: {
            reason: 'max_drawdown',
            scope: 'all',
            session: day1,
            equityCents: 1,
            referenceCents: 2,
            limitPct: 0.1,
          },
        },
      ]),
    );
    const r = must(
      await evaluatePositionNow(h.deps, { tenantId: h.tenantId, positionId: ko.id }, { quoteTimeoutMs: 200 }),
    );
    expect(r.order).toBeNull();
    expect(r.evaluation.payload.reasons).toContain('trading_halted');
    expect(h.store.orders.listByPosition(h.tenantId, ko.id)).toHaveLength(0);
  });

  it('a crash between the exit intent and its fill loses nothing and sells once', async () => {
    const dir = tempDir('vb-risk-crash-');
    dirs.push(dir);
    const file = path.join(dir, 'live.db');
    const script = {
      KO: [at(ny(day1, 10, 0), 100), at(ny(day1, 10, 5), 89), at(ny(day1, 10, 30), 88)],
    };
    const options: HarnessOptions = {
      start: ny(day1, 10, 0),
      script,
      file,
      risk: true,
      portfolioConfig: { ...quiet, risk: { positionStopPct: 0.1 } },
    };
    h = await openHarness(options);
    const ko = h.addPosition('KO', 100_000);
    await runAt(ny(day1, 10, 0));
    const held = h.position(ko.id).qty;
    // 89 ≤ average cost (≈ 100.01 with commission) × 0.9: the position stop queues the exit …
    h.clock.set(ny(day1, 10, 5));
    await h.tick();
    expect(riskExits(ko.id)).toHaveLength(1);
    expect(h.store.intents.listByStatus(h.tenantId, 'QUEUED', 10)).toHaveLength(1);
    // … and the process dies before the worker runs.
    h.close();

    h = await openHarness({ ...options, start: ny(day1, 10, 30) });
    expect(h.position(ko.id)).toMatchObject({ status: 'PAUSED', qty: held });
    await h.drain();
    await h.drain();
    await runAt(ny(day1, 10, 30));
    const sells = h.store.trades.listByPosition(h.tenantId, ko.id).filter((t) => t.side === 'SELL');
    expect(sells.map((t) => t.qty)).toEqual([held]);
    expect(h.position(ko.id)).toMatchObject({ qty: 0, anchor: null, status: 'PAUSED' });
    expect(riskExits(ko.id)).toHaveLength(1);
    h.expectReplayMatches(ko.id);
  });
});
