import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';

export const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrationStatus {
  /** Migrations in the folder not yet applied to this database, oldest first. */
  pending: MigrationMeta[];
  /** The database was migrated by a newer build (it has a migration this build does not know). */
  newerThanBuild: boolean;
}

/** Same rule as drizzle's migrator: a migration is pending when it is newer than the last one applied. */
export function migrationStatus(sqlite: Database.Database, migrationsFolder: string): MigrationStatus {
  const all = readMigrationFiles({ migrationsFolder });
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  const last = hasTable
    ? (sqlite.prepare(`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`).get() as
        { created_at: number | string } | undefined)
    : undefined;
  const lastMillis = last === undefined ? null : Number(last.created_at);
  const newest = all.reduce((m, x) => Math.max(m, x.folderMillis), 0);
  return {
    pending: all.filter((m) => lastMillis === null || lastMillis < m.folderMillis),
    newerThanBuild: lastMillis !== null && lastMillis > newest,
  };
}

/** Tables other than SQLite's own: a database with none is new, and needs no backup before migrating. */
export function userTableCount(sqlite: Database.Database): number {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n;
}
