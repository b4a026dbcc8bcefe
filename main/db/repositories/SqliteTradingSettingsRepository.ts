import { eq } from 'drizzle-orm';
import type {
  TradingSettingsRecord,
  TradingSettingsRepository,
} from '../../../shared/ports/TradingSettingsRepository';
import type { Orm } from '../openDatabase';
import { tradingSettings } from '../schema';

export class SqliteTradingSettingsRepository implements TradingSettingsRepository {
  constructor(private readonly orm: Orm) {}

  get(tenantId: string): TradingSettingsRecord | null {
    const row = this.orm.select().from(tradingSettings).where(eq(tradingSettings.tenantId, tenantId)).get();
    return row ? { paperSlippageBps: row.paperSlippageBps, updatedAt: row.updatedAt } : null;
  }

  upsert(tenantId: string, settings: { paperSlippageBps: number }, updatedAt: number): void {
    this.orm
      .insert(tradingSettings)
      .values({ tenantId, paperSlippageBps: settings.paperSlippageBps, updatedAt })
      .onConflictDoUpdate({
        target: tradingSettings.tenantId,
        set: { paperSlippageBps: settings.paperSlippageBps, updatedAt },
      })
      .run();
  }
}
