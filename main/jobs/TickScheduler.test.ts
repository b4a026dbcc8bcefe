import { afterEach, describe, expect, it } from 'vitest';
import { recordSkippedTick } from '../../shared/application/trading/runTick';
import { SILENT_LOGGER } from '../../shared/ports/Logger';
import { settle, VirtualClock } from '../adapters/clock/VirtualClock';
import { TickScheduler } from './TickScheduler';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

const iso = (t: number) => new Date(t).toISOString();
const T0 = ny('2024-06-03', 9, 2) + 30_000; // 09:02:30

function recorder(clock: VirtualClock, runTick: (id: string) => Promise<void> = async () => undefined) {
  const ran: string[] = [];
  const skipped: { tickId: string; why: string }[] = [];
  const scheduler = new TickScheduler({
    clock,
    logger: SILENT_LOGGER,
    runTick: async (id) => {
      ran.push(id);
      await runTick(id);
    },
    onSkipped: (tickId, why) => skipped.push({ tickId, why }),
  });
  return { scheduler, ran, skipped };
}

describe('TickScheduler on a virtual clock', () => {
  it('fires at each 5-minute boundary of the clock, starting with the next one', async () => {
    const clock = new VirtualClock(T0);
    const { scheduler, ran } = recorder(clock);
    scheduler.start();
    expect(scheduler.nextTickAt()).toBe(ny('2024-06-03', 9, 5));
    await clock.advanceTo(ny('2024-06-03', 9, 21));
    expect(ran).toEqual(
      [9 * 60 + 5, 9 * 60 + 10, 9 * 60 + 15, 9 * 60 + 20].map((m) => iso(ny('2024-06-03', 0, 0) + m * MIN)),
    );
    await scheduler.stop();
    expect(scheduler.nextTickAt()).toBeNull();
  });

  it('a tick still running when the next is due makes that one skip: ticks never overlap', async () => {
    const clock = new VirtualClock(T0);
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let active = 0;
    let maxActive = 0;
    const { scheduler, ran, skipped } = recorder(clock, async (id) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      if (id === iso(ny('2024-06-03', 9, 5))) await slow;
      active -= 1;
    });
    scheduler.start();
    await clock.advanceTo(ny('2024-06-03', 9, 16));
    expect(scheduler.tickInProgress()).toBe(iso(ny('2024-06-03', 9, 5)));
    release();
    await settle(); // the 09:05 tick finishes at 09:16
    await clock.advanceTo(ny('2024-06-03', 9, 21));
    expect(ran).toEqual([iso(ny('2024-06-03', 9, 5)), iso(ny('2024-06-03', 9, 20))]);
    expect(skipped.map((s) => s.tickId)).toEqual([
      iso(ny('2024-06-03', 9, 10)),
      iso(ny('2024-06-03', 9, 15)),
    ]);
    expect(skipped[0]?.why).toMatch(/still running/);
    expect(maxActive).toBe(1);
    await scheduler.stop();
  });

  it('paused: due ticks are recorded as skipped; a manual tick waits for the running one', async () => {
    const clock = new VirtualClock(T0);
    const { scheduler, ran, skipped } = recorder(clock);
    scheduler.start();
    scheduler.pause();
    await clock.advanceTo(ny('2024-06-03', 9, 6));
    expect(skipped).toEqual([{ tickId: iso(ny('2024-06-03', 9, 5)), why: 'trading is paused' }]);
    scheduler.resume();
    await clock.advanceTo(ny('2024-06-03', 9, 11));
    expect(ran).toEqual([iso(ny('2024-06-03', 9, 10))]);
    const order: string[] = [];
    const first = scheduler.exclusive('a', async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('a');
    });
    const second = scheduler.exclusive('b', async () => {
      order.push('b');
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['a', 'b']);
    await scheduler.stop();
  });

  it('a timer that wakes early for a slot already run does nothing', async () => {
    const clock = new VirtualClock(ny('2024-06-03', 9, 5));
    const { scheduler, ran } = recorder(clock);
    await scheduler.fire();
    await scheduler.fire();
    expect(ran).toEqual([iso(ny('2024-06-03', 9, 5))]);
  });
});

describe('missed ticks after sleep or downtime', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('are counted in one TickCompleted, not replayed; skipped ticks are facts too', async () => {
    h = await openHarness({ start: T0, script: {} });
    h.addPosition('AAPL', 10_000);
    const { scheduler, ran } = recorder(h.clock, async (id) => {
      await h.tick(id);
    });
    scheduler.start();
    await h.clock.advanceTo(ny('2024-06-03', 9, 6)); // the 09:05 tick
    h.clock.set(ny('2024-06-03', 11, 7)); // the laptop slept two hours: no timer ran
    await h.clock.advanceTo(ny('2024-06-03', 11, 8)); // the overdue timer fires once, for 11:05
    expect(ran).toEqual([iso(ny('2024-06-03', 9, 5)), iso(ny('2024-06-03', 11, 5))]);
    recordSkippedTick(h.deps, iso(ny('2024-06-03', 11, 10)), 'previous tick still running');
    h.clock.set(ny('2024-06-03', 11, 15));
    await scheduler.fire();
    await scheduler.stop();

    const completed = h.store.events
      .listByTenant(h.tenantId, { types: ['TickCompleted'] })
      .map((e) =>
        e.type === 'TickCompleted'
          ? [e.payload.tickId.slice(11, 16), e.payload.missedTicks, e.payload.skipped]
          : [],
      );
    expect(completed).toEqual([
      ['13:05', 0, false],
      ['15:05', 23, false],
      ['15:10', 0, true],
      ['15:15', 0, false],
    ]);
    // Nothing was evaluated for the missed slots.
    expect(h.store.events.listByTenant(h.tenantId, { types: ['EvaluationEvent'] })).toHaveLength(3);
  });
});
