import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChainVerification } from '../../shared/ports/EventLog';
import { fileStamp, onlineBackup } from './backups';
import { DatabaseOpenError } from './DatabaseOpenError';
import { checkLedger, type LedgerProblem, type TenantChecked } from './integrity/ledgerCheck';
import { APPLICATION_ID, type AppDatabase } from './openDatabase';
import { acquireWriterLock } from './writerLock';
import { writeFileAtomicSync } from '../adapters/files/atomicFile';

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
      /** Events verified per tenant, with the newest event of each (its chain head). */
      tenants: TenantChecked[];
      /** Where the file that was replaced now is (null when there was none). */
      replacedFileMovedTo: string | null;
    }
  | {
      ok: false;
      code: RefusalCode | 'locked';
      message: string;
      broken?: Extract<ChainVerification, { ok: false }> & { tenantId: string };
      /** Every check that failed, with where (ADR 0076). */
      problems?: LedgerProblem[];
    };

/**
 * Why a backup is refused: cannot be opened; SQLite finds it damaged (`integrity_check`, indexes
 * included); not ours; the append-only triggers are gone; a hash chain breaks; a position differs from
 * the replay of its events.
 */
export type RefusalCode =
  'unreadable' | 'corrupt' | 'not_ours' | 'triggers_missing' | 'chain_broken' | 'replay_mismatch';

/** What {@link verifyBackupFile} found: every tenant's events verified, or why the file is refused. */
export type VerifyFailure = Extract<RestoreResult, { ok: false }> & { code: RefusalCode };
export type VerifyResult = { ok: true; tenants: TenantChecked[] } | VerifyFailure;

/**
 * The checks a restore makes before it replaces anything, on their own (ADR 0120): the file opened
 * read-only, SQLite's full `integrity_check` (every index against its rows) and `foreign_key_check`,
 * that it is our database, the append-only triggers, every tenant's hash chain, and every position
 * equal to the replay of its events. Changes nothing.
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
 * Replaces `toFile` with the backup `fromFile`, but only after checking the candidate, opened read-only,
 * with every check of {@link verifyBackupFile}. The target must not be in use (the writer lock is
 * taken). The candidate is copied to a temporary file, the copy is checked again the same way, and only
 * then renamed over the target; the old target (with its WAL) is kept beside it as
 * `<file>.before-restore-<stamp>.bak`, never deleted. A refusal leaves the target byte for byte as it was.
 * A restored file is marked (`<file>.restored.json`) so the next start checks it fully again.
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
      const copied = verifyBackupFile(temp, options);
      if (!copied.ok) {
        fs.rmSync(temp, { force: true });
        return { ...copied, message: `${copied.message} (in the copy made for the restore)` };
      }
      const movedTo = fs.existsSync(target) ? `${target}.before-restore-${stamp}.bak` : null;
      if (movedTo) {
        fs.renameSync(target, movedTo);
        // The old WAL/shared-memory files belong to the old file: they move with it, never onto the new one.
        for (const suffix of ['-wal', '-shm']) {
          if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, movedTo + suffix);
        }
      }
      fs.renameSync(temp, target);
      writeFileAtomicSync(
        restoredMarkerOf(target),
        JSON.stringify({ from: path.resolve(fromFile), at: Date.now(), tenants: check.tenants }, null, 2),
      );
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

/** `<db>.restored.json`: this file was put in place by a restore; the next start checks it fully. */
export function restoredMarkerOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.restored.json`;
}

const REFUSAL_OF: Record<LedgerProblem['check'], RefusalCode> = {
  integrity: 'corrupt',
  triggers: 'triggers_missing',
  chain: 'chain_broken',
  head: 'chain_broken',
  replay: 'replay_mismatch',
};

const CHECK_WORDS: Record<LedgerProblem['check'], string> = {
  integrity: "SQLite's integrity check",
  triggers: 'the append-only check of the event log',
  chain: 'the event-log check',
  head: 'the event-log check',
  replay: 'the check that every position equals the replay of its events',
};

function checkCandidate(candidate: Database.Database, source: string): VerifyResult {
  let appId: number;
  let hasEvents: unknown;
  try {
    appId = candidate.pragma('application_id', { simple: true }) as number;
    hasEvents = candidate
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'")
      .get();
  } catch (cause) {
    return {
      ok: false,
      code: 'corrupt',
      message: `The backup ${source} cannot be read: ${(cause as Error).message}`,
    };
  }
  if (appId !== APPLICATION_ID || !hasEvents) {
    return { ok: false, code: 'not_ours', message: `${source} is not a Volatility Balancing database.` };
  }
  const checked = checkLedger(candidate, { sqlite: 'full' });
  return checked.ok ? { ok: true, tenants: checked.tenants } : refusal(source, checked.problems);
}

/** Which failure names the refusal: the file's damage, then the ledger's, then the missing guard. */
const PRIORITY: LedgerProblem['check'][] = ['integrity', 'chain', 'head', 'replay', 'triggers'];

function refusal(source: string, problems: LedgerProblem[]): VerifyFailure {
  const first = [...problems].sort(
    (a, b) => PRIORITY.indexOf(a.check) - PRIORITY.indexOf(b.check),
  )[0] as LedgerProblem;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const tenant = first.tenantId ? ` for tenant ${first.tenantId}` : '';
  const failure: VerifyFailure = {
    ok: false,
    code: REFUSAL_OF[first.check],
    message: `The backup ${source} fails ${CHECK_WORDS[first.check]}${tenant} at ${first.where}: ${first.detail}${more}. Nothing was restored.`,
    problems,
  };
  if (first.check === 'chain' && first.tenantId !== null) {
    const m = /^event (\S+) \(#(\d+)\)$/.exec(first.where);
    if (m) {
      failure.broken = {
        ok: false,
        tenantId: first.tenantId,
        brokenAt: m[1] as string,
        index: Number(m[2]),
        reason: /changed after it was written/.test(first.detail) ? 'hash_mismatch' : 'prev_hash_mismatch',
        detail: first.detail,
      };
    }
  }
  return failure;
}
