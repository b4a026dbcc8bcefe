import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnTs, waitForLine } from './testing/childProcess';
import { ledgerProblems } from './testing/ledgerInvariants';
import { openTestStore, removeDir, tempDir } from './testing/testDatabase';

const CHILD = path.join(__dirname, 'testing', 'crashChild.ts');
const BATCH_SIZE = 20;
const dir = tempDir('vb-crash-');
afterAll(() => removeDir(dir));

/**
 * A child writes continuously and is SIGKILLed at a random moment, again and again. Every time the
 * database opens (the writer lock died with the child), passes quick_check, every position's row equals
 * its replay and its last PositionUpdated, the chain verifies, and no transaction is half visible:
 * fills have both their trade row and their event, one-cent batches are whole.
 */
describe('crash safety', () => {
  it('survives SIGKILL at random points with every invariant intact', async () => {
    const file = path.join(dir, 'crash.db');
    let previousEvents = 0;
    const rounds = 12;
    for (let round = 0; round < rounds; round += 1) {
      const child = spawnTs(CHILD, [file, String(BATCH_SIZE)]);
      try {
        await waitForLine(child, /^READY/);
        await new Promise((r) => setTimeout(r, 30 + Math.floor(Math.random() * 250)));
      } finally {
        child.kill('SIGKILL');
        await exited(child);
      }
      expect(child.signalCode).toBe('SIGKILL');

      const t = await openTestStore(file);
      try {
        expect(t.db.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
        const tenants = t.store.tenants.listAll();
        expect(tenants).toHaveLength(1);
        const tenantId = tenants[0]?.id ?? '';
        expect(ledgerProblems(t.store, tenantId)).toEqual([]);

        const events = t.store.events.listByTenant(tenantId);
        expect(events.length).toBeGreaterThan(previousEvents); // the child got to write each round
        previousEvents = events.length;

        const fills = events.filter((e) => e.type === 'OrderFilled');
        const trades = t.db.sqlite.prepare('SELECT id FROM trades WHERE tenant_id = ?').all(tenantId) as {
          id: string;
        }[];
        expect(trades.map((r) => r.id).sort()).toEqual(
          fills.map((e) => (e.payload as { tradeId: string }).tradeId).sort(),
        );
        const cents = events.filter(
          (e) => e.type === 'CashDeposited' && (e.payload as { amountCents: number }).amountCents === 1,
        );
        expect(cents.length % BATCH_SIZE).toBe(0);
      } finally {
        t.close();
      }
    }
  }, 60_000);
});
