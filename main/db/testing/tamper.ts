import Database from 'better-sqlite3';

/**
 * Test support: rewrites the payload of a tenant's first event in a database file behind the
 * append-only trigger's back, so the hash chain no longer verifies. Returns the id of that event.
 */
export function tamperWithFirstEvent(file: string, tenantId: string): string {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER events_no_update');
    const first = db
      .prepare('SELECT id FROM events WHERE tenant_id = ? ORDER BY id LIMIT 1')
      .get(tenantId) as {
      id: string;
    };
    db.prepare("UPDATE events SET payload = '{}' WHERE id = ?").run(first.id);
    return first.id;
  } finally {
    db.close();
  }
}

/** Test support: raises every position's cash in a database file by `cents`, as an outsider editing it. */
export function raisePositionCash(file: string, cents: number, positionId?: string): void {
  const db = new Database(file);
  try {
    if (positionId === undefined) db.prepare('UPDATE positions SET cash_cents = cash_cents + ?').run(cents);
    else db.prepare('UPDATE positions SET cash_cents = cash_cents + ? WHERE id = ?').run(cents, positionId);
  } finally {
    db.close();
  }
}

/** Test support: how many events a database file holds (opened read-only). */
export function countEvents(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Test support: removes the newest event of a file behind the trigger's back (the trigger is put back). */
export function cutNewestEvent(file: string): string {
  const db = new Database(file);
  try {
    const newest = db.prepare('SELECT id FROM events ORDER BY id DESC LIMIT 1').get() as { id: string };
    const trigger = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events_no_delete'").get() as { sql: string }
    ).sql;
    db.exec('DROP TRIGGER events_no_delete');
    db.prepare('DELETE FROM events WHERE id = ?').run(newest.id);
    db.exec(trigger);
    return newest.id;
  } finally {
    db.close();
  }
}
