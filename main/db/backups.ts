import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { commitTempFileSync } from '../adapters/files/atomicFile';

/** `<db>.pre-migration-<UTC stamp>.bak`: sorts by time, one per migration run. */
export function preMigrationBackupName(dbFile: string, at: Date): string {
  return `${dbFile}.pre-migration-${fileStamp(at)}.bak`;
}

/** Existing automatic backups of `dbFile`, oldest first. */
export function listPreMigrationBackups(dbFile: string): string[] {
  const dir = path.dirname(dbFile);
  const prefix = `${path.basename(dbFile)}.pre-migration-`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Deletes all but the newest `keep` automatic backups. */
export function prunePreMigrationBackups(dbFile: string, keep: number): void {
  const all = listPreMigrationBackups(dbFile);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(old, { force: true });
}

/**
 * SQLite's online backup into `destFile`, written to a temporary name and renamed when complete, so a
 * file with the final name is always a whole, consistent database.
 */
export async function onlineBackup(
  sqlite: Database.Database,
  destFile: string,
  pagesPerStep = 100,
): Promise<{ file: string; pages: number }> {
  const partial = `${destFile}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    // Between steps the event loop runs, so trading goes on; SQLite folds those writes into the copy.
    const meta = await sqlite.backup(partial, { progress: () => pagesPerStep });
    commitTempFileSync(partial, destFile); // flushed, renamed, folder flushed (ADR 0075)
    return { file: destFile, pages: meta.totalPages };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('.', '');
}
