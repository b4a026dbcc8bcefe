import { afterEach, describe, expect, it } from 'vitest';
import { runTick } from '../../shared/application/trading/runTick';
import { slotTickId } from '../../shared/application/trading/tickId';
import { skippedSlotsBetween } from '../adapters/marketData/ClosedHours';
import { ny, openHarness, pricePath, type Harness } from './testing/liveHarness';

describe('the demo skips closed hours: the slots it jumps are not missed ticks', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function twoTicks(skip: boolean): Promise<number> {
    const close = ny('2020-02-20', 16, 5);
    h = await openHarness({ start: close, script: { KO: pricePath(close - 60_000, [60]) } });
    h.addPosition('KO', 1000);
    const options = { quoteTimeoutMs: 200, ...(skip ? { skippedSlots: skippedSlotsBetween } : {}) };
    await runTick(h.deps, slotTickId(close), options);
    const morning = ny('2020-02-21', 9, 20);
    h.clock.set(morning);
    const result = await runTick(h.deps, slotTickId(morning), options);
    return result.tenants[0]?.missedTicks ?? -1;
  }

  it('a night jumped by the demo: no tick missed', async () => {
    expect(await twoTicks(true)).toBe(0);
  });

  it('the same night with the app asleep: every slot missed', async () => {
    expect(await twoTicks(false)).toBe(206); // 16:10 … 09:15
  });
});
