import { z } from 'zod';
import { isoDateSchema, sideSchema, symbolSchema } from './common';
import { metricsSchema } from './simulation';
import { SIZER_IDS, STRATEGY_IDS } from '../../simulation/strategy/names';
import { RiskConfigSchema } from '../../domain/risk/RiskConfig';

/**
 * The strategy lab's compare (SPEC 10, issue 18): several strategies (or parameter sets of one) on the
 * same symbols, dates and capital. Names and parameters as in shared/simulation/strategy/names.ts.
 */
export const LAB_STRATEGY_IDS = STRATEGY_IDS;
export const LAB_SIZER_IDS = SIZER_IDS;

const choice = <T extends readonly [string, ...string[]]>(ids: T) =>
  z.object({ id: z.enum(ids), params: z.array(z.number().finite()).max(4).default([]) }).strict();

export const compareRequestSchema = z
  .object({
    symbols: z.array(symbolSchema).min(1, 'choose at least one symbol').max(20, 'at most 20 symbols'),
    from: isoDateSchema,
    to: isoDateSchema,
    /** Cash per position, dollars. */
    initialCash: z.number().finite().positive('initial cash must be positive').max(1e12),
    strategies: z
      .array(choice(LAB_STRATEGY_IDS))
      .min(1, 'choose at least one strategy')
      .max(12, 'at most 12 strategies'),
    sizer: choice(LAB_SIZER_IDS).default({ id: 'percent', params: [0.95] }),
    fill: z.enum(['close', 'next_open', 'vwap']).default('close'),
    slippageBps: z.number().finite().min(0).max(1000).default(0),
    maxVolumePct: z.number().finite().gt(0).max(1).nullable().default(0.1),
    commissionRate: z.number().finite().min(0).max(0.1).default(0.0001),
    /** SPEC 9's limits every strategy of the compare obeys (stops, validator); absent or null: off. */
    risk: RiskConfigSchema.partial().strict().optional(),
  })
  .strict()
  .refine((s) => s.from <= s.to, { message: 'from must not be after to', path: ['to'] });
export type CompareRequestDto = z.input<typeof compareRequestSchema>;

const roundTripsSchema = z.object({
  count: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  winRate: z.number().nullable(),
  averageWinCents: z.number().nullable(),
  averageLossCents: z.number().nullable(),
  profitFactor: z.number().nullable(),
  expectancyCents: z.number().nullable(),
  averageHoldingDays: z.number().nullable(),
  totalPnlCents: z.number(),
});

export const compareResultSchema = z.object({
  symbols: z.array(z.string()),
  firstSession: isoDateSchema,
  lastSession: isoDateSchema,
  startEquityCents: z.number(),
  dates: z.array(isoDateSchema),
  fill: z.string(),
  rows: z.array(
    z.object({
      label: z.string(),
      strategyId: z.string(),
      metrics: metricsSchema,
      equityCents: z.array(z.number()),
      roundTrips: roundTripsSchema,
      finalEquityCents: z.number(),
      /** Orders rejected (the order validator of SPEC 9, or an order that could not be) and stop exits. */
      rejected: z.number().int(),
      riskExits: z.number().int(),
      markers: z.array(
        z.object({
          symbol: z.string(),
          at: z.string(),
          side: sideSchema,
          qty: z.number(),
          price: z.number(),
        }),
      ),
    }),
  ),
  buyAndHold: z.object({ metrics: metricsSchema, equityCents: z.array(z.number()) }),
  /** Per metric key, the index of the best row (buy-and-hold is rows.length), or null. */
  best: z.record(z.string(), z.number().int().nullable()),
  /** Each symbol's closes per session (the price chart the trade markers sit on), null before its first bar. */
  closes: z.record(z.string(), z.array(z.number().nullable())),
});
export type CompareResultDto = z.infer<typeof compareResultSchema>;
