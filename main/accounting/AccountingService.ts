import {
  dashboardFigures,
  lotsView,
  performanceView,
  splitRows,
  taxReport,
  type DashboardFigures,
  type PerformanceView,
  type PositionLots,
  type PriceNow,
  type TaxReport,
} from '../../shared/application/accounting/accountingViews';
import type { EquityHistoryDeps } from '../../shared/application/accounting/AccountingDeps';
import {
  lastClosedSession,
  rebuildEquityHistory,
  type RebuildReport,
} from '../../shared/application/accounting/rebuildEquityHistory';
import {
  ACCOUNTING_EVENT_TYPES,
  loadTenantLedger,
  type TenantLedger,
} from '../../shared/application/accounting/tenantLedger';
import { exchangeDateOf } from '../../shared/domain/calendar';
import type { Logger } from '../../shared/ports/Logger';
import type { IdGenerator } from '../../shared/ports/IdGenerator';
import { changeAccountingSettings } from '../../shared/application/accounting/changeAccountingSettings';
import { fail, type Result } from '../../shared/application/ledger/Result';
import { FIRST_SUPPORTED_YEAR } from '../../shared/domain/calendar';
import {
  DEFAULT_ACCOUNTING_SETTINGS,
  type AccountingSettings,
} from '../../shared/ports/AccountingSettingsRepository';

const FIRST_HISTORY_DATE = `${FIRST_SUPPORTED_YEAR}-01-01`;

/**
 * SPEC 8 in the live app: the tenant's ledger replayed from the event log (cached until a new fact is
 * logged), the equity history rebuilt at each session close and for the days the app was not running,
 * and the views the UI and the CLI show.
 */
export class AccountingService {
  private cached: { lastEventId: string | null; tenant: TenantLedger } | null = null;
  private benchmarkCache = new Map<string, Map<string, number>>();
  private rebuiltThrough: string | null = null;
  private rebuilding: Promise<RebuildReport> | null = null;

  constructor(
    private readonly deps: EquityHistoryDeps & { ids: IdGenerator },
    private readonly tenantId: string,
    private readonly priceNow: PriceNow,
    private readonly logger: Logger | null = null,
  ) {}

  /** The tenant's ledger, replayed again only when a fact was logged since. */
  ledger(): TenantLedger {
    const [latest] = this.deps.events.listByTenant(this.tenantId, {
      types: ACCOUNTING_EVENT_TYPES,
      newestFirst: true,
      limit: 1,
    });
    const lastEventId = latest?.id ?? null;
    if (this.cached === null || this.cached.lastEventId !== lastEventId) {
      this.cached = { lastEventId, tenant: loadTenantLedger(this.deps, this.tenantId) };
    }
    return this.cached.tenant;
  }

  today(): string {
    return exchangeDateOf(this.deps.clock.now());
  }

  lots(positionId?: string): PositionLots[] {
    return lotsView(this.ledger(), this.today(), this.priceNow, positionId);
  }

  taxReport(year: number): TaxReport {
    return taxReport(this.ledger(), year, this.today(), this.priceNow);
  }

  settings(portfolioId: string): AccountingSettings {
    return this.deps.accountingSettings.get(this.tenantId, portfolioId);
  }

  /** Saves a portfolio's settings (a ConfigChanged event); a new lot method rewrites the whole history. */
  async updateSettings(
    portfolioId: string,
    settings: AccountingSettings,
  ): Promise<Result<AccountingSettings>> {
    const before = this.settings(portfolioId);
    const benchmark = settings.benchmark.trim().toUpperCase();
    if (benchmark !== before.benchmark && !(await this.hasHistory(benchmark))) {
      const message = `No price history for ${benchmark}: the benchmark must be a symbol with daily closes (SPY is bundled)`;
      return fail('validation', message, [{ path: 'benchmark', message }]);
    }
    const result = changeAccountingSettings(this.deps, this.tenantId, portfolioId, settings);
    if (result.ok && before.lotMethod !== result.value.lotMethod) {
      this.cached = null;
      await this.rebuild({ full: true });
    }
    return result;
  }

  /** Whether `symbol` has daily closes up to today (in the sources the benchmark is read from). */
  private async hasHistory(symbol: string): Promise<boolean> {
    try {
      return (await this.deps.closes.closes(symbol, FIRST_HISTORY_DATE, this.today())).size > 0;
    } catch {
      return false;
    }
  }

  /** The benchmark of a portfolio (of the first one when none is given), SPY by default. */
  benchmarkOf(portfolioId: string | null): string {
    const id = portfolioId ?? this.deps.portfolios.listByTenant(this.tenantId)[0]?.id;
    return id === undefined ? DEFAULT_ACCOUNTING_SETTINGS.benchmark : this.settings(id).benchmark;
  }

  async performance(query: {
    portfolioId?: string | null;
    from?: string;
    to?: string;
    benchmark?: string;
  }): Promise<PerformanceView> {
    await this.ensureHistory();
    return performanceView(this.deps, this.ledger(), this.tenantId, {
      ...query,
      benchmark: query.benchmark ?? this.benchmarkOf(query.portfolioId ?? null),
    });
  }

  async dashboard(portfolioId: string | null): Promise<DashboardFigures> {
    await this.ensureHistory();
    const rows = this.deps.equityHistory.list(this.tenantId, {
      positionId: null,
      ...(portfolioId !== null ? { portfolioId } : {}),
    });
    const { portfolio } = splitRows(rows);
    const benchmark = this.benchmarkOf(portfolioId);
    const first = portfolio[0]?.date;
    const closes = first === undefined ? null : await this.benchmarkCloses(benchmark, first, this.today());
    return dashboardFigures(
      this.ledger(),
      portfolio,
      closes,
      benchmark,
      this.today(),
      this.priceNow,
      portfolioId,
    );
  }

  /** Rebuilds the history when a session closed since the last rebuild (at most one rebuild at a time). */
  async ensureHistory(): Promise<void> {
    const through = lastClosedSession(this.deps.clock.now());
    if (this.rebuiltThrough === through && this.cached?.lastEventId === this.lastFactId()) return;
    await this.rebuild();
  }

  rebuild(options: { full?: boolean } = {}): Promise<RebuildReport> {
    if (this.rebuilding !== null) return this.rebuilding;
    this.rebuilding = rebuildEquityHistory(this.deps, this.tenantId, options)
      .then((report) => {
        this.rebuiltThrough = report.toDate;
        this.ledger();
        this.logger?.info('equity history rebuilt', { ...report });
        return report;
      })
      .finally(() => {
        this.rebuilding = null;
      });
    return this.rebuilding;
  }

  private lastFactId(): string | null {
    const [latest] = this.deps.events.listByTenant(this.tenantId, {
      types: ACCOUNTING_EVENT_TYPES,
      newestFirst: true,
      limit: 1,
    });
    return latest?.id ?? null;
  }

  private async benchmarkCloses(symbol: string, from: string, to: string): Promise<Map<string, number>> {
    const key = `${symbol}|${from}|${to}`;
    let closes = this.benchmarkCache.get(key);
    if (closes === undefined) {
      closes = await this.deps.closes.closes(symbol, from, to);
      this.benchmarkCache.set(key, closes);
    }
    return closes;
  }
}
