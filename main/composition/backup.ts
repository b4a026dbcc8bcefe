import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../shared/ports/Logger';
import { commitTempFileSync, writeFileAtomicSync } from '../adapters/files/atomicFile';
import { restoreDatabase, verifyBackupFile, type RefusalCode, type RestoreResult } from '../db/backupRestore';
import { fileStamp } from '../db/backups';

/** `<dataDir>/backups/`: where backups are written by default and the only folder a UI restore reads. */
export function backupsDirOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'backups');
}

/** `<dataDir>/backups/<db name>-<UTC stamp>.db`. */
export function defaultBackupFile(dataDir: string, dbFile: string, at: Date): string {
  return path.join(dataDir, 'backups', `${path.basename(dbFile, '.db')}-${fileStamp(at)}.db`);
}

/**
 * Replaces the database with a backup after verifying it (quick check, ours, every hash chain). The
 * backend using the file must be stopped first (the writer lock is taken; a running one makes this a
 * `locked` failure). The replaced file is kept beside it.
 */
export function restoreBackup(fromFile: string, databaseFile: string): Promise<RestoreResult> {
  return restoreDatabase(fromFile, databaseFile);
}

export interface BackupFile {
  name: string;
  file: string;
  bytes: number;
  modifiedAt: number;
}

/** The copy a staged restore will put in place at the next start. */
const PENDING_NAME = 'pending-restore.db';

export function pendingRestoreFile(dataDir: string): string {
  return path.join(backupsDirOf(dataDir), PENDING_NAME);
}

/** `<db>.restore-pending.json`: a restore is staged for this database file. */
export function restoreMarkerOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.restore-pending.json`;
}

export interface StagedRestore {
  /** The backup the staged copy was taken from. */
  from: string;
  stagedAt: number;
}

/** The `.db` files in `<dataDir>/backups/` (not a staged copy), newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDirOf(dataDir);
  if (!fs.existsSync(dir)) return [];
  const found: BackupFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.db') || entry.name === PENDING_NAME) continue;
    const file = path.join(dir, entry.name);
    const stat = fs.statSync(file);
    found.push({ name: entry.name, file, bytes: stat.size, modifiedAt: Math.round(stat.mtimeMs) });
  }
  return found.sort((a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name));
}

/** The restore staged for `dbFile`, if any. */
export function stagedRestoreOf(dbFile: string): StagedRestore | null {
  try {
    const marker = JSON.parse(fs.readFileSync(restoreMarkerOf(dbFile), 'utf8')) as Partial<StagedRestore>;
    return typeof marker.from === 'string' && typeof marker.stagedAt === 'number'
      ? { from: marker.from, stagedAt: marker.stagedAt }
      : null;
  } catch {
    return null;
  }
}

export type StageRestoreResult =
  | { ok: true; staged: StagedRestore }
  | {
      ok: false;
      code: 'outside_backups' | 'not_found' | RefusalCode;
      message: string;
    };

/**
 * Stages a restore of `backupFile` over `dbFile`, to be applied at the next start (the running backend
 * holds the database open): verifies the backup now exactly as a restore does, copies it to
 * `<dataDir>/backups/pending-restore.db` and writes the marker `<dbFile>.restore-pending.json`. Only a
 * file directly inside `<dataDir>/backups/` is accepted; a refusal changes nothing.
 */
export function stageRestore(
  dataDir: string,
  dbFile: string,
  backupFile: string,
  now: () => number = Date.now,
): StageRestoreResult {
  const dir = backupsDirOf(dataDir);
  const source = path.resolve(backupFile);
  if (path.dirname(source) !== dir || path.basename(source) === PENDING_NAME) {
    return { ok: false, code: 'outside_backups', message: `Only a backup in ${dir} can be restored.` };
  }
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) {
    return {
      ok: false,
      code: 'not_found',
      message: `There is no backup ${path.basename(source)} in ${dir}.`,
    };
  }
  const verified = verifyBackupFile(source);
  if (!verified.ok) return { ok: false, code: verified.code, message: verified.message };

  const pending = pendingRestoreFile(dataDir);
  const marker = restoreMarkerOf(dbFile);
  const staged: StagedRestore = { from: source, stagedAt: now() };
  try {
    fs.copyFileSync(source, `${pending}.partial`);
    commitTempFileSync(`${pending}.partial`, pending);
    writeFileAtomicSync(marker, JSON.stringify(staged, null, 2));
  } catch (err) {
    for (const f of [`${pending}.partial`, pending]) fs.rmSync(f, { force: true });
    throw err;
  }
  return { ok: true, staged };
}

/** What happened to a restore staged for this start (shown in the UI and notified when refused). */
export type StagedRestoreOutcome =
  | { outcome: 'none' }
  | { outcome: 'applied'; from: string | null; database: string; replacedFileMovedTo: string | null }
  | { outcome: 'refused'; from: string | null; database: string; code: string; message: string };

/**
 * At start, before the database is opened: applies a restore staged for `dbFile` with
 * {@link restoreDatabase} (which verifies the copy again with every check and keeps the replaced file as
 * `<db>.before-restore-<stamp>.bak`). Whatever happens, the marker and the staged copy are removed; a
 * refusal leaves the database untouched, is logged and returned, so the app shows it and notifies
 * (ADR 0120), and the app starts on the database it had.
 */
export async function applyStagedRestore(
  dataDir: string,
  dbFile: string,
  logger: Logger,
): Promise<StagedRestoreOutcome> {
  const marker = restoreMarkerOf(dbFile);
  if (!fs.existsSync(marker)) return { outcome: 'none' };
  const staged = stagedRestoreOf(dbFile);
  const pending = pendingRestoreFile(dataDir);
  let result: RestoreResult;
  try {
    result = await restoreDatabase(pending, dbFile);
  } catch (err) {
    result = { ok: false, code: 'unreadable', message: err instanceof Error ? err.message : String(err) };
  } finally {
    for (const f of [marker, pending, `${pending}-wal`, `${pending}-shm`]) fs.rmSync(f, { force: true });
  }
  const database = path.resolve(dbFile);
  if (result.ok) {
    logger.info('staged restore applied', {
      database,
      from: staged?.from ?? null,
      stagedAt: staged?.stagedAt ?? null,
      replacedFileMovedTo: result.replacedFileMovedTo,
      tenants: result.tenants,
    });
    return {
      outcome: 'applied',
      from: staged?.from ?? null,
      database,
      replacedFileMovedTo: result.replacedFileMovedTo,
    };
  }
  // The message names the staged copy; the person chose the backup it was taken from.
  const message = staged ? result.message.split(pending).join(staged.from) : result.message;
  logger.error('staged restore not applied; the database is unchanged', {
    database,
    from: staged?.from ?? null,
    code: result.code,
    reason: message,
  });
  return { outcome: 'refused', from: staged?.from ?? null, database, code: result.code, message };
}
