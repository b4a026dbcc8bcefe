import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChainVerification } from '../../shared/ports/EventLog';
import { fileStamp, onlineBackup } from './backups';
import { DatabaseOpenError } from './DatabaseOpenError';
import { verifyTenantChain } from './eventLog/hashChain';
import { APPLICATION_ID, type AppDatabase } from './openDatabase';
import { acquireWriterLock } from './writerLock';

/**
 * A consistent copy of the open database while trading goes on (SQLite online backup, SPEC 6).
 * The copy appears under `destFile` only once complete.
 */
export function backupDatabase(
  db: AppDatabase,
  destFile: string,
  options: { pagesPerStep?: number } = {},
): Promise<{ file: string; pages: number }> {
  return onlineBackup(db.sqlite, path.resolve(destFile), options.pagesPerStep);
}

export type RestoreResult =
  | {
      ok: true;
      /** Events verified, per tenant. */
      tenants: { tenantId: string; events: number }[];
      /** Where the file that was replaced now is (null when there was none). */
      replacedFileMovedTo: string | null;
    }
  | {
      ok: false;
      code: 'unreadable' | 'corrupt' | 'not_ours' | 'chain_broken' | 'locked';
      message: string;
      broken?: Extract<ChainVerification, { ok: false }> & { tenantId: string };
    };

/** What {@link verifyBackupFile} found: every tenant's events verified, or why the file is refused. */
export type VerifyFailure = Extract<RestoreResult, { ok: false }> & {
  code: 'unreadable' | 'corrupt' | 'not_ours' | 'chain_broken';
};
export type VerifyResult = { ok: true; tenants: { tenantId: string; events: number }[] } | VerifyFailure;

/**
 * The checks a restore makes before it replaces anything, on their own: the file opened read-only,
 * `quick_check`, that it is our database, and every tenant's hash chain. Changes nothing.
 */
export function verifyBackupFile(file: string, options: { nativeBinding?: string } = {}): VerifyResult {
  const opened = openCandidate(path.resolve(file), options.nativeBinding);
  if (!opened.ok) return opened;
  try {
    return checkCandidate(opened.candidate, opened.source);
  } finally {
    opened.candidate.close();
  }
}

/**
 * Replaces `toFile` with the backup `fromFile`, but only after checking the candidate, opened read-only:
 * `quick_check`, that it is our database, and every tenant's hash chain. The target must not be in use
 * (the writer lock is taken). The candidate is copied to a temporary file and renamed over the target;
 * the old target (with its WAL) is kept beside it as `<file>.before-restore-<stamp>.bak`, never deleted.
 */
export async function restoreDatabase(
  fromFile: string,
  toFile: string,
  options: { nativeBinding?: string } = {},
): Promise<RestoreResult> {
  const target = path.resolve(toFile);
  const opened = openCandidate(path.resolve(fromFile), options.nativeBinding);
  if (!opened.ok) return opened;
  const { candidate, source } = opened;
  try {
    const check = checkCandidate(candidate, source);
    if (!check.ok) return check;

    let lock;
    try {
      lock = acquireWriterLock(target, options.nativeBinding);
    } catch (err) {
      if (err instanceof DatabaseOpenError) return { ok: false, code: 'locked', message: err.message };
      throw err;
    }
    try {
      const stamp = fileStamp(new Date());
      const temp = `${target}.restore-${stamp}.tmp`;
      await onlineBackup(candidate, temp);
      const movedTo = fs.existsSync(target) ? `${target}.before-restore-${stamp}.bak` : null;
      if (movedTo) {
        fs.renameSync(target, movedTo);
        // The old WAL/shared-memory files belong to the old file: they move with it, never onto the new one.
        for (const suffix of ['-wal', '-shm']) {
          if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, movedTo + suffix);
        }
      }
      fs.renameSync(temp, target);
      return { ok: true, tenants: check.tenants, replacedFileMovedTo: movedTo };
    } finally {
      lock.release();
    }
  } finally {
    candidate.close();
  }
}

function openCandidate(
  source: string,
  nativeBinding: string | undefined,
): { ok: true; candidate: Database.Database; source: string } | VerifyFailure {
  try {
    const candidate = new Database(source, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    return { ok: true, candidate, source };
  } catch (cause) {
    return {
      ok: false,
      code: 'unreadable',
      message: `Cannot open the backup ${source}: ${(cause as Error).message}`,
    };
  }
}

function checkCandidate(candidate: Database.Database, source: string): VerifyResult {
  try {
    const problems = (candidate.pragma('quick_check') as { quick_check: string }[]).filter(
      (r) => r.quick_check !== 'ok',
    );
    if (problems.length > 0) {
      return {
        ok: false,
        code: 'corrupt',
        message: `The backup ${source} is damaged: ${problems[0]?.quick_check}`,
      };
    }
  } catch (cause) {
    return {
      ok: false,
      code: 'corrupt',
      message: `The backup ${source} cannot be read: ${(cause as Error).message}`,
    };
  }
  const appId = candidate.pragma('application_id', { simple: true }) as number;
  const hasEvents = candidate
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")
    .get();
  if (appId !== APPLICATION_ID || !hasEvents) {
    return { ok: false, code: 'not_ours', message: `${source} is not a Volatility Balancing database.` };
  }
  const tenantIds = (
    candidate
      .prepare('SELECT id FROM tenants UNION SELECT DISTINCT tenant_id FROM events ORDER BY 1')
      .all() as { id: string }[]
  ).map((r) => r.id);
  const tenants: { tenantId: string; events: number }[] = [];
  for (const tenantId of tenantIds) {
    const result = verifyTenantChain(candidate, tenantId);
    if (!result.ok) {
      return {
        ok: false,
        code: 'chain_broken',
        message: `The backup ${source} fails the event-log check for tenant ${tenantId} at event ${result.brokenAt} (#${result.index}): ${result.detail}. Nothing was restored.`,
        broken: { ...result, tenantId },
      };
    }
    tenants.push({ tenantId, events: result.count });
  }
  return { ok: true, tenants };
}
