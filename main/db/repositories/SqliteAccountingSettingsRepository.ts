import { and, eq } from 'drizzle-orm';
import {
  DEFAULT_ACCOUNTING_SETTINGS,
  type AccountingSettings,
  type AccountingSettingsRepository,
} from '../../../shared/ports/AccountingSettingsRepository';
import type { Orm } from '../openDatabase';
import { accountingSettings } from '../schema';

export class SqliteAccountingSettingsRepository implements AccountingSettingsRepository {
  constructor(private readonly orm: Orm) {}

  get(tenantId: string, portfolioId: string): AccountingSettings {
    const row = this.orm
      .select()
      .from(accountingSettings)
      .where(and(eq(accountingSettings.tenantId, tenantId), eq(accountingSettings.portfolioId, portfolioId)))
      .get();
    if (!row) return DEFAULT_ACCOUNTING_SETTINGS;
    return {
      lotMethod: row.lotMethod,
      dayTradeLimit: {
        maxDayTrades: row.maxDayTrades,
        minEquityCents: row.dayTradeMinEquityCents,
        mode: row.dayTradeMode,
      },
      benchmark: row.benchmark,
    };
  }

  save(tenantId: string, portfolioId: string, s: AccountingSettings, at: number): void {
    const values = {
      lotMethod: s.lotMethod,
      maxDayTrades: s.dayTradeLimit.maxDayTrades,
      dayTradeMinEquityCents: s.dayTradeLimit.minEquityCents,
      dayTradeMode: s.dayTradeLimit.mode,
      benchmark: s.benchmark,
      updatedAt: at,
    };
    this.orm
      .insert(accountingSettings)
      .values({ tenantId, portfolioId, ...values })
      .onConflictDoUpdate({
        target: [accountingSettings.tenantId, accountingSettings.portfolioId],
        set: values,
      })
      .run();
  }
}
