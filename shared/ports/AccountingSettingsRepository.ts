import type { DayTradeLimit } from '../domain/accounting/DayTrades';
import type { LotMethod } from '../domain/accounting/LotMethod';

/** SPEC 8 settings of a portfolio. */
export interface AccountingSettings {
  lotMethod: LotMethod;
  dayTradeLimit: DayTradeLimit;
  /** The benchmark symbol (SPY by default; any symbol with history). */
  benchmark: string;
}

export const DEFAULT_ACCOUNTING_SETTINGS: AccountingSettings = {
  lotMethod: 'FIFO',
  dayTradeLimit: { maxDayTrades: null, minEquityCents: 2_500_000, mode: 'warn' },
  benchmark: 'SPY',
};

export interface AccountingSettingsRepository {
  /** The portfolio's settings, the defaults when never set. */
  get(tenantId: string, portfolioId: string): AccountingSettings;
  save(tenantId: string, portfolioId: string, settings: AccountingSettings, at: number): void;
}
