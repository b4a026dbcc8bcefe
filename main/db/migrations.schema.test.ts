import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as schema from './schema';
import { MIGRATIONS_FOLDER } from './testing/testDatabase';

/** Tables, columns, keys and indexes of a database, in a stable order. */
function shape(db: Database.Database): Record<string, unknown> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      {
        columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as Record<string, unknown>[])
          .map((c) => [c.name, c.type, c.notnull, c.pk, c.dflt_value])
          .sort(),
        foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
        indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as Record<string, unknown>[])
          .filter((i) => i.origin === 'c')
          .map((i) => [i.name, i.unique])
          .sort(),
      },
    ]),
  );
}

describe('migrations', () => {
  it('build exactly the schema the schema files describe (hand-corrected migrations included)', async () => {
    const migrated = new Database(':memory:');
    migrated.pragma('foreign_keys = ON');
    migrate(drizzle(migrated), { migrationsFolder: MIGRATIONS_FOLDER });

    const fresh = new Database(':memory:');
    const statements = await generateSQLiteMigration(
      await generateSQLiteDrizzleJson({}),
      await generateSQLiteDrizzleJson(schema),
    );
    for (const statement of statements) fresh.exec(statement);

    expect(shape(migrated)).toEqual(shape(fresh));
  });
});
