import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changePortfolioConfig,
  changePositionConfigOverride,
  closePosition,
  createPortfolio,
  createPosition,
  createTenant,
  depositCash,
  pausePosition,
  resumePosition,
  setAnchor,
  withdrawCash,
  type Result,
} from '../../shared/application/ledger';
import type { Side } from '../../shared/domain/DomainEvent';
import { verifyTenantChain } from './eventLog/hashChain';
import {
  accrueTestDividend,
  applyTestSplit,
  bookTestFill,
  payTestDividend,
  type PendingDividend,
} from './testing/bookings';
import { ledgerProblems } from './testing/ledgerInvariants';
import { openTestStore, removeDir, type TestStore } from './testing/testDatabase';

/**
 * Random sequences of ledger use cases (plus the fills, dividends and splits the live loop will write,
 * booked here with the same domain functions) on a real database file. After every step: each
 * position's row equals its replay and its last PositionUpdated, cash and shares are never negative,
 * and the hash chain verifies. Failed steps change nothing.
 */

const SYMBOLS = ['AAPL', 'MSFT', 'KO', 'JNJ'] as const;

type Op =
  | { kind: 'create'; symbol: number; cashCents: number; shares: number; pct: number | null }
  | { kind: 'deposit' | 'withdraw'; pos: number; cents: number }
  | { kind: 'overdraw'; pos: number }
  | { kind: 'anchor'; pos: number; price: number }
  | { kind: 'pause' | 'resume' | 'close'; pos: number }
  | { kind: 'override'; pos: number; up: number }
  | { kind: 'portfolioConfig'; down: number }
  | { kind: 'fill'; pos: number; side: Side; qty: number; price: number }
  | { kind: 'accrue'; pos: number; amount: number; withholding: number }
  | { kind: 'pay' }
  | { kind: 'split'; pos: number; ratio: number; close: number }
  | { kind: 'garbage'; pos: number; amount: unknown }
  | { kind: 'otherTenant'; pos: number };

const price = fc.integer({ min: 1, max: 50_000 }).map((c) => c / 100);
const createArb = fc.record({
  kind: fc.constant('create' as const),
  symbol: fc.nat(3),
  cashCents: fc.integer({ min: 0, max: 10_000_000 }),
  shares: fc.integer({ min: 0, max: 2_000_000 }).map((s) => s / 1000),
  pct: fc.option(fc.integer({ min: 0, max: 100 }).map((p) => p / 100)),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: createArb },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('deposit' as const, 'withdraw' as const),
      pos: fc.nat(5),
      cents: fc.integer({ min: 1, max: 5_000_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('overdraw' as const), pos: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('anchor' as const), pos: fc.nat(5), price }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('pause' as const, 'resume' as const, 'close' as const),
      pos: fc.nat(5),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      pos: fc.nat(5),
      up: fc.integer({ min: 1, max: 50 }).map((x) => x / 100),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('portfolioConfig' as const),
      down: fc.integer({ min: 1, max: 50 }).map((x) => x / 100),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('fill' as const),
      pos: fc.nat(5),
      side: fc.constantFrom<Side>('BUY', 'SELL'),
      qty: fc.oneof(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300_000 }).map((q) => q / 1000),
      ),
      price,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('accrue' as const),
      pos: fc.nat(5),
      amount: fc.integer({ min: 1, max: 500 }).map((c) => c / 100),
      withholding: fc.constantFrom(0, 0.15, 0.3),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pay' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      pos: fc.nat(5),
      ratio: fc.constantFrom(2, 3, 4, 0.5, 0.125),
      close: price,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      pos: fc.nat(5),
      amount: fc.oneof(
        fc.constant(NaN),
        fc.constant(-1),
        fc.constant(0),
        fc.constant(Infinity),
        fc.constant('12'),
        fc.constant(null),
        fc.double({ min: 0.0001, max: 0.0099, noNaN: true }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('otherTenant' as const), pos: fc.nat(5) }) },
);

/** A sequence starts by opening a position (most steps need one), then anything goes. */
function opsArb(maxLength: number): fc.Arbitrary<Op[]> {
  return fc
    .tuple(createArb, fc.array(opArb, { minLength: 1, maxLength, size: 'medium' }))
    .map(([first, rest]) => [first, ...rest]);
}

let t: TestStore;
let otherTenant: { tenantId: string; positionId: string };
beforeAll(async () => {
  t = await openTestStore();
  const tenant = value(createTenant(t.deps, { name: 'Other' }));
  const portfolio = value(createPortfolio(t.deps, { tenantId: tenant.id, name: 'Other' }));
  const position = value(
    createPosition(t.deps, {
      tenantId: tenant.id,
      portfolioId: portfolio.id,
      symbol: 'AAPL',
      initialCash: 1_000,
    }),
  );
  otherTenant = { tenantId: tenant.id, positionId: position.id };
});
afterAll(() => {
  t.close();
  removeDir(t.dir);
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

interface Model {
  tenantId: string;
  portfolioId: string;
  positions: string[];
  /** Unpaid accruals per position: what a pay step pays next. */
  unpaid: Map<string, PendingDividend[]>;
}

/** What a step may touch: the tenant's positions and events. A failed step must leave them as they were. */
function snapshot(m: Model): string {
  return JSON.stringify([
    t.store.positions.listByTenant(m.tenantId),
    t.store.events.listByTenant(m.tenantId).length,
  ]);
}

function run(m: Model, op: Op): Result<unknown> | 'skipped' {
  const d = t.deps;
  const positionId =
    m.positions.length > 0 ? m.positions[('pos' in op ? op.pos : 0) % m.positions.length] : undefined;
  const ref = { tenantId: m.tenantId, positionId: positionId ?? 'none' };
  switch (op.kind) {
    case 'create': {
      const r = createPosition(d, {
        tenantId: m.tenantId,
        portfolioId: m.portfolioId,
        symbol: SYMBOLS[op.symbol] ?? 'AAPL',
        initialCash: op.cashCents / 100,
        existingShares: op.shares,
        ...(op.pct === null ? {} : { initialStockPct: op.pct }),
      });
      if (r.ok) m.positions.push(r.value.id);
      return r;
    }
    case 'deposit':
      return depositCash(d, { ...ref, amount: op.cents / 100 });
    case 'withdraw':
      return withdrawCash(d, { ...ref, amount: op.cents / 100 });
    case 'overdraw': {
      const cash = positionId ? (t.store.positions.get(m.tenantId, positionId)?.cashCents ?? 0) : 0;
      return withdrawCash(d, { ...ref, amount: (cash + 1) / 100 });
    }
    case 'anchor':
      return setAnchor(d, { ...ref, anchor: op.price, by: 'prop', why: 'property test' });
    case 'pause':
      return pausePosition(d, { ...ref, by: 'prop' });
    case 'resume':
      return resumePosition(d, { ...ref, by: 'prop' });
    case 'close':
      return closePosition(d, { ...ref, by: 'prop' });
    case 'override':
      return changePositionConfigOverride(d, { ...ref, override: { trigger: { upThreshold: op.up } } });
    case 'portfolioConfig':
      return changePortfolioConfig(d, {
        tenantId: m.tenantId,
        portfolioId: m.portfolioId,
        patch: { trigger: { downThreshold: op.down } },
      });
    case 'garbage':
      return depositCash(d, { ...ref, amount: op.amount as number });
    case 'otherTenant':
      return withdrawCash(d, { tenantId: m.tenantId, positionId: otherTenant.positionId, amount: 1 });
    case 'fill':
      return positionId ? fill(positionId, op) : 'skipped';
    case 'accrue':
      return positionId ? accrue(m, positionId, op) : 'skipped';
    case 'pay':
      return pay(m);
    case 'split':
      return positionId ? split(positionId, op) : 'skipped';
  }
}

const bookings = () => ({ store: t.store, deps: t.deps });

function fill(positionId: string, op: Extract<Op, { kind: 'fill' }>): Result<unknown> | 'skipped' {
  return bookTestFill(bookings(), currentTenant, positionId, op.side, op.qty, op.price)
    ? { ok: true, value: null }
    : 'skipped';
}

function accrue(
  m: Model,
  positionId: string,
  op: Extract<Op, { kind: 'accrue' }>,
): Result<unknown> | 'skipped' {
  const pending = accrueTestDividend(bookings(), m.tenantId, positionId, op.amount, op.withholding);
  if (!pending) return 'skipped';
  m.unpaid.set(positionId, [...(m.unpaid.get(positionId) ?? []), pending]);
  return { ok: true, value: null };
}

/** Pays the oldest unpaid dividend of the first position that has one. */
function pay(m: Model): Result<unknown> | 'skipped' {
  const positionId = [...m.unpaid.entries()].find(([, list]) => list.length > 0)?.[0];
  const next = positionId === undefined ? undefined : m.unpaid.get(positionId)?.[0];
  if (positionId === undefined) return 'skipped';
  if (!next || !payTestDividend(bookings(), m.tenantId, positionId, next)) return 'skipped';
  m.unpaid.get(positionId)?.shift();
  return { ok: true, value: null };
}

function split(positionId: string, op: Extract<Op, { kind: 'split' }>): Result<unknown> | 'skipped' {
  return applyTestSplit(bookings(), currentTenant, positionId, op.ratio, op.close)
    ? { ok: true, value: null }
    : 'skipped';
}

/** The tenant of the run in progress (each run gets its own tenant in the shared database file). */
let currentTenant = '';

function newModel(): Model {
  const tenant = value(createTenant(t.deps, { name: 'Prop' }));
  const portfolio = value(createPortfolio(t.deps, { tenantId: tenant.id, name: 'P' }));
  currentTenant = tenant.id;
  return { tenantId: tenant.id, portfolioId: portfolio.id, positions: [], unpaid: new Map() };
}

const outcomes = new Map<string, number>();

describe('ledger properties', () => {
  it('row = replay = last PositionUpdated, no negative cash or shares, the chain verifies; failures change nothing', () => {
    fc.assert(
      fc.property(opsArb(40), (ops) => {
        const m = newModel();
        for (const op of ops) {
          const before = snapshot(m);
          const result = run(m, op);
          const tally = `${op.kind}:${result === 'skipped' ? 'skipped' : result.ok ? 'ok' : result.code}`;
          outcomes.set(tally, (outcomes.get(tally) ?? 0) + 1);
          if (result !== 'skipped' && !result.ok) {
            expect(['validation', 'not_found', 'conflict', 'insufficient_funds']).toContain(result.code);
            expect(result.message.length).toBeGreaterThan(5);
            expect(snapshot(m), `${op.kind} failed (${result.message}) but changed state`).toBe(before);
          }
          if (op.kind === 'garbage' || op.kind === 'otherTenant') expect(result).toMatchObject({ ok: false });
          expect(ledgerProblems(t.store, m.tenantId), JSON.stringify(op)).toEqual([]);
        }
        expect(ledgerProblems(t.store, otherTenant.tenantId)).toEqual([]);
      }),
      { numRuns: 100 },
    );
    // The sequences really exercise every step, successful and refused.
    for (const kind of [
      'create',
      'deposit',
      'withdraw',
      'fill',
      'accrue',
      'pay',
      'split',
      'anchor',
      'pause',
      'close',
      'override',
    ]) {
      expect(outcomes.get(`${kind}:ok`) ?? 0, kind).toBeGreaterThan(0);
    }
    for (const refused of ['overdraw:insufficient_funds', 'garbage:validation', 'otherTenant:not_found']) {
      expect(outcomes.get(refused) ?? 0, refused).toBeGreaterThan(0);
    }
  });

  it('tampering with any one event on a copy (triggers dropped) is detected at exactly that event', () => {
    const copyFile = path.join(t.dir, 'tamper.db');
    fc.assert(
      fc.property(
        opsArb(15),
        fc.nat(),
        fc.constantFrom('payload', 'ts', 'type', 'correlation_id', 'symbol', 'position_id', 'recorded_at'),
        (ops, pick, column) => {
          const m = newModel();
          for (const op of ops) run(m, op);
          const events = t.store.events.listByTenant(m.tenantId);
          const k = pick % events.length;
          const target = events[k];
          if (!target) throw new Error('no event');
          t.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
          fs.copyFileSync(t.file, copyFile);
          const copy = new Database(copyFile);
          try {
            copy.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete');
            const tampered: Record<string, unknown> = {
              payload:
                target.payload === null
                  ? '{}'
                  : JSON.stringify({ ...(target.payload as object), tampered: 1 }),
              ts: target.ts + 1,
              type: target.type === 'CashDeposited' ? 'CashWithdrawn' : 'CashDeposited',
              correlation_id: `${target.correlationId}x`,
              symbol: `${target.symbol ?? ''}X`,
              position_id: `${target.positionId ?? ''}X`,
              recorded_at: target.recordedAt - 1,
            };
            copy.prepare(`UPDATE events SET ${column} = ? WHERE id = ?`).run(tampered[column], target.id);
            expect(verifyTenantChain(copy, m.tenantId)).toMatchObject({
              ok: false,
              brokenAt: target.id,
              index: k,
              reason: 'hash_mismatch',
            });
            expect(verifyTenantChain(copy, otherTenant.tenantId)).toMatchObject({ ok: true });
          } finally {
            copy.close();
          }
          expect(t.store.events.verifyChain(m.tenantId)).toMatchObject({ ok: true, count: events.length });
        },
      ),
      { numRuns: 25 },
    );
  });
});
