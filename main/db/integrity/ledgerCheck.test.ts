import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seededLedger } from '../testing/seededLedger';
import { removeDir, type TestStore } from '../testing/testDatabase';
import { checkLedger } from './ledgerCheck';

const opened: TestStore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) {
    t.close();
    removeDir(t.dir);
  }
});

async function closedLedger() {
  const t = await seededLedger(undefined, 10);
  opened.push(t);
  t.db.close();
  return t;
}

/** Opens the file as an outsider would (no app connection, no triggers of ours in the way). */
function outside(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

function check(file: string, options: Parameters<typeof checkLedger>[1] = { sqlite: 'full' }) {
  const db = new Database(file, { readonly: true });
  try {
    return checkLedger(db, options);
  } finally {
    db.close();
  }
}

describe('checkLedger (ADR 0076)', () => {
  it('passes a ledger written by the app', async () => {
    const t = await closedLedger();
    const result = check(t.file);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.tenants).toEqual([
      expect.objectContaining({ tenantId: t.tenantId, positions: 2, events: expect.any(Number) as number }),
    ]);
    expect(result.tenants[0]?.head?.count).toBe(result.tenants[0]?.events);
  });

  it('finds a position whose cash_cents was raised by $1,000,000 in the file (SPEC 3 replay)', async () => {
    const t = await closedLedger();
    const id = t.positionIds[0] as string;
    outside(t.file, (db) =>
      db.prepare('UPDATE positions SET cash_cents = cash_cents + 100000000 WHERE id = ?').run(id),
    );
    const result = check(t.file);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        check: 'replay',
        tenantId: t.tenantId,
        where: `position AAPL (${id}), cash_cents`,
        detail: expect.stringMatching(
          /^cash_cents is \$1,0\d\d,\d{3}\.\d\d in the positions table but \$\d/,
        ) as string,
      }),
    ]);
  });

  it('finds a dropped or defanged append-only trigger', async () => {
    const t = await closedLedger();
    outside(t.file, (db) => db.exec('DROP TRIGGER events_no_delete'));
    outside(t.file, (db) =>
      db.exec(`DROP TRIGGER events_no_update;
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END;`),
    );
    const result = check(t.file);
    expect(result.problems.map((p) => [p.check, p.where])).toEqual([
      ['triggers', 'trigger events_no_update'],
      ['triggers', 'trigger events_no_delete'],
    ]);
  });

  it('finds an edited event, from the genesis and incrementally from a checkpoint before it', async () => {
    const t = await closedLedger();
    const first = check(t.file);
    const head = first.tenants[0]?.head ?? null;
    expect(head).not.toBeNull();
    // Nothing new: the incremental walk checks the checkpoint's event and stops there.
    const again = check(t.file, { sqlite: 'none', chainFrom: () => head });
    expect(again.ok).toBe(true);
    expect(again.scope).toContain('incremental');
    outside(t.file, (db) => {
      db.exec('DROP TRIGGER events_no_update');
      db.prepare("UPDATE events SET payload = '{}' WHERE id = ?").run(head?.lastId);
      db.exec(
        `CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events is append-only: UPDATE refused'); END;`,
      );
    });
    for (const options of [{ sqlite: 'none' as const }, { sqlite: 'none' as const, chainFrom: () => head }]) {
      const result = check(t.file, options);
      expect(result.problems.filter((p) => p.check === 'chain')).toEqual([
        expect.objectContaining({ where: expect.stringContaining(head?.lastId ?? '?') as string }),
      ]);
    }
  });

  it('finds the newest events cut off when a checkpoint is known (truncation)', async () => {
    const t = await closedLedger();
    const head = check(t.file).tenants[0]?.head ?? null;
    outside(t.file, (db) => {
      db.exec('DROP TRIGGER events_no_delete');
      db.prepare('DELETE FROM events WHERE id = ?').run(head?.lastId);
      db.exec(
        `CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events is append-only: DELETE refused'); END;`,
      );
    });
    // From the file alone the shorter chain verifies (ADR 0003's limit) …
    expect(check(t.file, { sqlite: 'none' }).problems.filter((p) => p.check === 'chain')).toEqual([]);
    // … but not against the checkpoint kept outside it.
    const result = check(t.file, { sqlite: 'none', chainFrom: () => head });
    expect(result.problems.filter((p) => p.check === 'chain')).toEqual([
      expect.objectContaining({ detail: expect.stringContaining('no longer in the log') as string }),
    ]);
  });
});
