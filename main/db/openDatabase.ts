import path from 'node:path';
import { ensureDirectorySync } from '../adapters/files/ensureDirectory';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import {
  listPreMigrationBackups,
  onlineBackup,
  preMigrationBackupName,
  prunePreMigrationBackups,
} from './backups';
import { DatabaseOpenError } from './DatabaseOpenError';
import { migrationStatus, userTableCount } from './migrations';
import * as schema from './schema';
import { acquireWriterLock } from './writerLock';

/** `PRAGMA application_id` of our files ("VBAL"): tells our database from any other SQLite file. */
export const APPLICATION_ID = 0x5642414c;

/** The folder of committed migrations in the source tree (the packaged app passes its own path). */
export const DEFAULT_MIGRATIONS_FOLDER = path.join(__dirname, 'migrations');

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenDatabaseOptions {
  file: string;
  migrationsFolder?: string;
  /** Automatic pre-migration backups kept (default 5). */
  keepBackups?: number;
  /** How long a statement waits for a lock held by a reader/backup (default 5 s). */
  busyTimeoutMs?: number;
  /** FULL (default) survives power loss; NORMAL survives process crashes only. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Path of a better-sqlite3 native addon built for the running runtime. Under Electron the main process
   * passes an Electron-ABI build (scripts/ensure-electron-native.mjs) while Node keeps the default one.
   */
  nativeBinding?: string;
}

export interface AppDatabase {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  /** The automatic backup taken before this open migrated the file, if it did. */
  readonly preMigrationBackup: string | null;
  close(): void;
}

/**
 * Opens the one database file of the app (docs/adr/0003):
 * 1. takes the writer lock (a second instance is refused with a clear message);
 * 2. checks the file (`PRAGMA quick_check`) and that it is ours — a corrupt, unreadable or foreign file
 *    is never written to: a DatabaseOpenError names the file and the backups to restore from;
 * 3. sets WAL, foreign keys, busy timeout;
 * 4. backs up an existing database before applying pending migrations, then migrates.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<AppDatabase> {
  const file = path.resolve(options.file);
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  ensureDirectorySync(path.dirname(file));
  const lock = acquireWriterLock(file, options.nativeBinding);
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openFile(file, options.busyTimeoutMs ?? 5_000, options.nativeBinding);
    checkReadable(sqlite, file);
    checkOurs(sqlite, file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    sqlite.pragma('foreign_keys = ON');
    // 64 MiB of page cache: a transaction of many events stays in memory instead of spilling to the WAL early.
    sqlite.pragma('cache_size = -65536');
    // With recursive triggers on, INSERT OR REPLACE on events fires the DELETE guard as well.
    sqlite.pragma('recursive_triggers = ON');
    const orm = drizzle(sqlite, { schema });
    const preMigrationBackup = await migrateWithBackup(
      sqlite,
      orm,
      file,
      migrationsFolder,
      options.keepBackups ?? 5,
    );
    if ((sqlite.pragma('application_id', { simple: true }) as number) === 0) {
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    }
    const db = sqlite;
    return {
      file,
      sqlite: db,
      orm,
      preMigrationBackup,
      close() {
        if (db.open) db.close();
        lock.release();
      },
    };
  } catch (err) {
    sqlite?.close();
    lock.release();
    throw err;
  }
}

function openFile(file: string, busyTimeoutMs: number, nativeBinding: string | undefined): Database.Database {
  try {
    return new Database(file, { timeout: busyTimeoutMs, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (cause) {
    throw new DatabaseOpenError(
      'unreadable',
      file,
      `Cannot open the database ${file}: ${(cause as Error).message}. ${restoreAdvice(file)}`,
      { cause },
    );
  }
}

function checkReadable(sqlite: Database.Database, file: string): void {
  let problems: string[];
  try {
    problems = (sqlite.pragma('quick_check') as { quick_check: string }[])
      .map((r) => r.quick_check)
      .filter((r) => r !== 'ok');
  } catch (cause) {
    throw new DatabaseOpenError(
      'corrupt',
      file,
      `The database ${file} cannot be read (${(cause as Error).message}). It was left untouched. ${restoreAdvice(file)}`,
      { cause },
    );
  }
  if (problems.length > 0) {
    throw new DatabaseOpenError(
      'corrupt',
      file,
      `The database ${file} is damaged (${problems.slice(0, 3).join('; ')}). It was left untouched. ${restoreAdvice(file)}`,
    );
  }
}

function checkOurs(sqlite: Database.Database, file: string): void {
  const appId = sqlite.pragma('application_id', { simple: true }) as number;
  const foreign =
    appId !== 0
      ? appId !== APPLICATION_ID
      : userTableCount(sqlite) > 0 && !hasTable(sqlite, '__drizzle_migrations');
  if (foreign) {
    throw new DatabaseOpenError(
      'not_ours',
      file,
      `${file} is an SQLite database of another application, not a Volatility Balancing database. It was left untouched; choose another file.`,
    );
  }
}

async function migrateWithBackup(
  sqlite: Database.Database,
  orm: Orm,
  file: string,
  migrationsFolder: string,
  keepBackups: number,
): Promise<string | null> {
  const status = migrationStatus(sqlite, migrationsFolder);
  if (status.newerThanBuild) {
    throw new DatabaseOpenError(
      'too_new',
      file,
      `The database ${file} was last opened by a newer version of Volatility Balancing. Update the app; the file was left untouched.`,
    );
  }
  if (status.pending.length === 0) return null;
  let backup: string | null = null;
  if (userTableCount(sqlite) > 0) {
    backup = (await onlineBackup(sqlite, preMigrationBackupName(file, new Date()))).file;
    prunePreMigrationBackups(file, keepBackups);
  }
  try {
    migrate(orm, { migrationsFolder });
  } catch (cause) {
    throw new DatabaseOpenError(
      'migration_failed',
      file,
      `Updating the database ${file} to this version failed (${(cause as Error).message}); the update was rolled back.` +
        (backup ? ` A copy from before the update is at ${backup}.` : ''),
      { cause },
    );
  }
  return backup;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

/** What to tell the user: where the file is and how to put a backup in its place. */
export function restoreAdvice(file: string): string {
  const backups = listPreMigrationBackups(file);
  const latest = backups.at(-1);
  return latest
    ? `To restore the automatic backup taken before the last update, quit the app and restore ${latest} ` +
        `(the CLI: \`restore ${latest}\`; or copy it over ${file}).` +
        (backups.length > 1 ? ` Older backups: ${backups.slice(0, -1).join(', ')}.` : '')
    : `No automatic backup exists next to it (one is taken before every update); restore a backup you made yourself ` +
        `(the CLI: \`restore <backup file>\`), or move ${file} away to start a new database.`;
}
