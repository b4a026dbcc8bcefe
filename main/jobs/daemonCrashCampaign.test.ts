import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnTs, waitForLine } from '../db/testing/childProcess';
import { ledgerProblems } from '../db/testing/ledgerInvariants';
import { openTestStore, removeDir, tempDir } from '../db/testing/testDatabase';

const CHILD = path.join(__dirname, 'testing', 'daemonCrashChild.ts');
const dir = tempDir('vb-daemon-crash-');
afterAll(() => removeDir(dir));

/** Kills wanted; the campaign stops earlier when its time budget is spent (a loaded machine starts slowly). */
const KILLS = 30;
const BUDGET_MS = 50_000;
const MIN_KILLS = 3;

/**
 * Issue 19's crash campaign, bounded: the headless daemon on the demo's replay provider (fast virtual
 * clock, the demo portfolio, ticks and fills) is SIGKILLed at random moments, again and again. After every
 * kill the database must hold: no order filled twice, no intent with two fills, every position equal to
 * the replay of its events and to its last snapshot, the hash chain verifying, and the virtual clock never
 * gone back (the clock file whole and not earlier, nothing recorded earlier than before the kill).
 */
describe('crash campaign: the headless daemon killed at random moments', () => {
  it('keeps every invariant after each SIGKILL', async () => {
    const file = path.join(dir, 'demo.db');
    const clockFile = path.join(dir, 'demo-clock.json');
    const started = Date.now();
    let kills = 0;
    let lastClock = 0;
    let lastRecorded = 0;
    let lastEventId = '';
    let firstEvents = -1;
    let events = 0;
    let fills = 0;
    while (kills < KILLS && (kills < MIN_KILLS || Date.now() - started < BUDGET_MS)) {
      // The first start replays from a volatile week (trades at once); later starts resume its clock.
      const child = spawnTs(CHILD, kills === 0 ? [dir, '2020-03-09'] : [dir]);
      try {
        await waitForLine(child, /^READY/, 45_000);
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1000)));
      } finally {
        child.kill('SIGKILL');
        await exited(child);
      }
      expect(child.signalCode).toBe('SIGKILL');
      kills += 1;

      // The clock file is whole and never earlier than before.
      // (Missing only until the first tick's end was written: a kill may land before it.)
      if (fs.existsSync(clockFile)) {
        const clock = (JSON.parse(fs.readFileSync(clockFile, 'utf8')) as { virtualNow: number }).virtualNow;
        expect(clock).toBeGreaterThanOrEqual(lastClock);
        lastClock = clock;
      } else expect(lastClock).toBe(0);

      const t = await openTestStore(file);
      try {
        const tenantId = t.store.tenants.listAll()[0]?.id ?? '';
        expect(ledgerProblems(t.store, tenantId), `after kill ${kills}`).toEqual([]);
        const all = t.store.events.listByTenant(tenantId);
        // Nothing written after a restart is dated before what was written before the kill.
        const added = all.filter((e) => e.id > lastEventId);
        for (const e of added) expect(e.recordedAt, `${e.type} ${e.id}`).toBeGreaterThanOrEqual(lastRecorded);
        lastRecorded = Math.max(lastRecorded, ...all.map((e) => e.recordedAt));
        lastEventId = all.at(-1)?.id ?? lastEventId;

        const filled = all.filter((e) => e.type === 'OrderFilled');
        const byOrder = new Map<string, number>();
        for (const e of filled) {
          const orderId = (e.payload as { orderId: string }).orderId;
          byOrder.set(orderId, (byOrder.get(orderId) ?? 0) + 1);
        }
        expect(
          [...byOrder].filter(([, n]) => n > 1),
          'orders filled twice',
        ).toEqual([]);
        const intentOf = new Map(
          all
            .filter((e) => e.type === 'OrderIntentCreated')
            .map((e) => {
              const p = e.payload as { orderId: string; intentId: string };
              return [p.orderId, p.intentId] as const;
            }),
        );
        const fillsByIntent = new Map<string, number>();
        for (const [orderId, n] of byOrder) {
          const intentId = intentOf.get(orderId) ?? `order ${orderId}`;
          fillsByIntent.set(intentId, (fillsByIntent.get(intentId) ?? 0) + n);
        }
        expect(
          [...fillsByIntent].filter(([, n]) => n > 1),
          'intents with two fills',
        ).toEqual([]);
        if (firstEvents < 0) firstEvents = all.length;
        events = all.length;
        fills = filled.length;
      } finally {
        t.close();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `daemon crash campaign: ${kills} SIGKILLs in ${seconds.toFixed(1)} s; ${events} events, ${fills} fills`,
    );
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(events).toBeGreaterThan(firstEvents); // the daemon kept trading between kills
  }, 240_000);
});
