import type { IntegrityStatus } from './ledgerGuard';
import type { Result } from '../../shared/application/ledger/Result';
import type { SettingsUseCases } from './settingsUseCases';
import type { SimulationService } from '../simulation/SimulationService';
import type { AccountingService } from '../accounting/AccountingService';
import type { CsvBarSource } from '../adapters/data/CsvBarSource';

/** Imports of bars and dividends for the simulation's `csv` source (main/adapters/data/CsvBarSource). */
export type CsvImports = Pick<CsvBarSource, 'importBars' | 'importDividends'>;
import type { ManualOrderResult } from '../../shared/application/trading/manualOrders';
import type { PortfolioHaltView } from '../../shared/application/risk/tradingHalts';
import type { CancelOrderResult } from '../../shared/application/trading/cancelOrder';
import type { EvaluatePositionResult } from '../../shared/application/trading/evaluatePositionNow';
import type { OrderTicket } from '../../shared/application/trading/orderTicket';
import type {
  CashMovementInput,
  ChangePortfolioConfigInput,
  ChangePositionConfigInput,
  CreatePortfolioInput,
  CreatePositionInput,
  CreateTenantInput,
  DeletePositionInput,
  PositionRefInput,
  PositionStatusInput,
  SetAnchorInput,
  SetCommissionRateInput,
} from '../../shared/application/ledger';
import type { CommissionRate, CommissionSnapshot } from '../../shared/domain/Commission';
import type { StrategyConfig } from '../../shared/domain/Config';
import type { DomainEvent, EventType } from '../../shared/domain/DomainEvent';
import type { DividendAccrualRecord, DividendAnnouncement } from '../../shared/ports/DividendRepository';
import type { ChainVerification } from '../../shared/ports/EventLog';
import type { ProviderHealth } from '../../shared/ports/MarketData';
import type { Notification } from '../../shared/ports/Notifier';
import type { IntentStatus, OrderIntentRecord } from '../../shared/ports/OrderIntentRepository';
import type { OrderRecord } from '../../shared/ports/OrderRepository';
import type { Portfolio } from '../../shared/ports/PortfolioRepository';
import type { PositionRecord } from '../../shared/ports/PositionRepository';
import type { QuoteLogEntry } from '../../shared/ports/QuoteLogRepository';
import type { SymbolDirectory } from '../../shared/ports/SymbolDirectory';
import type { Tenant } from '../../shared/ports/TenantRepository';
import type { TradeRecord } from '../../shared/ports/TradeRepository';

/**
 * The backend as the shells see it (the Electron main process, the headless daemon and its loopback
 * server): one typed object built by `createBackend` (main/composition/createBackend.ts), the one
 * composition root. Everything here is scoped to `tenantId`, the investor of this data folder.
 *
 * Calls are synchronous where they only read or write SQLite (one transaction each); the ones that
 * talk to the market-data provider or wait for the loop return promises. Expected failures are values
 * (`Result`), never exceptions.
 */
export interface Backend {
  /** The investor's tenant (created on the first start of an empty data folder). */
  readonly tenantId: string;
  /** The data folder: database, logs, backups. */
  readonly dataDir: string;
  /** Which market data the loop runs on: 'replay' (offline demo), 'yahoo', or 'scripted' (tests). */
  readonly provider: string;
  /** The ledger use cases (issue 3), bound to this backend's ports and tenant where they take one. */
  readonly useCases: LedgerUseCases;
  /** Trading settings, dead letters, dividends by hand (issue 15 "every setting reachable"). */
  readonly settings: SettingsUseCases;
  readonly trading: TradingControl;
  readonly queries: BackendQueries;
  /** Which symbols can be traded: the provider, then the bundled data (positions are checked on creation). */
  readonly symbols: SymbolDirectory;
  /** Pushes for the UI: subscribe returns the unsubscribe function. Listeners must not throw. */
  readonly events: BackendEventBus;
  /** Simulations (SPEC 5): runs on worker threads, stored in the sim_* tables, never touching live state. */
  readonly simulations: SimulationService;
  /** SPEC 8: lots, P&L, round trips, wash sales, equity history, returns, tax report (issue 16). */
  readonly accounting: AccountingService;
  /** The simulation's CSV imports (SPEC 5 "a CSV the user imports"), kept in memory until restart. */
  readonly csvImports: CsvImports;
  /** The database file this backend runs on (the demo has its own, see createBackend). */
  readonly databaseFile: string;
  /**
   * A consistent copy of the database while trading goes on (SQLite online backup, SPEC 6), to
   * `destFile` or `<dataDir>/backups/<db>-<stamp>.db`. Restoring needs the backend stopped: see
   * `restoreBackup` in main/composition/backup.ts.
   */
  backup(destFile?: string): Promise<{ file: string; pages: number }>;
  /**
   * The ledger's self-checks (ADR 0076): what the last one found (trading is halted for a tenant whose
   * check failed), a check run now, and the evidence to export.
   */
  readonly integrity: {
    status(): IntegrityStatus;
    checkNow(): IntegrityStatus;
    evidence(): Record<string, unknown>;
  };
  /** The risk manager's halts (SPEC 9): each portfolio's state, and the resume after a circuit breaker. */
  readonly risk: RiskControl;
  /** Starts the scheduler (5-minute ticks), the execution worker and the daily dividend jobs. */
  start(): void;
  /**
   * Graceful stop: no new tick, intent or job starts; the one in flight finishes (its transaction
   * commits); timers stop; the database is closed. Idempotent.
   */
  stop(): Promise<void>;
}

/** Inputs without `tenantId`: the backend fills in its own. */
type Scoped<T> = Omit<T, 'tenantId'>;

export interface LedgerUseCases {
  createTenant(input: CreateTenantInput): Result<Tenant>;
  createPortfolio(input: Scoped<CreatePortfolioInput>): Result<Portfolio>;
  createPosition(input: Scoped<CreatePositionInput>): Result<PositionRecord>;
  depositCash(input: Scoped<CashMovementInput>): Result<PositionRecord>;
  withdrawCash(input: Scoped<CashMovementInput>): Result<PositionRecord>;
  setAnchor(input: Scoped<SetAnchorInput>): Result<PositionRecord>;
  pausePosition(input: Scoped<PositionStatusInput>): Result<PositionRecord>;
  resumePosition(input: Scoped<PositionStatusInput>): Result<PositionRecord>;
  closePosition(input: Scoped<PositionStatusInput>): Result<PositionRecord>;
  /** A position that never traded (no order, no dividend) is removed; its events stay in the log. */
  deletePosition(input: Scoped<DeletePositionInput>): Result<{ id: string }>;
  changePortfolioConfig(input: Scoped<ChangePortfolioConfigInput>): Result<Portfolio>;
  changePositionConfigOverride(input: Scoped<ChangePositionConfigInput>): Result<PositionRecord>;
  setCommissionRate(input: Scoped<SetCommissionRateInput>): Result<CommissionRate>;
  resolveEffectiveConfig(input: Scoped<PositionRefInput>): Result<StrategyConfig>;
  resolveCommissionFor(input: Scoped<PositionRefInput>): Result<CommissionSnapshot>;
  /**
   * The first-run demo: a portfolio "Demo" with AAPL, KO, MSFT and JPM, $25 000 of cash each. A
   * conflict when the tenant already has a portfolio of that name.
   */
  createDemoPortfolio(): Result<{ portfolio: Portfolio; positions: PositionRecord[] }>;
}

export interface RiskControl {
  /** Every portfolio: halted (circuit breaker), no buys today (daily loss stop), or trading. */
  halts(): PortfolioHaltView[];
  /** Resumes a portfolio the circuit breaker halted: `TradingResumed`, and a notification. */
  resume(input: {
    portfolioId: string;
    by: string;
    why: string | null;
  }): Result<DomainEvent<'TradingResumed'>>;
}

export interface TradingControl {
  /** Stops starting ticks (each due tick is recorded as skipped); the queue still drains. */
  pause(): void;
  resume(): void;
  /** A tick now, with its own id (`manual:<ulid>`); resolves when it has been written. */
  evaluateNow(): Promise<TickReport>;
  status(): LoopStatus;
  /**
   * Orders asked for by hand (shared/application/trading/manualOrders), through the normal order path,
   * never overlapping a tick; the worker is woken to fill them. Refused while the market is closed.
   */
  rebalanceToTarget(input: { positionId: string; by: string }): Promise<Result<ManualOrderResult>>;
  /** Sells every share and closes the position when the sale fills (at once without shares). */
  closeWithSellOut(input: {
    positionId: string;
    by: string;
    why: string | null;
  }): Promise<Result<ManualOrderResult>>;
  // ── desk: the order ticket, cancel, evaluate one position now (issue 15, ADRs 0061–0063) ──
  /** Buys or sells `qty` shares at market (reason `manual_order`); refused while the market is closed. */
  placeOrder(input: {
    positionId: string;
    side: 'BUY' | 'SELL';
    qty: number;
    by: string;
    why: string | null;
  }): Promise<Result<ManualOrderResult & { ticket: OrderTicket }>>;
  /** Cancels an order not yet claimed by the worker (order CANCELLED, intent DONE, OrderCancelled). */
  cancelOrder(input: { orderId: string; by: string; why: string | null }): Promise<Result<CancelOrderResult>>;
  /** One position through a tick's evaluation now, under its own manual tick id. */
  evaluatePosition(input: { positionId: string }): Promise<Result<EvaluatePositionResult>>;
}

export interface TickReport {
  tickId: string;
  /** Positions evaluated (each got an EvaluationEvent), orders created and rejected. */
  evaluated: number;
  ordersCreated: number;
  ordersRejected: number;
  durationMs: number;
  /** The tick did not run because one was still running (or trading is paused). */
  skipped: boolean;
  missedTicks: number;
}

export interface LoopStatus {
  /** start() was called and stop() not yet. */
  running: boolean;
  paused: boolean;
  /** Epoch ms on the backend's clock (virtual in the demo). */
  now: number;
  /** The tick under way, if any. */
  tickInProgress: string | null;
  lastTick: (TickReport & { completedAt: number }) | null;
  /** When the next scheduled tick is due, epoch ms on the backend's clock; null when stopped. */
  nextTickAt: number | null;
  /** Intents per state (DONE not counted). */
  queue: { queued: number; processing: number; failed: number; dead: number };
  provider: ProviderHealth;
}

export interface EventsQuery {
  positionId?: string;
  types?: readonly EventType[];
  /** Paging forward: only events with a greater id. */
  afterId?: string;
  /** Paging backward (with newestFirst): only events with a smaller id. */
  beforeId?: string;
  /** Event time at or after / before, epoch ms. */
  fromTs?: number;
  toTs?: number;
  /** Case-insensitive text in the symbol, type or payload. */
  text?: string;
  newestFirst?: boolean;
  /** Default 200. */
  limit?: number;
}

export interface BackendQueries {
  portfolios(): Portfolio[];
  /** All positions of the tenant, every status, by symbol. */
  positions(): PositionRecord[];
  position(positionId: string): PositionRecord | null;
  events(query?: EventsQuery): DomainEvent[];
  /** How many events match (paging fields ignored). */
  countEvents(query?: EventsQuery): number;
  /** Newest first; the position's orders, or the open orders of the tenant when no position is given. */
  orders(query?: { positionId?: string; limit?: number }): OrderRecord[];
  /** Newest first. */
  trades(query: { positionId: string; limit?: number }): TradeRecord[];
  /** Announcements with an ex-date in [from, to] (ISO dates), oldest first. */
  dividendAnnouncements(query: { fromDate: string; toDate: string }): DividendAnnouncement[];
  dividendAccruals(query: { positionId: string }): DividendAccrualRecord[];
  /** The queue by state, e.g. the dead-letter queue (`DEAD`). */
  intents(query: { status: IntentStatus; limit?: number }): OrderIntentRecord[];
  /** The newest quote the app used for a symbol (the quote log), or null: the last known price when closed. */
  lastQuote(symbol: string): QuoteLogEntry | null;
  providerHealth(): ProviderHealth;
  loopStatus(): LoopStatus;
  verifyEventChain(): ChainVerification;
}

/** What the backend pushes as it happens (the desktop turns these into `area.pastTenseFact` channels). */
export type BackendEvent =
  | { type: 'evaluationAppended'; tickId: string; event: DomainEvent<'EvaluationEvent'> }
  | { type: 'orderCreated'; order: OrderRecord }
  | { type: 'orderFilled'; event: DomainEvent<'OrderFilled'>; position: PositionRecord }
  | { type: 'orderRejected'; event: DomainEvent<'OrderRejected'> }
  | { type: 'orderCancelled'; event: DomainEvent<'OrderCancelled'> }
  | { type: 'intentDead'; intent: OrderIntentRecord; order: OrderRecord }
  /** Cash, qty, anchor or receivable changed (fills, dividends, splits, initial anchors). */
  | { type: 'positionChanged'; position: PositionRecord }
  | { type: 'tickCompleted'; report: TickReport }
  | { type: 'providerHealthChanged'; health: ProviderHealth }
  | { type: 'loopStatusChanged'; status: LoopStatus }
  /** Every notification also reaches the bus, so a UI can list them. */
  | { type: 'notification'; notification: Notification };

export type BackendEventType = BackendEvent['type'];

export interface BackendEventBus {
  subscribe(listener: (event: BackendEvent) => void): () => void;
}
