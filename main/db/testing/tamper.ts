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
