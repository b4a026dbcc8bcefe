/** A tenant's trading settings outside any portfolio's strategy config (see shared/domain/TradingSettings). */
export interface TradingSettingsRecord {
  paperSlippageBps: number;
  updatedAt: number;
}

export interface TradingSettingsRepository {
  /** Null until the tenant first changes one: the built-in defaults apply. */
  get(tenantId: string): TradingSettingsRecord | null;
  upsert(tenantId: string, settings: { paperSlippageBps: number }, updatedAt: number): void;
}
