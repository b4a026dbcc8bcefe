import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnTs, waitForLine } from '../db/testing/childProcess';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { MIN, ny, openHarness } from './testing/liveHarness';

const CHILD = path.join(__dirname, 'testing', 'fillCrashChild.ts');
const T = ny('2024-06-03', 10, 0);
const dir = tempDir('vb-fill-crash-');
afterAll(() => removeDir(dir));

/**
 * SPEC 4.2 under SIGKILL: the worker dies while filling. On restart the intent comes back after its
 * lease, the order fills exactly once, no intent is lost, and the position equals its replay.
 */
describe('the worker killed with SIGKILL while filling', () => {
  it.each(['in-fill-transaction', 'after-submit'] as const)(
    '%s: no double fill, no lost intent',
    async (mode) => {
      const file = path.join(dir, `${mode}.db`);
      const setup = await openHarness({
        file,
        start: T,
        script: { AAPL: [{ at: T - MIN, bid: 99.99, ask: 100.01, last: 100 }] },
      });
      const aapl = setup.addPosition('AAPL', 100_000);
      await setup.tick();
      setup.close();

      const child = spawnTs(CHILD, [file, String(T + MIN), mode]);
      try {
        await waitForLine(child, mode === 'after-submit' ? /^SUBMITTED/ : /^IN_FILL_TRANSACTION/);
      } finally {
        child.kill('SIGKILL');
        await exited(child);
      }
      expect(child.signalCode).toBe('SIGKILL');

      const h = await openHarness({
        file,
        start: T + 2 * MIN,
        script: { AAPL: [{ at: T + MIN, bid: 99.99, ask: 100.01, last: 100 }] },
      });
      try {
        const [order] = h.store.orders.listByPosition(h.tenantId, aapl.id);
        if (!order) throw new Error('order lost');
        expect(order.status).toBe('SUBMITTED'); // the fill transaction never committed
        expect(h.store.trades.listByOrder(h.tenantId, order.id)).toHaveLength(0);
        expect(h.store.intents.getByOrder(h.tenantId, order.id)).toMatchObject({
          status: 'PROCESSING',
          attempts: 1,
        });

        expect(await h.drain()).toEqual({ released: 0, outcomes: [] }); // still leased to the dead worker
        h.clock.set(T + 2 * MIN + 60_000);
        const drained = await h.drain();
        expect(drained.released).toBe(1);
        expect(drained.outcomes.map((o) => o.kind)).toEqual(['filled']);
        expect(h.store.trades.listByOrder(h.tenantId, order.id)).toHaveLength(1);
        expect(h.store.intents.getByOrder(h.tenantId, order.id)).toMatchObject({
          status: 'DONE',
          attempts: 2,
        });
        expect(h.events(aapl.id).filter((e) => e.type === 'OrderFilled')).toHaveLength(1);
        h.expectReplayMatches(aapl.id);
        expect(h.store.events.verifyChain(h.tenantId)).toMatchObject({ ok: true });
      } finally {
        h.close();
      }
    },
  );
});
