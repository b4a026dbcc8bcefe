import type { IntegrityStatus } from '../../composition/ledgerGuard';
import type { Result } from '../../../shared/application/ledger';
import * as ledger from '../../../shared/application/ledger';
import { ulidGenerator } from '../../../shared/ports/IdGenerator';
import { SILENT_LOGGER } from '../../../shared/ports/Logger';
import type { ProviderHealth } from '../../../shared/ports/MarketData';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { Backend, BackendEvent, LoopStatus, TickReport } from '../../composition/Backend';
import { backendQueries } from '../../composition/backendQueries';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import { CsvBarSource } from '../../adapters/data/CsvBarSource';
import { ProviderSymbolDirectory } from '../../adapters/symbols/ProviderSymbolDirectory';
import { ScriptedMarketData } from '../../adapters/marketData/ScriptedMarketData';
import {
  closeWithSellOut,
  placeManualOrder,
  rebalanceToTarget,
} from '../../../shared/application/trading/manualOrders';
import { cancelOpenOrder } from '../../../shared/application/trading/cancelOrder';
import { evaluatePositionNow } from '../../../shared/application/trading/evaluatePositionNow';
import type { TickDeps } from '../../../shared/application/trading/runTick';
import { openTestStore, type TestStore } from '../../db/testing/testDatabase';
import { historySources } from '../../simulation/historySources';
import { WorkerSimulationService } from '../../simulation/WorkerSimulationService';
import { createAccounting } from '../../accounting/createAccounting';
import { bindSettings } from '../../composition/settingsUseCases';
import { listTradingHalts, resumeTrading } from '../../../shared/application/risk/tradingHalts';

/**
 * Test support: a `Backend` over a real SQLite file with the ledger use cases, the store's queries and
 * the real simulation service (bundled data, worker threads), and a trading loop that only counts calls. Handler tests and the IPC fuzz test run against it; the
 * live loop's own behaviour is tested by its owner with the real `createBackend`.
 */
export interface LedgerBackend {
  backend: Backend;
  store: TestStore;
  /** Pushes a backend event to the subscribers, as the live loop would. */
  emit(event: BackendEvent): void;
  calls: { evaluateNow: number; pause: number; resume: number };
  close(): Promise<void>;
}

export async function openLedgerBackend(file?: string): Promise<LedgerBackend> {
  const store = await openTestStore(file);
  const deps = store.deps;
  const tenant = ledger.createTenant(deps, { name: 'Investor' });
  if (!tenant.ok) throw new Error(tenant.message);
  const tenantId = tenant.value.id;
  const listeners = new Set<(event: BackendEvent) => void>();
  const calls = { evaluateNow: 0, pause: 0, resume: 0 };
  let paused = false;
  let lastTick: (TickReport & { completedAt: number }) | null = null;
  const health: ProviderHealth = {
    provider: 'scripted',
    circuit: 'closed',
    lastSuccessAt: null,
    lastError: null,
    nextRetryAt: null,
    consecutiveFailures: 0,
  };
  const status = (): LoopStatus => ({
    running: true,
    paused,
    now: store.clock.now(),
    tickInProgress: null,
    lastTick,
    nextTickAt: null,
    queue: { queued: 0, processing: 0, failed: 0, dead: 0 },
    provider: health,
  });
  const csvImports = new CsvBarSource();
  const simulations = new WorkerSimulationService({
    runs: store.store.simulationRuns,
    tenants: store.store.tenants,
    sources: historySources({ bundled: new BundledBarSource(), csv: csvImports }),
    clock: store.clock,
    ids: ulidGenerator(store.clock),
    logger: SILENT_LOGGER,
    sweepWorkers: 2,
  });
  const liveDeps: TickDeps = {
    ...store.store,
    clock: store.clock,
    ids: ulidGenerator(store.clock),
    marketData: new ScriptedMarketData({ clock: store.clock, script: {} }),
    notifier: { notify: () => undefined },
    logger: SILENT_LOGGER,
  };
  const scoped =
    <I, T>(fn: (d: typeof deps, input: I & { tenantId: string }) => Result<T>) =>
    (input: I) =>
      fn(deps, { ...input, tenantId });

  const integrityStatus: IntegrityStatus = {
    state: 'ok',
    kind: 'startup',
    checkedAt: store.clock.now(),
    scope: 'not checked in handler tests',
    durationMs: 0,
    haltedTenants: [],
    problems: [],
    restore: null,
  };
  const backend: Backend = {
    tenantId,
    dataDir: store.dir,
    provider: 'scripted',
    accounting: createAccounting(store.store, tenantId, store.clock, [new BundledBarSource()], SILENT_LOGGER),
    risk: {
      halts: () => listTradingHalts({ ...store.store, clock: store.clock, ids: deps.ids }, tenantId),
      resume: (input) =>
        resumeTrading(
          { ...store.store, clock: store.clock, ids: deps.ids },
          { tenantId, ...input, why: input.why ?? undefined },
        ),
    },
    integrity: {
      status: () => integrityStatus,
      checkNow: () => integrityStatus,
      evidence: () => ({ status: integrityStatus }),
    },
    // Handler tests run offline: a symbol is known when the bundled dataset has it.
    symbols: new ProviderSymbolDirectory({
      marketData: null,
      bundledSymbols: () => new BundledBarSource().listSymbols(),
    }),
    settings: bindSettings({
      deps: { ...store.store, clock: store.clock, ids: liveDeps.ids, logger: SILENT_LOGGER },
      tenantId,
    }),
    useCases: {
      createTenant: (input) => ledger.createTenant(deps, input),
      createPortfolio: scoped(ledger.createPortfolio),
      createPosition: scoped(ledger.createPosition),
      depositCash: scoped(ledger.depositCash),
      withdrawCash: scoped(ledger.withdrawCash),
      setAnchor: scoped(ledger.setAnchor),
      pausePosition: scoped(ledger.pausePosition),
      resumePosition: scoped(ledger.resumePosition),
      closePosition: scoped(ledger.closePosition),
      deletePosition: scoped(ledger.deletePosition),
      changePortfolioConfig: scoped(ledger.changePortfolioConfig),
      changePositionConfigOverride: scoped(ledger.changePositionConfigOverride),
      setCommissionRate: scoped(ledger.setCommissionRate),
      resolveEffectiveConfig: scoped(ledger.resolveEffectiveConfig),
      resolveCommissionFor: scoped(ledger.resolveCommissionFor),
      createDemoPortfolio: () => {
        const portfolio = ledger.createPortfolio(deps, { tenantId, name: 'Demo' });
        if (!portfolio.ok) return portfolio;
        const positions: PositionRecord[] = [];
        for (const symbol of ['AAPL', 'KO', 'MSFT', 'JPM']) {
          const p = ledger.createPosition(deps, {
            tenantId,
            portfolioId: portfolio.value.id,
            symbol,
            initialCash: 25_000,
          });
          if (!p.ok) return p;
          positions.push(p.value);
        }
        return ledger.ok({ portfolio: portfolio.value, positions });
      },
    },
    trading: {
      pause: () => {
        calls.pause += 1;
        paused = true;
      },
      resume: () => {
        calls.resume += 1;
        paused = false;
      },
      evaluateNow: () => {
        calls.evaluateNow += 1;
        const report: TickReport = {
          tickId: `manual:${calls.evaluateNow}`,
          evaluated: 0,
          ordersCreated: 0,
          ordersRejected: 0,
          durationMs: 1,
          skipped: false,
          missedTicks: 0,
        };
        lastTick = { ...report, completedAt: store.clock.now() };
        return Promise.resolve(report);
      },
      status,
      // Orders by hand run the real use cases on a provider without quotes: a sell-out of a position
      // without shares closes it; anything needing a price is refused as it would be without one.
      rebalanceToTarget: (input) =>
        rebalanceToTarget(liveDeps, { ...input, tenantId }, { quoteTimeoutMs: 100 }),
      closeWithSellOut: (input) =>
        closeWithSellOut(liveDeps, { ...input, tenantId }, { quoteTimeoutMs: 100 }),
      placeOrder: (input) => placeManualOrder(liveDeps, { ...input, tenantId }, { quoteTimeoutMs: 100 }),
      cancelOrder: (input) => Promise.resolve(cancelOpenOrder(liveDeps, { ...input, tenantId })),
      evaluatePosition: (input) =>
        evaluatePositionNow(liveDeps, { ...input, tenantId }, { quoteTimeoutMs: 100 }),
    },
    queries: backendQueries(store.store, tenantId, { providerHealth: () => health, loopStatus: status }),
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    databaseFile: store.file,
    simulations,
    csvImports,
    backup: async (destFile) => {
      const file = destFile ?? `${store.file}.backup.db`;
      await store.db.sqlite.backup(file);
      return { file, pages: 0 };
    },
    start() {},
    stop: () => simulations.close(),
  };
  return {
    backend,
    store,
    calls,
    emit: (event) => {
      for (const l of listeners) l(event);
    },
    close: async () => {
      await backend.stop();
      store.close();
    },
  };
}
