import path from 'node:path';
import { catchUpCorporateActions } from '../../shared/application/corporateActions/catchUpCorporateActions';
import { ingestCorporateActions } from '../../shared/application/dividends/ingestCorporateActions';
import {
  DEFAULT_EXECUTION_OPTIONS,
  drainIntents,
  type ExecutionOptions,
  type IntentOutcome,
} from '../../shared/application/execution/executeIntents';
import * as ledger from '../../shared/application/ledger';
import type { LedgerDeps } from '../../shared/application/ledger/LedgerDeps';
import { createDemoPortfolio } from '../../shared/application/trading/demoPortfolio';
import { cancelOpenOrder } from '../../shared/application/trading/cancelOrder';
import { evaluatePositionNow } from '../../shared/application/trading/evaluatePositionNow';
import {
  closeWithSellOut,
  placeManualOrder,
  rebalanceToTarget,
  type ManualOrderResult,
} from '../../shared/application/trading/manualOrders';
import type { Failure, Result } from '../../shared/application/ledger/Result';
import type { TenantRepository } from '../../shared/ports/TenantRepository';
import { ProviderSymbolDirectory } from '../adapters/symbols/ProviderSymbolDirectory';
import { recordSkippedTick, runTick, type TickResult } from '../../shared/application/trading/runTick';
import { manualTickId, TICK_INTERVAL_MS } from '../../shared/application/trading/tickId';
import type { LiveDeps } from '../../shared/application/trading/TradingDeps';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { ulidGenerator } from '../../shared/ports/IdGenerator';
import type { Logger } from '../../shared/ports/Logger';
import type { MarketDataPort, ProviderHealth } from '../../shared/ports/MarketData';
import type { Notification, Notifier } from '../../shared/ports/Notifier';
import type { RetryPolicy } from '../../shared/ports/OrderIntentRepository';
import { PaperBroker } from '../adapters/broker/PaperBroker';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { CsvBarSource } from '../adapters/data/CsvBarSource';
import { ProviderHistoryBarSource } from '../adapters/data/ProviderHistoryBarSource';
import { QuoteLogBarSource } from '../adapters/data/QuoteLogBarSource';
import type { ScheduleClock } from '../adapters/clock/Timers';
import { ensureDirectorySync } from '../adapters/files/ensureDirectory';
import { createFileLogger } from '../adapters/logging/PinoLogger';
import { FanOutNotifier, LogNotifier } from '../adapters/notifier/LogNotifier';
import { backupDatabase } from '../db/backupRestore';
import { createStore } from '../db/createStore';
import { newestEventTime } from '../db/eventLog/newestEvent';
import { openDatabase } from '../db/openDatabase';
import { ExecutionLoop } from '../jobs/ExecutionLoop';
import { TickScheduler } from '../jobs/TickScheduler';
import { DailyJobScheduler } from '../jobs/DailyJobScheduler';
import { paperSlippageBps } from '../../shared/application/settings/tradingSettings';
import { DEFAULT_TRADING_SETTINGS } from '../../shared/domain/TradingSettings';
import { bindSettings } from './settingsUseCases';
import { listDeadLetters } from '../../shared/application/settings/deadLetters';
import { historySources } from '../simulation/historySources';
import { WorkerSimulationService } from '../simulation/WorkerSimulationService';
import type { Backend, LedgerUseCases, LoopStatus, RiskControl, TickReport } from './Backend';
import { listTradingHalts, resumeTrading } from '../../shared/application/risk/tradingHalts';
import { haltWords } from '../../shared/format/RiskEventWords';
import { LiveRiskReferences } from '../accounting/LiveRiskReferences';
import { BarClosePrices } from '../adapters/data/BarClosePrices';
import { backendQueries } from './backendQueries';
import { EventBus } from './EventBus';
import { LedgerGuard, type IntegrityStatus } from './ledgerGuard';
import { signBackupHead } from './backupHead';
import { applyStagedRestore, defaultBackupFile } from './backup';
import { DEFAULT_DATA_DIR } from './dataDir';
import { createMarketData, type ChosenMarketData, type ProviderChoice } from './marketDataChoice';
import { createAccounting } from '../accounting/createAccounting';
import { createRiskAlertWatch } from './riskAlertWatch';

export interface BackendOptions {
  /** The data folder (database, logs); `~/.volatility-balancing` by default. */
  dataDir?: string;
  /**
   * 'replay' (default): the offline demo, bundled history on a virtual clock, in its own database
   * file (`demo.db`) so it never mixes with real trading; 'yahoo': live quotes (`volatility-balancing.db`).
   */
  provider?: ProviderChoice;
  /** The demo's replay: first session shown and virtual ms per real ms (see marketDataChoice.ts). */
  replay?: { startDate?: string; speed?: number };
  /** Replaces the provider and clock (tests: a scripted provider on a virtual clock). */
  marketData?: MarketDataPort;
  clock?: ScheduleClock;
  /** The database file; by default chosen from the provider inside `dataDir`. */
  databaseFile?: string;
  /** The desktop's notifier (tray); notifications are always logged as well. */
  notifier?: Notifier;
  /** Replaces the rotating file logger (tests). */
  logger?: Logger;
  logToStdout?: boolean;
  tickIntervalMs?: number;
  quoteTimeoutMs?: number;
  execution?: Partial<ExecutionOptions>;
  retry?: RetryPolicy;
  slippageBps?: number;
  /** How often the worker looks for due retries, on the backend's clock; 15 s by default. */
  workerPollMs?: number;
  /** Name of the tenant created on the first start of an empty database. */
  tenantName?: string;
  /** Monotonic ms for durations; performance.now by default. */
  stopwatch?: () => number;
}

export { DEFAULT_DATA_DIR } from './dataDir';

/**
 * THE composition root: opens the database (migrating it), builds every adapter once (store, provider,
 * clock, paper broker, logger, notifier) and wires the application's use cases, the tick scheduler,
 * the execution loop and the daily corporate-action jobs into one {@link Backend}. No DI container:
 * this function is the wiring diagram.
 */
export async function createBackend(options: BackendOptions = {}): Promise<Backend> {
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const providerChoice = options.provider ?? 'replay';
  const fileLogger = options.logger
    ? null
    : createFileLogger({ dataDir, stdout: options.logToStdout ?? false });
  const logger = options.logger ?? (fileLogger as NonNullable<typeof fileLogger>).logger;
  const file = options.databaseFile ?? databaseFileFor(dataDir, providerChoice);
  // A restore staged from the UI is applied now, while nothing holds the file open (backup.ts).
  const stagedRestore = await applyStagedRestore(dataDir, file, logger);
  const db = await openDatabase({ file });
  let chosen: ChosenMarketData;
  try {
    chosen =
      options.marketData && options.clock
        ? {
            marketData: options.marketData,
            clock: options.clock,
            describe: options.marketData.name,
            persist: () => undefined,
          }
        : await createMarketData(providerChoice, {
            dataDir,
            replay: options.replay,
            clock: options.clock,
            notBefore: newestEventTime(db.sqlite),
          });
  } catch (err) {
    db.close();
    throw err;
  }
  const { marketData, clock } = chosen;
  const ids = ulidGenerator(clock);
  const store = createStore(db, { ids, clock });
  let tenantOf: string | null = null;
  const bus = new EventBus(logger);
  const notifier = new FanOutNotifier([
    new LogNotifier(logger.child({ component: 'notifier' })),
    ...(options.notifier ? [options.notifier] : []),
    { notify: (notification: Notification) => bus.publish({ type: 'notification', notification }) },
  ]);
  // The ledger's self-checks (ADR 0076): before anything writes; a failure halts trading for its tenant.
  const guard = new LedgerGuard({
    db,
    dataDir,
    now: () => clock.now(),
    logger: logger.child({ component: 'ledgerCheck' }),
    notify: (n) => notifier.notify(n),
  });
  guard.noteRestore(stagedRestore);
  guard.check('startup');
  // Ticks, fills and corporate actions loop over the tenants: a halted tenant is not among them.
  const tradingTenants: TenantRepository = {
    insert: (tenant) => store.tenants.insert(tenant),
    get: (tenantId) => store.tenants.get(tenantId),
    listAll: () => store.tenants.listAll().filter((t) => !guard.halted(t.id)),
  };
  const deps: LiveDeps = {
    ...store,
    tenants: tradingTenants,
    clock,
    ids,
    marketData,
    // Settings › Trading (ADR 0085), read at each fill; the option (tests) wins.
    broker: new PaperBroker({
      clock,
      slippageBps:
        options.slippageBps ??
        (() =>
          tenantOf === null ? DEFAULT_TRADING_SETTINGS.paperSlippageBps : paperSlippageBps(store, tenantOf)),
    }),
    notifier,
    logger,
  };
  const ledgerDeps: LedgerDeps = { ...store, clock, ids };
  const tenantId = ensureTenant(ledgerDeps, options.tenantName ?? 'Investor');
  tenantOf = tenantId;
  const csvImports = new CsvBarSource();
  const simulations = new WorkerSimulationService({
    runs: store.simulationRuns,
    tenants: store.tenants,
    // SPEC 5 "Input": bundled data, CSV imports, the provider's history cached in SQLite (live provider
    // only: the demo's provider replays the bundled data), and the live loop's own quote log.
    sources: historySources({
      bundled: new BundledBarSource(),
      csv: csvImports,
      ...(providerChoice === 'yahoo'
        ? { provider: new ProviderHistoryBarSource(marketData, store.priceHistory, clock) }
        : {}),
      quoteLog: new QuoteLogBarSource(store.quotes, {
        symbols: () => [...new Set(store.positions.listByTenant(tenantId).map((p) => p.symbol))],
      }),
    }),
    clock,
    ids,
    logger: logger.child({ component: 'simulation' }),
  });
  // SPEC 8: closes for the equity history and the benchmark (provider history when live, bundled, quote log).
  const closeSources = [
    ...(providerChoice === 'yahoo'
      ? [new ProviderHistoryBarSource(marketData, store.priceHistory, clock)]
      : []),
    new BundledBarSource(),
    new QuoteLogBarSource(store.quotes, { symbols: () => [] }),
  ];
  const accounting = createAccounting(store, tenantId, clock, closeSources, logger);
  // SPEC 9: the risk manager's references (average cost, highest close, equity closes) from accounting.
  deps.riskReferences = new LiveRiskReferences(
    accounting,
    store.equityHistory,
    new BarClosePrices(closeSources),
  );
  const stopwatch = options.stopwatch ?? (() => performance.now());
  const intervalMs = options.tickIntervalMs ?? TICK_INTERVAL_MS;
  const tickOptions = {
    quoteTimeoutMs: options.quoteTimeoutMs ?? 10_000,
    intervalMs,
    stopwatch,
    ...(chosen.skippedSlots ? { skippedSlots: chosen.skippedSlots } : {}),
  };
  const execution: ExecutionOptions = {
    ...DEFAULT_EXECUTION_OPTIONS,
    ...options.execution,
    ...(options.retry ? { retry: options.retry } : {}),
  };

  let lastTick: LoopStatus['lastTick'] = null;
  let running = false;
  let stopped = false;
  let lastDailyCheckDate: string | null = null;
  let providerDown = false;
  let lastHealth = JSON.stringify(marketData.health());

  const publishHealth = (result?: TickResult): void => {
    const health = marketData.health();
    const serialized = JSON.stringify(health);
    if (serialized !== lastHealth) {
      lastHealth = serialized;
      bus.publish({ type: 'providerHealthChanged', health });
    }
    const allFailed =
      result !== undefined && result.symbolsQuoted > 0 && result.quoteFailures === result.symbolsQuoted;
    const down = health.circuit === 'open' || allFailed;
    const recovered =
      providerDown &&
      health.circuit === 'closed' &&
      result !== undefined &&
      result.quoteFailures < result.symbolsQuoted;
    if (down && !providerDown) {
      providerDown = true;
      notifier.notify(providerNotification('providerDown', health, clock.now()));
    } else if (recovered) {
      providerDown = false;
      notifier.notify(providerNotification('providerRecovered', health, clock.now()));
    }
  };

  const publishTick = (result: TickResult): TickReport => {
    const mine = result.tenants.find((t) => t.tenantId === tenantId);
    for (const t of result.tenants) {
      for (const event of t.evaluations)
        bus.publish({ type: 'evaluationAppended', tickId: result.tickId, event });
      for (const order of t.orders) bus.publish({ type: 'orderCreated', order });
      for (const event of t.rejections) bus.publish({ type: 'orderRejected', event });
      for (const position of t.positionsChanged) bus.publish({ type: 'positionChanged', position });
    }
    const report: TickReport = {
      tickId: result.tickId,
      evaluated: mine?.evaluated ?? 0,
      ordersCreated: mine?.ordersCreated ?? 0,
      ordersRejected: mine?.ordersRejected ?? 0,
      durationMs: Math.round(result.durationMs),
      skipped: false,
      missedTicks: mine?.missedTicks ?? 0,
    };
    lastTick = { ...report, completedAt: clock.now() };
    bus.publish({ type: 'tickCompleted', report });
    publishHealth(result);
    return report;
  };

  const publishOutcome = (outcome: IntentOutcome): void => {
    switch (outcome.kind) {
      case 'filled': {
        const filled = outcome.events.find((e): e is DomainEvent<'OrderFilled'> => e.type === 'OrderFilled');
        if (filled) bus.publish({ type: 'orderFilled', event: filled, position: outcome.position });
        bus.publish({ type: 'positionChanged', position: outcome.position });
        break;
      }
      case 'rejected':
        for (const e of outcome.events)
          if (e.type === 'OrderRejected') bus.publish({ type: 'orderRejected', event: e });
        break;
      case 'cancelled':
      case 'dead':
        for (const e of outcome.events)
          if (e.type === 'OrderCancelled') bus.publish({ type: 'orderCancelled', event: e });
        if (outcome.kind === 'dead')
          bus.publish({ type: 'intentDead', intent: outcome.intent, order: outcome.order });
        break;
      default:
        break;
    }
  };

  const worker = new ExecutionLoop({
    clock,
    logger: logger.child({ component: 'execution' }),
    pollMs: options.workerPollMs ?? 15_000,
    drain: async (shouldStop) => {
      const result = await drainIntents(deps, { ...execution, shouldStop });
      for (const outcome of result.outcomes) publishOutcome(outcome);
      if (result.outcomes.length > 0) {
        publishHealth();
        guard.recordHeads();
      }
    },
  });

  /**
   * The daily dividend and corporate-action jobs on their own timer (ADR 0089): they run while trading
   * is paused, and no tick waits for them.
   */
  const runDailyJobs = async (today: string): Promise<void> => {
    // The ledger's self-check, daily while running (issue 19); start-up runs its own.
    if (lastDailyCheckDate !== null && lastDailyCheckDate !== today) guard.check('daily');
    lastDailyCheckDate = today;
    await ingestCorporateActions(deps, today);
    for (const day of await catchUpCorporateActions(deps, today)) {
      for (const p of [...day.dividends.positionsChanged, ...day.splits.positionsChanged])
        bus.publish({ type: 'positionChanged', position: p });
      for (const e of day.splits.cancelledOrders) bus.publish({ type: 'orderCancelled', event: e });
    }
  };
  const daily = new DailyJobScheduler({ clock, logger, run: runDailyJobs });

  // SPEC 9 alerts (riskui, ADR 0135): checked once the equity history is up to date after a tick.
  const riskAlerts = createRiskAlertWatch({
    deps: { ...deps, equityHistory: store.equityHistory },
    tenantId,
    today: () => accounting.today(),
    benchmarkOf: (id) => accounting.benchmarkOf(id),
    logger: logger.child({ component: 'riskAlerts' }),
  });

  const tick = async (tickId: string): Promise<TickReport> => {
    // A new exchange date the timer has not reached yet (a clock that jumped): started, never awaited.
    if (running) void daily.ensureToday();
    const result = await runTick(deps, tickId, tickOptions);
    const report = publishTick(result);
    guard.recordHeads();
    chosen.persist();
    // SPEC 8: the equity history at each session close (and the days missed), off the tick's path.
    void accounting
      .ensureHistory()
      .then(() => riskAlerts.afterTick())
      .catch((err: unknown) =>
        logger.error('equity history rebuild failed', {
          error: err instanceof Error ? err.message : String(err),
        }),
      );
    if (result.tenants.some((t) => t.ordersCreated > 0)) void worker.kick();
    return report;
  };

  const scheduler = new TickScheduler({
    clock,
    logger,
    intervalMs,
    runTick: async (tickId) => {
      await tick(tickId);
    },
    onSkipped: (tickId, why) => {
      recordSkippedTick(deps, tickId, why);
      const report: TickReport = {
        tickId,
        evaluated: 0,
        ordersCreated: 0,
        ordersRejected: 0,
        durationMs: 0,
        skipped: true,
        missedTicks: 0,
      };
      lastTick = { ...report, completedAt: clock.now() };
      bus.publish({ type: 'tickCompleted', report });
    },
  });

  const status = (): LoopStatus => ({
    running,
    paused: scheduler.isPaused(),
    now: clock.now(),
    tickInProgress: scheduler.tickInProgress(),
    lastTick,
    nextTickAt: scheduler.nextTickAt(),
    queue: {
      queued: store.intents.listByStatus(tenantId, 'QUEUED', 10_000).length,
      processing: store.intents.listByStatus(tenantId, 'PROCESSING', 10_000).length,
      failed: store.intents.listByStatus(tenantId, 'FAILED', 10_000).length,
      // Waiting in the dead-letter queue: re-queued or discarded ones are handled (ADR 0087).
      dead: listDeadLetters(store, tenantId, 10_000).length,
    },
    provider: marketData.health(),
  });

  /** An order asked for by hand: never during a tick; its facts are pushed and the worker woken. */
  const manualOrder = async <R extends ManualOrderResult>(
    positionId: string,
    run: () => Promise<Result<R>>,
  ): Promise<Result<R>> => {
    if (guard.halted(tenantId)) return haltedFailure(guard.status()) as Result<R>;
    const riskHalt = riskHaltOf(positionId);
    if (riskHalt !== null) return riskHalt as Result<R>;
    const result = await scheduler.exclusive('manual-order', run);
    if (result.ok) {
      const { evaluation, order, position } = result.value;
      if (evaluation)
        bus.publish({ type: 'evaluationAppended', tickId: evaluation.correlationId, event: evaluation });
      if (order) bus.publish({ type: 'orderCreated', order });
      bus.publish({ type: 'positionChanged', position });
      if (order) void worker.kick();
    }
    return result;
  };

  // SPEC 9: a portfolio the circuit breaker halted places no order, by hand either, until resumed.
  const haltDeps = { ...store, clock, ids, notifier };
  const riskHaltOf = (positionId: string): Failure | null => {
    const position = store.positions.get(tenantId, positionId);
    if (position === null) return null; // the use case says it is missing
    const halt = listTradingHalts(haltDeps, tenantId).find((h) => h.portfolioId === position.portfolioId);
    return halt?.state === 'halted' && halt.halt !== null
      ? {
          ok: false,
          code: 'conflict',
          message: `Trading of portfolio ${halt.name} is halted: ${haltWords(halt.halt)} Resume it first. Nothing was changed.`,
        }
      : null;
  };
  const risk: RiskControl = {
    halts: () => listTradingHalts(haltDeps, tenantId),
    resume: (input) => {
      const r = resumeTrading(haltDeps, { tenantId, ...input, why: input.why ?? undefined });
      if (r.ok) bus.publish({ type: 'loopStatusChanged', status: status() });
      return r;
    },
  };

  const useCases = bindLedger(ledgerDeps, tenantId);
  const settings = bindSettings({
    deps: { ...deps, tradingSettings: store.tradingSettings, deadLetters: store.deadLetters },
    tenantId,
    dividendsChanged: async () => {
      await daily.runNow();
    },
    requeued: (order) => {
      bus.publish({ type: 'orderCreated', order });
      void worker.kick();
    },
    dailyStatus: () => ({
      lastRunDate: daily.lastRunDate(),
      nextRunAt: daily.nextRunAt(),
      running: daily.isRunning(),
    }),
  });
  const queries = backendQueries(store, tenantId, {
    providerHealth: () => marketData.health(),
    loopStatus: status,
  });

  logger.info('backend ready', { dataDir, database: db.file, provider: chosen.describe, tenantId });

  return {
    tenantId,
    dataDir,
    databaseFile: db.file,
    provider: marketData.name,
    integrity: {
      status: () => guard.status(),
      checkNow: () => guard.check('daily'),
      evidence: () => guard.evidence(),
    },
    backup: async (destFile) => {
      const target = path.resolve(destFile ?? defaultBackupFile(dataDir, db.file, new Date()));
      ensureDirectorySync(path.dirname(target));
      const done = await backupDatabase(db, target);
      signBackupHead(dataDir, done.file); // the signed head of its chains beside it (ADR 0077)
      return done;
    },
    useCases,
    settings,
    queries,
    symbols: new ProviderSymbolDirectory({
      marketData,
      bundledSymbols: () => new BundledBarSource().listSymbols(),
      timeoutMs: tickOptions.quoteTimeoutMs,
      record: (entry) => store.uow.transaction(() => store.quotes.append(null, [entry])),
    }),
    simulations,
    accounting,
    csvImports,
    events: bus,
    risk,
    trading: {
      pause: () => {
        scheduler.pause();
        bus.publish({ type: 'loopStatusChanged', status: status() });
      },
      resume: () => {
        scheduler.resume();
        bus.publish({ type: 'loopStatusChanged', status: status() });
      },
      evaluateNow: () => scheduler.exclusive('manual', () => tick(manualTickId(ids))),
      rebalanceToTarget: (input) =>
        manualOrder(input.positionId, () => rebalanceToTarget(deps, { ...input, tenantId }, tickOptions)),
      closeWithSellOut: (input) =>
        manualOrder(input.positionId, () => closeWithSellOut(deps, { ...input, tenantId }, tickOptions)),
      // ── desk (ADRs 0061–0063) ──
      placeOrder: (input) =>
        manualOrder(input.positionId, () => placeManualOrder(deps, { ...input, tenantId }, tickOptions)),
      // One synchronous transaction: it needs no quote, so it does not wait for a tick under way.
      cancelOrder: (input) => {
        const r = cancelOpenOrder(deps, { ...input, tenantId });
        if (r.ok) bus.publish({ type: 'orderCancelled', event: r.value.event });
        return Promise.resolve(r);
      },
      evaluatePosition: (input) =>
        scheduler.exclusive('evaluate-position', async () => {
          const r = await evaluatePositionNow(deps, { ...input, tenantId }, tickOptions);
          if (r.ok) {
            const { evaluation, order, position } = r.value;
            bus.publish({ type: 'evaluationAppended', tickId: evaluation.correlationId, event: evaluation });
            if (r.value.rejection) bus.publish({ type: 'orderRejected', event: r.value.rejection });
            if (order) bus.publish({ type: 'orderCreated', order });
            bus.publish({ type: 'positionChanged', position });
            if (order) void worker.kick();
          }
          return r;
        }),
      status,
    },
    start: () => {
      if (running || stopped) return;
      running = true;
      scheduler.start();
      daily.start();
      worker.start();
      void worker.kick();
      bus.publish({ type: 'loopStatusChanged', status: status() });
      logger.info('live loop started', { nextTickAt: scheduler.nextTickAt() });
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      running = false;
      await scheduler.stop();
      await daily.stop();
      await worker.stop();
      await simulations.close();
      chosen.persist();
      guard.recordHeads();
      logger.info('live loop stopped; database closed');
      db.close();
      await fileLogger?.flush();
    },
  };
}

/** An order by hand while the ledger's check has failed: refused, saying why. */
function haltedFailure(status: IntegrityStatus): Failure {
  const first = status.problems[0];
  return {
    ok: false,
    code: 'conflict',
    message: `Trading is halted: the ledger's check failed${first ? ` (${first.where}: ${first.detail})` : ''}. Nothing was changed.`,
  };
}

/** The live database and the demo's are separate files: replayed history never mixes with real trading. */
export function databaseFileFor(dataDir: string, provider: ProviderChoice): string {
  return path.join(dataDir, provider === 'yahoo' ? 'volatility-balancing.db' : 'demo.db');
}

function ensureTenant(deps: LedgerDeps, name: string): string {
  const existing = deps.tenants.listAll()[0];
  if (existing) return existing.id;
  const created = ledger.createTenant(deps, { name });
  if (!created.ok) throw new Error(`cannot create the tenant: ${created.message}`);
  return created.value.id;
}

function bindLedger(deps: LedgerDeps, tenantId: string): LedgerUseCases {
  const t = { tenantId };
  return {
    createTenant: (input) => ledger.createTenant(deps, input),
    createPortfolio: (input) => ledger.createPortfolio(deps, { ...input, ...t }),
    createPosition: (input) => ledger.createPosition(deps, { ...input, ...t }),
    depositCash: (input) => ledger.depositCash(deps, { ...input, ...t }),
    withdrawCash: (input) => ledger.withdrawCash(deps, { ...input, ...t }),
    setAnchor: (input) => ledger.setAnchor(deps, { ...input, ...t }),
    pausePosition: (input) => ledger.pausePosition(deps, { ...input, ...t }),
    resumePosition: (input) => ledger.resumePosition(deps, { ...input, ...t }),
    closePosition: (input) => ledger.closePosition(deps, { ...input, ...t }),
    deletePosition: (input) => ledger.deletePosition(deps, { ...input, ...t }),
    changePortfolioConfig: (input) => ledger.changePortfolioConfig(deps, { ...input, ...t }),
    changePositionConfigOverride: (input) => ledger.changePositionConfigOverride(deps, { ...input, ...t }),
    setCommissionRate: (input) => ledger.setCommissionRate(deps, { ...input, ...t }),
    resolveEffectiveConfig: (input) => ledger.resolveEffectiveConfig(deps, { ...input, ...t }),
    resolveCommissionFor: (input) => ledger.resolveCommissionFor(deps, { ...input, ...t }),
    createDemoPortfolio: () => createDemoPortfolio(deps, tenantId),
  };
}

function providerNotification(
  kind: 'providerDown' | 'providerRecovered',
  health: ProviderHealth,
  at: number,
): Notification {
  return kind === 'providerDown'
    ? {
        kind,
        title: `Market data unavailable (${health.provider})`,
        body: `No position trades until it answers again (each evaluation holds: provider failed). ${health.lastError?.message ?? ''}`.trim(),
        tenantId: null,
        positionId: null,
        symbol: null,
        at,
      }
    : {
        kind,
        title: `Market data back (${health.provider})`,
        body: 'Quotes are answering again.',
        tenantId: null,
        positionId: null,
        symbol: null,
        at,
      };
}
