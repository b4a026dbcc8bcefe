import type Database from 'better-sqlite3';
import type { PositionLedger } from '../../../shared/domain/Position';
import { FACT_TYPES, replayPosition } from '../../../shared/domain/PositionReplay';
import { formatMoney, formatPrice, formatQty } from '../../../shared/format/Format';
import { verifyTenantChainFrom, type ChainCheckpoint, type EventRow } from '../eventLog/hashChain';
import { toEvent } from '../eventLog/SqliteEventLog';

/** The checks of a ledger (ADR 0076), each named so a person can be told which one failed. */
export type LedgerCheckName = 'integrity' | 'triggers' | 'chain' | 'replay' | 'head';

export interface LedgerProblem {
  check: LedgerCheckName;
  /** The tenant it concerns; null for the file as a whole (integrity, triggers). */
  tenantId: string | null;
  /** Where: an event id, a position (symbol and id), a table or index. */
  where: string;
  /** One sentence for a person. */
  detail: string;
}

export interface TenantChecked {
  tenantId: string;
  /** Events in the tenant's chain. */
  events: number;
  /** The newest event verified (null: the tenant has no events). */
  head: ChainCheckpoint | null;
  positions: number;
}

export interface LedgerCheckResult {
  ok: boolean;
  problems: LedgerProblem[];
  tenants: TenantChecked[];
  /** What was checked, e.g. "integrity_check, triggers, chain (incremental), replay". */
  scope: string;
  durationMs: number;
}

export interface LedgerCheckOptions {
  /**
   * SQLite's own check of the file: `full` (`integrity_check` + `foreign_key_check`: every index
   * matches its rows; restores and the first start after one), `quick` (`quick_check`: pages and rows
   * only), or `none` (the caller just ran one: openDatabase runs `quick_check`).
   */
  sqlite: 'full' | 'quick' | 'none';
  /** Where each tenant's chain was last verified; the walk starts there (null/absent: from the genesis). */
  chainFrom?: (tenantId: string) => ChainCheckpoint | null;
  /** Stop the SQLite check after this many problems (the first few say enough). */
  maxSqliteProblems?: number;
}

/** The append-only triggers as migration 0001 creates them: present and refusing (ADR 0003). */
const REQUIRED_TRIGGERS: Record<string, { event: 'UPDATE' | 'DELETE' }> = {
  events_no_update: { event: 'UPDATE' },
  events_no_delete: { event: 'DELETE' },
};

/**
 * Everything that makes a ledger trustworthy, checked on any connection (the open database, or a
 * restore candidate opened read-only) and changing nothing:
 * 1. SQLite's check of the file (see {@link LedgerCheckOptions.sqlite});
 * 2. the append-only triggers exist and still refuse UPDATE and DELETE on `events`;
 * 3. every tenant's hash chain verifies (from its checkpoint when given);
 * 4. every position row equals the replay of its fact events (SPEC 3), field by field.
 * Each failure is reported with what failed and where; nothing is repaired.
 */
export function checkLedger(sqlite: Database.Database, options: LedgerCheckOptions): LedgerCheckResult {
  const started = performance.now();
  const problems: LedgerProblem[] = [];
  const scope: string[] = [];
  if (options.sqlite !== 'none') {
    scope.push(options.sqlite === 'full' ? 'integrity_check, foreign_key_check' : 'quick_check');
    problems.push(...sqliteProblems(sqlite, options.sqlite, options.maxSqliteProblems ?? 5));
    // A file SQLite itself finds damaged is not read further: its rows cannot be trusted to mean anything.
    if (problems.length > 0) return done(problems, [], scope, started);
  }
  scope.push('triggers');
  problems.push(...triggerProblems(sqlite));
  scope.push(options.chainFrom ? 'hash chain (incremental)' : 'hash chain');
  scope.push('positions = replay');
  const tenants: TenantChecked[] = [];
  let tenantIds: string[];
  try {
    tenantIds = (
      sqlite
        .prepare('SELECT id FROM tenants UNION SELECT DISTINCT tenant_id FROM events ORDER BY 1')
        .all() as {
        id: string;
      }[]
    ).map((r) => r.id);
  } catch (err) {
    problems.push({
      check: 'integrity',
      tenantId: null,
      where: 'tenants, events',
      detail: `the tenants and events cannot be read: ${(err as Error).message}`,
    });
    return done(problems, tenants, scope, started);
  }
  for (const tenantId of tenantIds) {
    const from = options.chainFrom?.(tenantId) ?? null;
    let chain: ReturnType<typeof verifyTenantChainFrom>;
    try {
      chain = verifyTenantChainFrom(sqlite, tenantId, from);
    } catch (err) {
      problems.push({
        check: 'chain',
        tenantId,
        where: 'events',
        detail: `the event log cannot be read: ${(err as Error).message}`,
      });
      continue;
    }
    if (!chain.result.ok) {
      problems.push({
        check: 'chain',
        tenantId,
        where: `event ${chain.result.brokenAt} (#${chain.result.index})`,
        detail: chain.result.detail,
      });
    }
    const replay = replayProblems(sqlite, tenantId);
    problems.push(...replay.problems);
    tenants.push({
      tenantId,
      events: chain.result.ok ? chain.result.count : chain.result.index,
      head: chain.checkpoint,
      positions: replay.positions,
    });
  }
  return done(problems, tenants, scope, started);
}

function done(
  problems: LedgerProblem[],
  tenants: TenantChecked[],
  scope: string[],
  started: number,
): LedgerCheckResult {
  return {
    ok: problems.length === 0,
    problems,
    tenants,
    scope: scope.join(', '),
    durationMs: Math.round(performance.now() - started),
  };
}

function sqliteProblems(sqlite: Database.Database, mode: 'full' | 'quick', max: number): LedgerProblem[] {
  const pragma = mode === 'full' ? 'integrity_check' : 'quick_check';
  try {
    const rows = (sqlite.pragma(`${pragma}(${max})`) as Record<string, string>[])
      .map((r) => Object.values(r)[0] as string)
      .filter((r) => r !== 'ok');
    const problems: LedgerProblem[] = rows.map((r) => ({
      check: 'integrity',
      tenantId: null,
      where: whereOfSqliteMessage(r),
      detail: `SQLite's ${pragma} found: ${r}`,
    }));
    if (mode === 'full' && problems.length === 0) {
      const orphans = sqlite.pragma('foreign_key_check') as {
        table: string;
        rowid: number;
        parent: string;
      }[];
      for (const o of orphans.slice(0, max)) {
        problems.push({
          check: 'integrity',
          tenantId: null,
          where: `table ${o.table}, row ${o.rowid}`,
          detail: `a row of ${o.table} refers to a missing row of ${o.parent}`,
        });
      }
    }
    return problems;
  } catch (err) {
    return [
      {
        check: 'integrity',
        tenantId: null,
        where: 'the file',
        detail: `SQLite cannot read the file (${(err as Error).message})`,
      },
    ];
  }
}

/** "row 12 missing from index events_tenant_idx" → "index events_tenant_idx". */
function whereOfSqliteMessage(message: string): string {
  const index = /index (\S+)/.exec(message);
  if (index) return `index ${index[1]}`;
  const page = /[Pp]age (\d+)/.exec(message);
  return page ? `page ${page[1]}` : 'the file';
}

function triggerProblems(sqlite: Database.Database): LedgerProblem[] {
  const rows = sqlite
    .prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string; tbl: string; sql: string | null }[];
  const problems: LedgerProblem[] = [];
  for (const [name, expected] of Object.entries(REQUIRED_TRIGGERS)) {
    const row = rows.find((r) => r.name === name);
    const sql = (row?.sql ?? '').replace(/\s+/g, ' ').toUpperCase();
    const refuses =
      row !== undefined &&
      row.tbl === 'events' &&
      sql.includes(`BEFORE ${expected.event} ON`) &&
      /SELECT RAISE\s*\(\s*ABORT/.test(sql) &&
      !/\bWHEN\b/.test(sql);
    if (!refuses) {
      problems.push({
        check: 'triggers',
        tenantId: null,
        where: `trigger ${name}`,
        detail:
          row === undefined
            ? `the trigger ${name} that makes the event log refuse ${expected.event} is missing: the file was changed outside the app`
            : `the trigger ${name} no longer refuses every ${expected.event} on the event log: the file was changed outside the app`,
      });
    }
  }
  return problems;
}

interface PositionRow {
  id: string;
  symbol: string;
  qty: number;
  cash_cents: number;
  receivable_cents: number;
  anchor: number | null;
  status: PositionLedger['status'];
  total_commission_paid_cents: number;
  total_dividends_gross_cents: number;
  total_dividends_net_cents: number;
}

const FIELDS: { key: keyof PositionLedger; column: string; show: (v: unknown) => string }[] = [
  { key: 'qty', column: 'qty', show: (v) => `${formatQty(v as number)} shares` },
  { key: 'cashCents', column: 'cash_cents', show: (v) => formatMoney(v as number) },
  { key: 'receivableCents', column: 'receivable_cents', show: (v) => formatMoney(v as number) },
  { key: 'anchor', column: 'anchor', show: (v) => (v === null ? 'none' : formatPrice(v as number)) },
  { key: 'status', column: 'status', show: (v) => String(v) },
  {
    key: 'totalCommissionPaidCents',
    column: 'total_commission_paid_cents',
    show: (v) => formatMoney(v as number),
  },
  {
    key: 'totalDividendsGrossCents',
    column: 'total_dividends_gross_cents',
    show: (v) => formatMoney(v as number),
  },
  {
    key: 'totalDividendsNetCents',
    column: 'total_dividends_net_cents',
    show: (v) => formatMoney(v as number),
  },
];

function replayProblems(
  sqlite: Database.Database,
  tenantId: string,
): { problems: LedgerProblem[]; positions: number } {
  const problems: LedgerProblem[] = [];
  let positions: PositionRow[];
  try {
    positions = sqlite
      .prepare(
        `SELECT id, symbol, qty, cash_cents, receivable_cents, anchor, status, total_commission_paid_cents,
                total_dividends_gross_cents, total_dividends_net_cents
         FROM positions WHERE tenant_id = ? ORDER BY id`,
      )
      .all(tenantId) as PositionRow[];
  } catch (err) {
    return {
      problems: [
        {
          check: 'replay',
          tenantId,
          where: 'positions',
          detail: `the positions cannot be read: ${(err as Error).message}`,
        },
      ],
      positions: 0,
    };
  }
  const types = [...FACT_TYPES];
  const facts = sqlite.prepare(
    `SELECT id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash
     FROM events WHERE tenant_id = ? AND position_id = ? AND type IN (${types.map(() => '?').join(', ')})
     ORDER BY id`,
  );
  for (const p of positions) {
    const where = `position ${p.symbol} (${p.id})`;
    let replayed: PositionLedger;
    let count: number;
    try {
      const rows = facts.all(tenantId, p.id, ...types) as EventRow[];
      count = rows.length;
      replayed = replayPosition(rows.map(toEvent));
    } catch (err) {
      problems.push({
        check: 'replay',
        tenantId,
        where,
        detail: `its events cannot be replayed: ${(err as Error).message}`,
      });
      continue;
    }
    for (const f of FIELDS) {
      const inTable = (p as unknown as Record<string, unknown>)[f.column];
      const byReplay = replayed[f.key];
      if (inTable !== byReplay) {
        problems.push({
          check: 'replay',
          tenantId,
          where: `${where}, ${f.column}`,
          detail: `${f.column} is ${f.show(inTable)} in the positions table but ${f.show(byReplay)} by the replay of its ${count} event${count === 1 ? '' : 's'}: the table was changed outside the app`,
        });
      }
    }
  }
  return { problems, positions: positions.length };
}
