import { z } from 'zod';
import { LIMITS, limitSchema } from './InputLimits';
import type { RiskConfig } from './risk/RiskConfig';
import { RiskConfigSchema } from './risk/RiskConfig';

/**
 * Strategy settings (SPEC 2). Fractions are stored as fractions (0.03 = 3 %). Each schema is the single
 * source of validation for the config store, IPC and config files; defaults are the SPEC's. The limits
 * and their messages, in the user's units, are shared/domain/InputLimits.
 */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const TriggerConfigSchema = z
  .object({
    upThreshold: limitSchema(LIMITS.upThreshold),
    downThreshold: limitSchema(LIMITS.downThreshold),
  })
  .strict();
export type TriggerConfig = z.infer<typeof TriggerConfigSchema>;

export const SizingConfigSchema = z
  .object({
    strategy: z.enum(['proportional', 'target_allocation'], {
      error: 'Sizing must be "proportional" or "target_allocation"',
    }),
    rebalanceRatio: limitSchema(LIMITS.rebalanceRatio),
    targetStockPct: limitSchema(LIMITS.targetStockPct),
  })
  .strict();
export type SizingConfig = z.infer<typeof SizingConfigSchema>;

export const GuardrailConfigSchema = z
  .object({
    minStockPct: limitSchema(LIMITS.minStockPct),
    maxStockPct: limitSchema(LIMITS.maxStockPct),
    maxTradePctOfPosition: limitSchema(LIMITS.maxTradePctOfPosition),
    maxOrdersPerDay: nullable(limitSchema(LIMITS.maxOrdersPerDay)),
    /** Dollars; null = no limit. */
    maxDailyNotional: nullable(limitSchema(LIMITS.maxDailyNotional)),
  })
  .strict()
  .refine((g) => g.minStockPct <= g.maxStockPct, {
    message: 'Minimum stock share must not be above the maximum stock share',
    path: ['minStockPct'],
  });
export type GuardrailConfig = z.infer<typeof GuardrailConfigSchema>;

export const OrderPolicyConfigSchema = z
  .object({
    /** 0 = fractional shares allowed (kept to 6 decimals). */
    qtyStep: limitSchema(LIMITS.qtyStep),
    lotSize: nullable(limitSchema(LIMITS.lotSize)),
    minQty: limitSchema(LIMITS.minQty),
    /** Dollars. */
    minNotional: limitSchema(LIMITS.minNotional),
    actionBelowMin: z.enum(['hold', 'reject', 'clip'], {
      error: 'Below the minimum must be "hold", "reject" or "clip"',
    }),
  })
  .strict()
  .refine((p) => p.lotSize === null || p.qtyStep === 0 || isMultipleOf(p.lotSize, p.qtyStep), {
    message: 'Lot size must be a multiple of the quantity step',
    path: ['lotSize'],
  });
export type OrderPolicyConfig = z.infer<typeof OrderPolicyConfigSchema>;

export const PRICE_POLICIES = ['MID', 'LAST', 'BID', 'ASK'] as const;
export type PricePolicy = (typeof PRICE_POLICIES)[number];

export const ExecutionConfigSchema = z
  .object({
    pricePolicy: z.enum(PRICE_POLICIES, { error: 'Price policy must be MID, LAST, BID or ASK' }),
    allowExtendedHours: z.boolean({ error: 'Extended hours must be true or false' }),
    /** Milliseconds; a quote older than this gives HOLD stale_quote. */
    maxQuoteAgeMs: limitSchema(LIMITS.maxQuoteAgeMs),
    initialStockPct: limitSchema(LIMITS.initialStockPct),
    adjustAnchorOnDividend: z.boolean({ error: 'Adjust the anchor on dividends must be true or false' }),
    /** Withholding on dividends when the announcement does not say; fraction. */
    dividendWithholdingPct: limitSchema(LIMITS.dividendWithholdingPct),
  })
  .strict();
export type ExecutionConfig = z.infer<typeof ExecutionConfigSchema>;

export interface StrategyConfig {
  trigger: TriggerConfig;
  sizing: SizingConfig;
  guardrails: GuardrailConfig;
  orderPolicy: OrderPolicyConfig;
  execution: ExecutionConfig;
  /** Risk manager and order validator (SPEC 9); absent = every limit off (ADR 0112). */
  risk?: RiskConfig;
}

export const StrategyConfigSchema = z
  .object({
    trigger: TriggerConfigSchema,
    sizing: SizingConfigSchema,
    guardrails: GuardrailConfigSchema,
    orderPolicy: OrderPolicyConfigSchema,
    execution: ExecutionConfigSchema,
    risk: RiskConfigSchema.optional(),
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
    // Only when either has one: a config without risk settings stays as it was (hashed events).
    ...(base.risk !== undefined || override.risk !== undefined
      ? { risk: { ...RISK_SECTION_OFF, ...base.risk, ...override.risk } }
      : {}),
  };
}

/** Every risk limit off; kept here as a literal so the merge needs no import cycle at run time. */
const RISK_SECTION_OFF: RiskConfig = {
  positionStopPct: null,
  trailingStopPct: null,
  dailyLossLimitPct: null,
  maxDrawdownPct: null,
  maxOrdersPerMinute: null,
  maxOrdersPerMinutePerSymbol: null,
  maxPositionQty: null,
  maxPositionValue: null,
  maxTotalExposurePct: null,
  alertDrawdownPct: null,
  alertVarPct: null,
};

function isMultipleOf(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}
