import fs from 'node:fs';
import type { Logger } from '../../shared/ports/Logger';
import type { Notification } from '../../shared/ports/Notifier';
import { restoredMarkerOf } from '../db/backupRestore';
import { chainHeadsNow, checkpointProblem, type ChainCheckpoint } from '../db/eventLog/hashChain';
import { checkLedger, type LedgerProblem } from '../db/integrity/ledgerCheck';
import type { AppDatabase } from '../db/openDatabase';
import type { StagedRestoreOutcome } from './backup';
import {
  chainHeadFileOf,
  chainKey,
  readChainHeads,
  writeChainHeads,
  type ChainHeads,
  type TenantHead,
} from './chainHeadFile';

export type CheckKind = 'startup' | 'daily' | 'after restore';

/** What the last self-check found (ADR 0076), for the UI's banner and the evidence export. */
export interface IntegrityStatus {
  state: 'ok' | 'failed' | 'unchecked';
  kind: CheckKind | null;
  checkedAt: number | null;
  scope: string;
  durationMs: number;
  /** Tenants whose trading is halted until a check passes. */
  haltedTenants: string[];
  problems: LedgerProblem[];
  /** A restore staged for this start, when one was (applied or refused). */
  restore: Exclude<StagedRestoreOutcome, { outcome: 'none' }> | null;
}

export interface LedgerGuardOptions {
  db: AppDatabase;
  dataDir: string;
  now: () => number;
  logger: Logger;
  notify: (notification: Notification) => void;
  /** Called whenever the status changes (the UI reloads it). */
  onChange?: (status: IntegrityStatus) => void;
}

/**
 * The ledger's self-checks (issue 19, ADR 0076): at start-up and daily, the append-only triggers, every
 * tenant's hash chain (from the last verified event), every position against the replay of its events,
 * and the chain's head against the copy kept outside the database (ADR 0077). A failure halts trading
 * for the tenant concerned (every tenant when the file itself is concerned), is shown in the UI with
 * what failed and where, and is notified; nothing is repaired. After a restore, the first start also
 * runs SQLite's full `integrity_check`.
 */
export class LedgerGuard {
  private current: IntegrityStatus = {
    state: 'unchecked',
    kind: null,
    checkedAt: null,
    scope: '',
    durationMs: 0,
    haltedTenants: [],
    problems: [],
    restore: null,
  };
  private heads: ChainHeads;
  private readonly key: Buffer;
  private readonly headFile: string;
  private haltAll = false;

  constructor(private readonly options: LedgerGuardOptions) {
    this.key = chainKey(options.dataDir);
    this.headFile = chainHeadFileOf(options.db.file);
    this.heads = { database: baseName(options.db.file), tenants: {} };
  }

  status(): IntegrityStatus {
    return this.current;
  }

  /** Whether trading is halted for a tenant (a check failed and has not passed since). */
  halted(tenantId: string): boolean {
    return this.haltAll || this.current.haltedTenants.includes(tenantId);
  }

  /** A staged restore's outcome, shown with the status; a refusal is notified. */
  noteRestore(outcome: StagedRestoreOutcome): void {
    if (outcome.outcome === 'none') return;
    this.current = { ...this.current, restore: outcome };
    if (outcome.outcome === 'refused') {
      this.options.notify({
        kind: 'restoreRefused',
        title: 'Restore refused: nothing was changed',
        body: `The restore of ${outcome.from ?? 'the staged backup'} was refused (${outcome.code}); ${outcome.database} is unchanged. ${outcome.message}`,
        tenantId: null,
        positionId: null,
        symbol: null,
        at: this.options.now(),
      });
    }
    this.options.onChange?.(this.current);
  }

  /** Runs the checks; `startup` after a restore is promoted to the full check. */
  check(kind: 'startup' | 'daily'): IntegrityStatus {
    const restored = kind === 'startup' && fs.existsSync(restoredMarkerOf(this.options.db.file));
    const effective: CheckKind = restored ? 'after restore' : kind;
    const problems: LedgerProblem[] = [];
    const sqlite = this.options.db.sqlite;

    let known: Record<string, TenantHead> = {};
    if (restored) {
      // The head file belongs to the database that was replaced: the restored file starts its own.
      known = {};
    } else if (kind === 'daily') {
      known = this.heads.tenants;
    } else {
      const read = readChainHeads(this.headFile, this.key);
      if (read.state === 'ok') known = read.heads.tenants;
      else if (read.state !== 'missing') {
        problems.push({ check: 'head', tenantId: null, where: this.headFile, detail: read.message });
      }
    }
    for (const [tenantId, head] of Object.entries(known)) {
      const broken = checkpointProblem(sqlite, tenantId, head.latest);
      if (broken !== null) {
        problems.push({
          check: 'head',
          tenantId,
          where: `event ${broken.brokenAt} (#${broken.index})`,
          detail: `${broken.detail} (the head of the chain kept outside the database, ${this.headFile}, says so)`,
        });
      }
    }
    const result = checkLedger(sqlite, {
      sqlite: restored ? 'full' : 'none',
      chainFrom: (tenantId) => known[tenantId]?.verified ?? null,
    });
    problems.push(...result.problems);
    const now = this.options.now();
    const halted = new Set<string>();
    let all = false;
    for (const p of problems) {
      if (p.tenantId === null) all = true;
      else halted.add(p.tenantId);
    }
    if (all) for (const t of result.tenants) halted.add(t.tenantId);
    this.haltAll = all;
    const failed = problems.length > 0;
    this.current = {
      ...this.current,
      state: failed ? 'failed' : 'ok',
      kind: effective,
      checkedAt: now,
      scope:
        (restored ? '' : 'quick_check (at open), ') +
        result.scope +
        (kind === 'startup' ? ', chain head' : ''),
      durationMs: result.durationMs,
      haltedTenants: [...halted].sort(),
      problems,
    };
    if (failed) {
      this.options.logger.error('ledger self-check failed: trading halted', {
        kind: effective,
        haltedTenants: this.current.haltedTenants,
        problems,
      });
      const first = problems[0] as LedgerProblem;
      this.options.notify({
        kind: 'ledgerCheckFailed',
        title: 'Ledger check failed: trading halted',
        body: `${first.where}: ${first.detail}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. Nothing was repaired; export the evidence from the banner in the app.`,
        tenantId: first.tenantId,
        positionId: null,
        symbol: null,
        at: now,
      });
    } else {
      const tenants: Record<string, TenantHead> = {};
      for (const t of result.tenants) {
        if (t.head === null) continue;
        tenants[t.tenantId] = { latest: t.head, verified: t.head, verifiedAt: now };
      }
      this.heads = { database: this.heads.database, tenants };
      this.writeHeads();
      if (restored) fs.rmSync(restoredMarkerOf(this.options.db.file), { force: true });
      this.options.logger.info('ledger self-check passed', {
        kind: effective,
        scope: this.current.scope,
        durationMs: result.durationMs,
        tenants: result.tenants.map((t) => ({
          tenantId: t.tenantId,
          events: t.events,
          positions: t.positions,
        })),
      });
    }
    this.options.onChange?.(this.current);
    return this.current;
  }

  /**
   * After each tick and fill: the newest event of every chain, written outside the database, so a log
   * cut off later is detected at the next start. Nothing is written while a check has failed (the file
   * is evidence then).
   */
  recordHeads(): void {
    if (this.current.state !== 'ok') return;
    const verified = (tenantId: string): ChainCheckpoint | null =>
      this.heads.tenants[tenantId]?.verified ?? null;
    const now = chainHeadsNow(this.options.db.sqlite, verified);
    let changed = false;
    for (const [tenantId, latest] of now) {
      const before = this.heads.tenants[tenantId];
      if (before?.latest.lastId === latest.lastId) continue;
      this.heads.tenants[tenantId] = {
        latest,
        verified: before?.verified ?? null,
        verifiedAt: before?.verifiedAt ?? null,
      };
      changed = true;
    }
    if (changed) this.writeHeads();
  }

  /** What a person (or support) needs to see what failed: the status, the heads kept, the file's facts. */
  evidence(): Record<string, unknown> {
    const file = this.options.db.file;
    const read = readChainHeads(this.headFile, this.key);
    return {
      database: file,
      databaseBytes: fs.existsSync(file) ? fs.statSync(file).size : null,
      exportedAt: new Date(this.options.now()).toISOString(),
      status: this.current,
      chainHeadFile: this.headFile,
      chainHeadsKept: read.state === 'ok' ? read.heads : read,
      chainHeadsInDatabase: Object.fromEntries(chainHeadsNow(this.options.db.sqlite, () => null)),
    };
  }

  private writeHeads(): void {
    try {
      writeChainHeads(this.headFile, this.heads, this.key);
    } catch (err) {
      this.options.logger.warn('cannot write the chain head file', {
        file: this.headFile,
        error: (err as Error).message,
      });
    }
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
