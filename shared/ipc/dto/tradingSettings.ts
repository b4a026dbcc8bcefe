import { z } from 'zod';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import { epochMsSchema, idSchema, isoDateSchema, priceSchema, qtySchema, sideSchema } from './common';

/**
 * Settings › Trading, the dead-letter queue and dividends by hand (issue 15 "every setting reachable",
 * ADRs 0085–0089). Requests speak the user's units (a rate as a fraction shown in percent, a minimum in
 * dollars, slippage in bps) and are checked by the domain's limits, with their messages.
 */
export const commissionLevelSchema = z.enum(['GLOBAL', 'TENANT', 'TENANT_ASSET'], {
  error:
    'Commission level must be GLOBAL (every account), TENANT (this account) or TENANT_ASSET (one symbol)',
});

const symbolText = z
  .string({ error: 'Symbol must be text, e.g. KO' })
  .trim()
  .min(1, 'Symbol must not be empty')
  .max(16, 'Symbol must be at most 16 characters');

export const setCommissionRateRequest = z
  .object({
    level: commissionLevelSchema,
    /** Only for TENANT_ASSET. */
    symbol: symbolText.nullable().default(null),
    rate: limitSchema(LIMITS.commissionRate),
    /** Dollars per order (the minimum commission); 0 = none. */
    minimum: limitSchema(LIMITS.commissionMinimum).default(0),
  })
  .strict();

export const removeCommissionRateRequest = z
  .object({ level: z.enum(['TENANT', 'TENANT_ASSET']), symbol: symbolText.nullable().default(null) })
  .strict();

export const updateTradingRequest = z
  .object({
    paperSlippageBps: limitSchema(LIMITS.paperSlippageBps).optional(),
    /** For every portfolio (each one's default; a position may override it). */
    dividendWithholdingPct: limitSchema(LIMITS.dividendWithholdingPct).optional(),
    pricePolicy: z
      .enum(['MID', 'LAST', 'BID', 'ASK'], { error: 'Price policy must be MID, LAST, BID or ASK' })
      .optional(),
  })
  .strict();

const rateSchema = z.object({
  level: commissionLevelSchema,
  symbol: z.string().nullable(),
  rate: z.number(),
  minimumCents: z.number().int(),
});
export type CommissionRateDto = z.infer<typeof rateSchema>;

export const tradingSettingsSchema = z.object({
  commission: z.object({
    global: rateSchema.nullable(),
    tenant: rateSchema.nullable(),
    symbols: z.array(rateSchema),
    builtInDefault: rateSchema,
  }),
  paperSlippageBps: z.number(),
  paperSlippageIsDefault: z.boolean(),
  portfolios: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      pricePolicy: z.enum(['MID', 'LAST', 'BID', 'ASK']),
      dividendWithholdingPct: z.number(),
    }),
  ),
  /** The daily dividend jobs' own timer (ADR 0089). */
  dailyJobs: z.object({
    lastRunDate: isoDateSchema.nullable(),
    nextRunAt: epochMsSchema.nullable(),
    running: z.boolean(),
  }),
});
export type TradingSettingsDto = z.infer<typeof tradingSettingsSchema>;

// ── dead letters ────────────────────────────────────────────────────────────────────────────────
export const deadLetterSchema = z.object({
  intentId: idSchema,
  orderId: idSchema,
  positionId: idSchema,
  symbol: z.string(),
  positionStatus: z.string(),
  side: sideSchema,
  qty: qtySchema,
  price: priceSchema,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: epochMsSchema,
  deadAt: epochMsSchema,
});
export type DeadLetterDto = z.infer<typeof deadLetterSchema>;

export const deadLetterActionRequest = z
  .object({ intentId: idSchema, why: z.string().max(500, 'Why must be at most 500 characters').optional() })
  .strict();

// ── dividends by hand ───────────────────────────────────────────────────────────────────────────
export const recordDividendRequest = z
  .object({
    symbol: symbolText,
    exDate: z
      .string({ error: 'Ex-date must be a date as YYYY-MM-DD' })
      .max(10, 'Ex-date must be a date as YYYY-MM-DD'),
    payDate: z.string().max(10, 'Pay date must be a date as YYYY-MM-DD').nullable().default(null),
    amountPerShare: limitSchema(LIMITS.dividendPerShare),
    withholdingPct: limitSchema(LIMITS.dividendWithholdingPct).nullable().default(null),
  })
  .strict();

export const recordedDividendSchema = z.object({
  announcementId: idSchema,
  symbol: z.string(),
  exDate: isoDateSchema,
  payDate: isoDateSchema.nullable(),
  amountPerShare: z.number(),
});

// ── the strategy settings as a form (shared/domain/StrategyFields) ─────────────────────────────
export const strategyFieldSchema = z.object({
  section: z.enum(['trigger', 'sizing', 'guardrails', 'orderPolicy', 'execution']),
  sectionLabel: z.string(),
  key: z.string(),
  label: z.string(),
  kind: z.enum(['number', 'choice', 'boolean']),
  /** For numbers: how the value is shown and typed (percent fields are fractions in the config). */
  unit: z.enum(['money', 'price', 'shares', 'percent', 'ratio', 'count', 'duration', 'bps']).nullable(),
  /** "Down threshold must be between 0.1 % and 50 %": the limit's message, shown as the field's hint. */
  rule: z.string().nullable(),
  /** The word for null when null is allowed ("no limit"); null when it is not. */
  nullAs: z.string().nullable(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })),
  help: z.string().nullable(),
  /** The SPEC's default ("reset to default"). */
  defaultValue: z.union([z.number(), z.string(), z.boolean(), z.null()]),
});
export type StrategyFieldDto = z.infer<typeof strategyFieldSchema>;
