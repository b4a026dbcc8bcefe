import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { LedgerDeps } from '../../../shared/application/ledger/LedgerDeps';
import type { Clock } from '../../../shared/ports/Clock';
import { ulidGenerator } from '../../../shared/ports/IdGenerator';
import { createStore, type SqliteStore } from '../createStore';
import { openDatabase, type AppDatabase, type OpenDatabaseOptions } from '../openDatabase';

/** Test support only (imported by *.test.ts and the crash-test child). */
export const MIGRATIONS_FOLDER = path.resolve(__dirname, '..', 'migrations');

/** A fresh temporary folder; the caller removes it (`removeDir`). */
export function tempDir(prefix = 'vb-db-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A clock that starts at a fixed instant and moves 1 ms per reading: deterministic and increasing. */
export class SteppingClock implements Clock {
  constructor(private t = Date.UTC(2025, 0, 2, 15, 0, 0)) {}
  now(): number {
    this.t += 1;
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestStore {
  dir: string;
  file: string;
  db: AppDatabase;
  store: SqliteStore;
  clock: SteppingClock;
  deps: LedgerDeps;
  close(): void;
}

/** Opens (creating if needed) a real database file with every adapter, as the app would. */
export async function openTestStore(
  file?: string,
  options: Partial<OpenDatabaseOptions> = {},
): Promise<TestStore> {
  const dir = file ? path.dirname(file) : tempDir();
  const dbFile = file ?? path.join(dir, 'ledger.db');
  const db = await openDatabase({
    file: dbFile,
    migrationsFolder: MIGRATIONS_FOLDER,
    synchronous: 'NORMAL',
    ...options,
  });
  const clock = new SteppingClock();
  const ids = ulidGenerator(clock);
  const store = createStore(db, { ids, clock });
  return {
    dir,
    file: dbFile,
    db,
    store,
    clock,
    deps: { ...store, ids, clock },
    close: () => db.close(),
  };
}

/** Every row of every table, in a stable order: compare before/after to prove nothing changed. */
export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}
