/**
 * A tenant's trading settings that belong to no portfolio's strategy (issue 15, ADR 0085): the paper
 * broker's slippage (SPEC 4.2). Commission rates have their own hierarchy (./Commission); price policy
 * and dividend withholding are portfolio settings (./Config execution) changed for every portfolio at once.
 */
export interface TradingSettings {
  /** Buys fill this many basis points above the ask, sells below the bid. */
  paperSlippageBps: number;
}

export const DEFAULT_TRADING_SETTINGS: TradingSettings = { paperSlippageBps: 1 };
