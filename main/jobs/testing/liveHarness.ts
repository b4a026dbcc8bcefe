/** Test support only: the live loop on a real (temporary) SQLite file, a scripted provider and a virtual clock. */
import path from 'node:path';
import {
  drainIntents,
  DEFAULT_EXECUTION_OPTIONS,
  type DrainResult,
  type ExecutionOptions,
} from '../../../shared/application/execution/executeIntents';
import * as ledger from '../../../shared/application/ledger';
import { ledgerOf } from '../../../shared/application/ledger/positionChange';
import type { LedgerDeps } from '../../../shared/application/ledger/LedgerDeps';
import { runTick, type TickResult } from '../../../shared/application/trading/runTick';
import { slotTickId } from '../../../shared/application/trading/tickId';
import type { LiveDeps } from '../../../shared/application/trading/TradingDeps';
import type { StrategyConfigOverride } from '../../../shared/domain/Config';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { replayPosition } from '../../../shared/domain/PositionReplay';
import type { Broker } from '../../../shared/ports/Broker';
import { ulidGenerator } from '../../../shared/ports/IdGenerator';
import type { MarketDataPort } from '../../../shared/ports/MarketData';
import type { Notification } from '../../../shared/ports/Notifier';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import { PaperBroker } from '../../adapters/broker/PaperBroker';
import { VirtualClock } from '../../adapters/clock/VirtualClock';
import { MemoryLogger } from '../../adapters/logging/PinoLogger';
import {
  ScriptedMarketData,
  type ScriptedMarketDataOptions,
  type ScriptedQuote,
} from '../../adapters/marketData/ScriptedMarketData';
import { createStore, type SqliteStore } from '../../db/createStore';
import { openDatabase, type AppDatabase } from '../../db/openDatabase';
import { MIGRATIONS_FOLDER, removeDir, tempDir } from '../../db/testing/testDatabase';
import { createAccounting } from '../../accounting/createAccounting';
import { LiveRiskReferences } from '../../accounting/LiveRiskReferences';
import { BarClosePrices } from '../../adapters/data/BarClosePrices';
import { QuoteLogBarSource } from '../../adapters/data/QuoteLogBarSource';

export const MIN = 60_000;

/** An instant in New York time on a date: `ny('2024-06-03', 9, 30)`. */
export function ny(date: string, hour: number, minute = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // New York is UTC−4 in summer, UTC−5 in winter: find the offset that maps back to the wall time.
  for (const offset of [4, 5]) {
    const t = Date.UTC(y, m - 1, d, hour + offset, minute);
    const wall = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).format(t);
    if (wall === `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`) return t;
  }
  throw new Error(`no NY instant for ${date} ${hour}:${minute}`);
}

/** A quote every 5 minutes from `from`, one price per step (bid/ask ±0.01 around it). */
export function pricePath(from: number, prices: readonly number[], stepMs = 5 * MIN): ScriptedQuote[] {
  return prices.map((p, i) => ({
    at: from + i * stepMs,
    bid: round2(p - 0.01),
    ask: round2(p + 0.01),
    last: p,
  }));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface Harness {
  dir: string;
  db: AppDatabase;
  store: SqliteStore;
  clock: VirtualClock;
  deps: LiveDeps;
  ledgerDeps: LedgerDeps;
  logger: MemoryLogger;
  notifications: Notification[];
  tenantId: string;
  portfolioId: string;
  marketData: MarketDataPort;
  addPosition(
    symbol: string,
    cash: number,
    opts?: { shares?: number; override?: StrategyConfigOverride; withholdingPct?: number | null },
  ): PositionRecord;
  /** Runs the tick of the slot containing the clock's now. */
  tick(tickId?: string): Promise<TickResult>;
  drain(options?: Partial<ExecutionOptions>): Promise<DrainResult>;
  position(id: string): PositionRecord;
  events(positionId: string): DomainEvent[];
  /** replayPosition(events) must equal the row: the SPEC 3 invariant. */
  expectReplayMatches(positionId: string): void;
  close(): void;
}

export interface HarnessOptions {
  start: number;
  script?: ScriptedMarketDataOptions['script'];
  market?: Partial<ScriptedMarketDataOptions>;
  /** Replaces the scripted provider. */
  marketData?: (clock: VirtualClock) => MarketDataPort;
  broker?: (clock: VirtualClock) => Broker;
  portfolioConfig?: StrategyConfigOverride;
  file?: string;
  quoteTimeoutMs?: number;
  busyTimeoutMs?: number;
  /** NORMAL by default (tests); benchmarks use the app's FULL. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * The risk manager's references as the app wires them (SPEC 9): accounting over this store, closes from
   * the loop's own quote log. Off by default (the stops and portfolio rules then have no references).
   */
  risk?: boolean;
}

export async function openHarness(options: HarnessOptions): Promise<Harness> {
  const dir = options.file ? path.dirname(options.file) : tempDir('vb-live-');
  const file = options.file ?? path.join(dir, 'live.db');
  const db = await openDatabase({
    file,
    migrationsFolder: MIGRATIONS_FOLDER,
    synchronous: options.synchronous ?? 'NORMAL',
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  const clock = new VirtualClock(options.start);
  const ids = ulidGenerator(clock);
  const store = createStore(db, { ids, clock });
  const logger = new MemoryLogger();
  const notifications: Notification[] = [];
  const marketData = options.marketData
    ? options.marketData(clock)
    : new ScriptedMarketData({ clock, script: options.script ?? {}, ...options.market });
  const deps: LiveDeps = {
    ...store,
    clock,
    ids,
    marketData,
    broker: options.broker ? options.broker(clock) : new PaperBroker({ clock }),
    notifier: { notify: (n) => notifications.push(n) },
    logger,
  };
  const ledgerDeps: LedgerDeps = { ...store, clock, ids };
  const existing = store.tenants.listAll()[0];
  let tenantId: string;
  let portfolioId: string;
  if (existing) {
    tenantId = existing.id;
    portfolioId = (store.portfolios.listByTenant(tenantId)[0] as { id: string }).id;
  } else {
    tenantId = must(ledger.createTenant(ledgerDeps, { name: 'Test' })).id;
    portfolioId = must(
      ledger.createPortfolio(ledgerDeps, { tenantId, name: 'P', config: options.portfolioConfig ?? {} }),
    ).id;
  }
  if (options.risk === true) {
    const closes = [new QuoteLogBarSource(store.quotes)];
    const accounting = createAccounting(store, tenantId, clock, closes, logger);
    deps.riskReferences = new LiveRiskReferences(accounting, store.equityHistory, new BarClosePrices(closes));
  }
  const quoteTimeoutMs = options.quoteTimeoutMs ?? 200;
  const h: Harness = {
    dir,
    db,
    store,
    clock,
    deps,
    ledgerDeps,
    logger,
    notifications,
    tenantId,
    portfolioId,
    marketData,
    addPosition(symbol, cash, opts = {}) {
      const created = must(
        ledger.createPosition(ledgerDeps, {
          tenantId,
          portfolioId,
          symbol,
          initialCash: cash,
          existingShares: opts.shares ?? 0,
          withholdingPct: opts.withholdingPct ?? null,
        }),
      );
      if (opts.override)
        must(
          ledger.changePositionConfigOverride(ledgerDeps, {
            tenantId,
            positionId: created.id,
            override: opts.override,
          }),
        );
      return store.positions.get(tenantId, created.id) as PositionRecord;
    },
    tick: (tickId) =>
      runTick(deps, tickId ?? slotTickId(Math.floor(clock.now() / (5 * MIN)) * 5 * MIN), { quoteTimeoutMs }),
    drain: (o = {}) => drainIntents(deps, { ...DEFAULT_EXECUTION_OPTIONS, quoteTimeoutMs, ...o }),
    position: (id) => store.positions.get(tenantId, id) as PositionRecord,
    events: (positionId) => store.events.listByPosition(tenantId, positionId, { limit: 1_000_000 }),
    expectReplayMatches(positionId) {
      const row = store.positions.get(tenantId, positionId) as PositionRecord;
      const replayed = replayPosition(
        store.events.listByPosition(tenantId, positionId, { limit: 1_000_000 }),
      );
      const a = JSON.stringify(ledgerOf(replayed));
      const b = JSON.stringify(ledgerOf(row));
      if (a !== b) throw new Error(`replay ${a} differs from the row ${b}`);
    },
    close() {
      db.close();
      if (!options.file) removeDir(dir);
    },
  };
  return h;
}

export function must<T>(r: ledger.Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}
