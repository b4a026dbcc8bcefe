import { z } from 'zod';

/**
 * Strategy settings (SPEC 2). Fractions are stored as fractions (0.03 = 3 %). Each schema is the single
 * source of validation for the config store, IPC and config files; defaults are the SPEC's.
 */
const fraction = z.number().finite().min(0).max(1);

export const TriggerConfigSchema = z
  .object({
    upThreshold: z.number().finite().gt(0).lt(10),
    downThreshold: z.number().finite().gt(0).lt(1),
  })
  .strict();
export type TriggerConfig = z.infer<typeof TriggerConfigSchema>;

export const SizingConfigSchema = z
  .object({
    strategy: z.enum(['proportional', 'target_allocation']),
    rebalanceRatio: z.number().finite().gt(0).max(100),
    targetStockPct: fraction,
  })
  .strict();
export type SizingConfig = z.infer<typeof SizingConfigSchema>;

export const GuardrailConfigSchema = z
  .object({
    minStockPct: fraction,
    maxStockPct: fraction,
    maxTradePctOfPosition: z.number().finite().gt(0).max(1),
    maxOrdersPerDay: z.number().int().min(0).nullable(),
    /** Dollars; null = no limit. */
    maxDailyNotional: z.number().finite().min(0).nullable(),
  })
  .strict()
  .refine((g) => g.minStockPct <= g.maxStockPct, { message: 'minStockPct must not exceed maxStockPct' });
export type GuardrailConfig = z.infer<typeof GuardrailConfigSchema>;

export const OrderPolicyConfigSchema = z
  .object({
    /** 0 = fractional shares allowed (kept to 6 decimals). */
    qtyStep: z.number().finite().min(0),
    lotSize: z.number().finite().gt(0).nullable(),
    minQty: z.number().finite().min(0),
    /** Dollars. */
    minNotional: z.number().finite().min(0),
    actionBelowMin: z.enum(['hold', 'reject', 'clip']),
  })
  .strict()
  .refine((p) => p.lotSize === null || p.qtyStep === 0 || isMultipleOf(p.lotSize, p.qtyStep), {
    message: 'lotSize must be a multiple of qtyStep',
  });
export type OrderPolicyConfig = z.infer<typeof OrderPolicyConfigSchema>;

export const PRICE_POLICIES = ['MID', 'LAST', 'BID', 'ASK'] as const;
export type PricePolicy = (typeof PRICE_POLICIES)[number];

export const ExecutionConfigSchema = z
  .object({
    pricePolicy: z.enum(PRICE_POLICIES),
    allowExtendedHours: z.boolean(),
    /** Milliseconds; a quote older than this gives HOLD stale_quote. */
    maxQuoteAgeMs: z.number().int().positive(),
    initialStockPct: fraction,
    adjustAnchorOnDividend: z.boolean(),
    /** Withholding on dividends when the announcement does not say; fraction. */
    dividendWithholdingPct: fraction,
  })
  .strict();
export type ExecutionConfig = z.infer<typeof ExecutionConfigSchema>;

export interface StrategyConfig {
  trigger: TriggerConfig;
  sizing: SizingConfig;
  guardrails: GuardrailConfig;
  orderPolicy: OrderPolicyConfig;
  execution: ExecutionConfig;
}

export const StrategyConfigSchema = z
  .object({
    trigger: TriggerConfigSchema,
    sizing: SizingConfigSchema,
    guardrails: GuardrailConfigSchema,
    orderPolicy: OrderPolicyConfigSchema,
    execution: ExecutionConfigSchema,
  })
  .strict();

export const DEFAULT_STRATEGY_CONFIG: StrategyConfig = {
  trigger: { upThreshold: 0.03, downThreshold: 0.03 },
  sizing: { strategy: 'proportional', rebalanceRatio: 1.6667, targetStockPct: 0.5 },
  guardrails: {
    minStockPct: 0.25,
    maxStockPct: 0.75,
    maxTradePctOfPosition: 0.5,
    maxOrdersPerDay: 4,
    maxDailyNotional: null,
  },
  orderPolicy: { qtyStep: 1, lotSize: null, minQty: 0, minNotional: 100, actionBelowMin: 'hold' },
  execution: {
    pricePolicy: 'MID',
    allowExtendedHours: false,
    maxQuoteAgeMs: 15 * 60_000,
    initialStockPct: 0.5,
    adjustAnchorOnDividend: true,
    dividendWithholdingPct: 0,
  },
};

export type ConfigSection = keyof StrategyConfig;

/** A per-position override replaces whole fields of a section; missing fields inherit the portfolio's. */
export type StrategyConfigOverride = { [S in ConfigSection]?: Partial<StrategyConfig[S]> };

export function mergeConfig(
  base: StrategyConfig,
  override: StrategyConfigOverride | undefined,
): StrategyConfig {
  if (!override) return base;
  return {
    trigger: { ...base.trigger, ...override.trigger },
    sizing: { ...base.sizing, ...override.sizing },
    guardrails: { ...base.guardrails, ...override.guardrails },
    orderPolicy: { ...base.orderPolicy, ...override.orderPolicy },
    execution: { ...base.execution, ...override.execution },
  };
}

function isMultipleOf(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}
