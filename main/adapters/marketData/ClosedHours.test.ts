import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marketSessionAt } from '../../../shared/domain/calendar';
import { ny } from '../../jobs/testing/liveHarness';
import { closedStretchAtOrAfter, openTimeBetween, skippedSlotsBetween } from './ClosedHours';
import { ReplayClock } from './ReplayClock';

const MIN = 60_000;

describe('the closed hours the demo skips', () => {
  it.each([
    [
      'during a session: the night after it',
      ny('2020-02-20', 11, 0),
      ny('2020-02-20', 16, 10),
      ny('2020-02-21', 9, 20),
    ],
    [
      'just after the close: the coming night',
      ny('2020-02-20', 16, 5),
      ny('2020-02-20', 16, 10),
      ny('2020-02-21', 9, 20),
    ],
    ['inside the night', ny('2020-02-20', 23, 0), ny('2020-02-20', 16, 10), ny('2020-02-21', 9, 20)],
    [
      'Friday evening: the whole weekend',
      ny('2020-02-21', 18, 0),
      ny('2020-02-21', 16, 10),
      ny('2020-02-24', 9, 20),
    ],
    ['before a holiday Monday', ny('2020-02-14', 17, 0), ny('2020-02-14', 16, 10), ny('2020-02-18', 9, 20)],
    [
      'just before the open: the night after the session',
      ny('2020-02-21', 9, 25),
      ny('2020-02-21', 16, 10),
      ny('2020-02-24', 9, 20),
    ],
  ])('%s', (_name, at, start, end) => {
    expect(closedStretchAtOrAfter(at)).toEqual({ start, end });
  });

  it('a stretch never holds an instant of a regular session', () => {
    fc.assert(
      fc.property(fc.integer({ min: ny('2019-01-02', 0, 0), max: ny('2021-12-30', 0, 0) }), (v) => {
        const s = closedStretchAtOrAfter(v);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeGreaterThan(v);
        for (const t of [s.start, s.end - 1, Math.floor((s.start + s.end) / 2)])
          expect(marketSessionAt(t)).not.toBe('REGULAR');
      }),
      { numRuns: 200 },
    );
  });

  it('counts the market time and the skipped slots between two instants', () => {
    // Thursday 15:00 → Friday 10:00: 70 min to 16:10, then 40 min from 09:20.
    expect(openTimeBetween(ny('2020-02-20', 15, 0), ny('2020-02-21', 10, 0))).toBe(110 * MIN);
    // Ticks at 16:05 and 09:20: every slot between them was skipped on purpose (16:10 … 09:15).
    const between = (ny('2020-02-21', 9, 20) - ny('2020-02-20', 16, 5)) / (5 * MIN) - 1;
    expect(skippedSlotsBetween(ny('2020-02-20', 16, 5), ny('2020-02-21', 9, 20), 5 * MIN)).toBe(between);
    expect(skippedSlotsBetween(ny('2020-02-20', 10, 0), ny('2020-02-20', 11, 0), 5 * MIN)).toBe(0);
  });
});

describe('ReplayClock skipping closed hours', () => {
  const start = ny('2020-02-20', 9, 20);
  const clockAt = (real: { t: number }) =>
    new ReplayClock({
      startReal: 0,
      startVirtual: start,
      speed: 300,
      realClock: { now: () => real.t },
      skipClosedHours: true,
    });

  it('plays a session at speed and jumps the night', () => {
    const real = { t: 0 };
    const clock = clockAt(real);
    expect(clock.now()).toBe(start);
    real.t = 1000; // 300 s of market time
    expect(clock.now()).toBe(start + 5 * MIN);
    // 09:20 → 16:10 is 410 min = 82 s real; one more second lands at Friday 09:20 + 5 min.
    real.t = 82_000;
    expect(clock.now()).toBe(ny('2020-02-21', 9, 20));
    real.t = 83_000;
    expect(clock.now()).toBe(ny('2020-02-21', 9, 25));
    // The weekend: Friday's session then Monday.
    real.t = 82_000 * 2 + 1000;
    expect(clock.now()).toBe(ny('2020-02-24', 9, 25));
  });

  it('names the real instant of a virtual one, a skipped one at its jump', () => {
    const real = { t: 0 };
    const clock = clockAt(real);
    expect(clock.realInstantOf(start + 5 * MIN)).toBe(1000);
    expect(clock.realInstantOf(ny('2020-02-20', 20, 0))).toBe(82_000);
    expect(clock.realInstantOf(ny('2020-02-21', 9, 25))).toBe(83_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 86_400_000 }), (offset) => {
        real.t = clock.realInstantOf(start + offset);
        expect(clock.now()).toBeGreaterThanOrEqual(start + offset);
      }),
      { numRuns: 300 },
    );
  });

  it('resumed at night (a saved clock), it jumps to the next morning at once', () => {
    const clock = new ReplayClock({
      startReal: 0,
      startVirtual: ny('2020-02-21', 22, 0),
      speed: 300,
      realClock: { now: () => 0 },
      skipClosedHours: true,
    });
    expect(clock.now()).toBe(ny('2020-02-24', 9, 20));
  });
});
