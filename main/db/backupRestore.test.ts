import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPortfolio,
  createPosition,
  createTenant,
  depositCash,
  type Result,
} from '../../shared/application/ledger';
import { backupDatabase, restoreDatabase } from './backupRestore';
import { acquireWriterLock } from './writerLock';
import { ledgerProblems } from './testing/ledgerInvariants';
import { openTestStore, removeDir, type TestStore } from './testing/testDatabase';

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

async function seeded() {
  const t = await openTestStore();
  stores.push(t);
  const tenant = value(createTenant(t.deps, { name: 'Alice' }));
  const portfolio = value(createPortfolio(t.deps, { tenantId: tenant.id, name: 'Core' }));
  const position = value(
    createPosition(t.deps, {
      tenantId: tenant.id,
      portfolioId: portfolio.id,
      symbol: 'AAPL',
      initialCash: 1_000,
    }),
  );
  return { t, tenantId: tenant.id, positionId: position.id };
}

describe('backupDatabase', () => {
  it('takes a consistent copy while writes go on', async () => {
    const { t, tenantId, positionId } = await seeded();
    for (let i = 0; i < 300; i += 1) value(depositCash(t.deps, { tenantId, positionId, amount: 1 }));
    const dest = path.join(t.dir, 'backups', 'copy.db');
    fs.mkdirSync(path.dirname(dest));
    let writes = 0;
    // Trading goes on during the backup (for a while: a writer that never stops outgrows any copy).
    const writer = setInterval(() => {
      if (writes >= 400) return;
      for (let i = 0; i < 20; i += 1) value(depositCash(t.deps, { tenantId, positionId, amount: 0.01 }));
      writes += 20;
    }, 0);
    let result;
    try {
      result = await backupDatabase(t.db, dest, { pagesPerStep: 2 });
    } finally {
      clearInterval(writer);
    }
    expect(result.file).toBe(dest);
    expect(result.pages).toBeGreaterThan(0);
    expect(fs.existsSync(`${dest}.partial`)).toBe(false);

    const copy = await openTestStore(dest);
    stores.push(copy);
    expect(copy.db.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    expect(ledgerProblems(copy.store, tenantId)).toEqual([]);
    expect(writes).toBeGreaterThan(0); // the backup really ran alongside writes
    const copied = copy.store.events.listByTenant(tenantId).length;
    expect(copied).toBeGreaterThan(4 + 2 * 300); // writes made during the backup are in the copy
    expect(copied).toBeLessThanOrEqual(t.store.events.listByTenant(tenantId).length);
  });
});

describe('restoreDatabase', () => {
  it('verifies the candidate, then replaces the target atomically, keeping the old file', async () => {
    const { t, tenantId, positionId } = await seeded();
    const backup = path.join(t.dir, 'good.bak');
    await backupDatabase(t.db, backup);
    value(depositCash(t.deps, { tenantId, positionId, amount: 50 })); // after the backup
    t.close();
    stores.splice(stores.indexOf(t), 1);

    const result = await restoreDatabase(backup, t.file);
    expect(result).toMatchObject({ ok: true, tenants: [{ tenantId, events: 4 }] });
    const moved = result.ok ? result.replacedFileMovedTo : null;
    expect(moved && fs.existsSync(moved)).toBe(true);

    const restored = await openTestStore(t.file);
    stores.push(restored);
    expect(restored.store.positions.get(tenantId, positionId)?.cashCents).toBe(100_000);
    expect(ledgerProblems(restored.store, tenantId)).toEqual([]);
    const old = new Database(moved ?? '', { readonly: true });
    expect((old.prepare('SELECT cash_cents FROM positions').get() as { cash_cents: number }).cash_cents).toBe(
      105_000,
    );
    old.close();
  });

  it('refuses a backup whose event chain was tampered with, and leaves the target alone', async () => {
    const { t, tenantId } = await seeded();
    const backup = path.join(t.dir, 'tampered.bak');
    await backupDatabase(t.db, backup);
    const bad = new Database(backup);
    bad.exec('DROP TRIGGER events_no_update');
    const second = bad
      .prepare('SELECT id FROM events WHERE tenant_id = ? ORDER BY id LIMIT 1 OFFSET 1')
      .get(tenantId) as { id: string };
    bad.prepare("UPDATE events SET payload = '{}' WHERE id = ?").run(second.id);
    bad.close();
    const target = path.join(t.dir, 'target.db');
    fs.writeFileSync(target, 'original');

    const result = await restoreDatabase(backup, target);
    expect(result).toMatchObject({
      ok: false,
      code: 'chain_broken',
      broken: { tenantId, brokenAt: second.id, index: 1 },
    });
    expect(result.ok ? '' : result.message).toMatch(/Nothing was restored/);
    expect(fs.readFileSync(target, 'utf8')).toBe('original');
  });

  it('refuses a corrupt or foreign candidate, and a target in use', async () => {
    const { t } = await seeded();
    const garbage = path.join(t.dir, 'garbage.bak');
    fs.writeFileSync(garbage, Buffer.alloc(4096, 7));
    expect(await restoreDatabase(garbage, path.join(t.dir, 'x.db'))).toMatchObject({
      ok: false,
      code: 'corrupt',
    });
    expect(await restoreDatabase(path.join(t.dir, 'missing.bak'), path.join(t.dir, 'x.db'))).toMatchObject({
      ok: false,
      code: 'unreadable',
    });
    const foreign = path.join(t.dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE x (y)');
    f.close();
    expect(await restoreDatabase(foreign, path.join(t.dir, 'x.db'))).toMatchObject({
      ok: false,
      code: 'not_ours',
    });

    const good = path.join(t.dir, 'good.bak');
    await backupDatabase(t.db, good);
    const result = await restoreDatabase(good, t.file); // t is open: its writer lock is held
    expect(result).toMatchObject({ ok: false, code: 'locked' });
    expect(fs.existsSync(path.join(t.dir, 'x.db'))).toBe(false);
  });

  it('restores into a path with no database yet', async () => {
    const { t, tenantId } = await seeded();
    const good = path.join(t.dir, 'good.bak');
    await backupDatabase(t.db, good);
    const fresh = path.join(t.dir, 'fresh.db');
    expect(await restoreDatabase(good, fresh)).toMatchObject({ ok: true, replacedFileMovedTo: null });
    const lock = acquireWriterLock(fresh); // nothing left holding it
    lock.release();
    const restored = await openTestStore(fresh);
    stores.push(restored);
    expect(ledgerProblems(restored.store, tenantId)).toEqual([]);
  });
});
