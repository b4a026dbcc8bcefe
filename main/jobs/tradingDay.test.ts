import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { TickScheduler } from './TickScheduler';
import { MIN, ny, openHarness, pricePath, type Harness } from './testing/liveHarness';

/** A compact, readable form of a position's event stream: consecutive repeats collapsed with a count. */
function story(events: readonly DomainEvent[]): string[] {
  const lines: string[] = [];
  let last = '';
  let count = 0;
  const flush = () => {
    if (count > 0) lines.push(count > 1 ? `${last} ×${count}` : last);
  };
  for (const e of events) {
    let line: string = e.type;
    if (e.type === 'EvaluationEvent')
      line = `Eval ${e.payload.action}${e.payload.reasons.length ? ` [${e.payload.reasons.join(',')}]` : ''}`;
    if (e.type === 'OrderFilled') line = `Filled ${e.payload.side} ${e.payload.qty} @ ${e.payload.price}`;
    if (e.type === 'AnchorUpdated') line = `Anchor ${e.payload.from} → ${e.payload.to}`;
    if (line === last) count += 1;
    else {
      flush();
      last = line;
      count = 1;
    }
  }
  flush();
  return lines;
}

describe('a whole scripted trading day on the virtual clock (Mon 2024-06-03)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('crosses triggers, fills orders, moves anchors, logs a HOLD at every other tick, in order', async () => {
    const day = '2024-06-03';
    const open = ny(day, 9, 30);
    // 100 at the open; 96.50 at 10:05 (≤ 97 % of the anchor: BUY); 99.50 at 11:05 (≥ 103 % of 96.51: SELL).
    const prices = [
      ...Array<number>(7).fill(100), // 09:30 … 10:00
      ...Array<number>(12).fill(96.5), // 10:05 … 11:00
      ...Array<number>(60).fill(99.5), // 11:05 … 16:00
    ];
    h = await openHarness({
      start: ny(day, 9, 0),
      script: { AAPL: [{ at: ny(day, 8, 0), bid: 99.9, ask: 100.1, last: 100 }, ...pricePath(open, prices)] },
    });
    const aapl = h.addPosition('AAPL', 100_000);

    const scheduler = new TickScheduler({
      clock: h.clock,
      logger: h.logger,
      runTick: async (tickId) => {
        await h.tick(tickId);
        await h.drain();
      },
      onSkipped: () => {
        throw new Error('no tick may be skipped in this test');
      },
    });
    const ticks: string[] = [];
    for (let t = ny(day, 9, 0); t <= ny(day, 16, 10); t += 5 * MIN) {
      h.clock.set(t);
      await scheduler.fire();
      ticks.push(new Date(t).toISOString());
    }

    expect(story(h.events(aapl.id))).toEqual([
      'PositionOpened',
      'PositionUpdated',
      'Eval HOLD [market_closed] ×6', // 09:00 … 09:25: extended hours, not allowed
      'Eval BUY [anchor_unset]', // 09:30: initial allocation to 50 %
      'OrderIntentCreated',
      'Filled BUY 500 @ 100.01', // at the ask
      'Anchor null → 100.01',
      'PositionUpdated',
      'Eval HOLD [no_trigger] ×6',
      'Eval BUY [qty_rounded]', // 10:05: SPEC 2.9's first example, at anchor 100.01
      'OrderIntentCreated',
      'Filled BUY 61 @ 96.51',
      'Anchor 100.01 → 96.51',
      'PositionUpdated',
      'Eval HOLD [no_trigger] ×11',
      'Eval SELL [qty_rounded]', // 11:05
      'OrderIntentCreated',
      'Filled SELL 50 @ 99.49', // at the bid
      'Anchor 96.51 → 99.49',
      'PositionUpdated',
      'Eval HOLD [no_trigger] ×58', // 11:10 … 15:55
      'Eval HOLD [market_closed] ×3', // 16:00 … 16:10
    ]);

    // One TickCompleted per tick, none missed or skipped; an EvaluationEvent per position per tick.
    const completed = h.store.events.listByTenant(h.tenantId, { types: ['TickCompleted'], limit: 10_000 });
    expect(completed.map((e) => (e.type === 'TickCompleted' ? e.payload.tickId : ''))).toEqual(ticks);
    expect(
      completed.every((e) => e.type === 'TickCompleted' && !e.payload.skipped && e.payload.missedTicks === 0),
    ).toBe(true);

    const row = h.position(aapl.id);
    expect(row.qty).toBe(511);
    // 100 000 − (50 005 + 5.00) − (5 887.11 + 0.59) + (4 974.50 − 0.50)
    expect(row.cashCents).toBe(4_907_630);
    expect(row.anchor).toBe(99.49);
    expect(h.store.trades.listByPosition(h.tenantId, aapl.id)).toHaveLength(3);
    h.expectReplayMatches(aapl.id);
    expect(h.notifications.map((n) => n.title)).toEqual([
      'Bought 500 AAPL at $100.01',
      'Bought 61 AAPL at $96.51',
      'Sold 50 AAPL at $99.49',
    ]);
    // The one formatter in toasts too: money with its currency and separators, never a raw float.
    expect(h.notifications[0]?.body).toBe('Notional $50,005.00, commission $5.00; anchor now $100.01.');
    expect(h.store.events.verifyChain(h.tenantId)).toMatchObject({ ok: true });
  });
});
