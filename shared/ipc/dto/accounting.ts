import { z } from 'zod';
import { centsSchema, idSchema, isoDateSchema, symbolSchema } from './common';
import { checkLimit, limitMessage, limitSchema, LIMITS } from '../../domain/InputLimits';
import { metricsSchema, roundTripStatsSchema } from './simulation';

/** SPEC 8 over IPC: lots, realised trades, performance, the Dashboard's figures, the tax report (issue 16). */

const num = z.number().finite();
const nullableNum = num.nullable();

export const lotMethodSchema = z.enum(['FIFO', 'LIFO', 'HIFO']);

export const lotRowSchema = z.object({
  lotId: z.string(),
  openDate: isoDateSchema,
  qty: num,
  price: num,
  costCents: centsSchema,
  marketValueCents: centsSchema.nullable(),
  unrealisedCents: centsSchema.nullable(),
  taxCostCents: centsSchema,
  washAdjustmentCents: centsSchema,
  taxHoldingStart: isoDateSchema,
  longTermIfSold: z.boolean(),
});
export type LotRowDto = z.infer<typeof lotRowSchema>;

export const realisedRowSchema = z.object({
  positionId: z.string(),
  symbol: z.string(),
  lotId: z.string(),
  saleId: z.string(),
  entryDate: isoDateSchema,
  exitDate: isoDateSchema,
  entryPrice: num,
  exitPrice: num,
  qty: num,
  costCents: centsSchema,
  pnlCents: centsSchema,
  return: nullableNum,
  holdingDays: z.number().int(),
  longTerm: z.boolean(),
  proceedsCents: centsSchema,
  commissionCents: centsSchema,
  cashInLieu: z.boolean(),
  disallowedCents: centsSchema,
});
export type RealisedRowDto = z.infer<typeof realisedRowSchema>;

export const positionLotsSchema = z.object({
  positionId: z.string(),
  portfolioId: z.string(),
  symbol: z.string(),
  qty: num,
  price: nullableNum,
  costCents: centsSchema,
  marketValueCents: centsSchema.nullable(),
  unrealisedCents: centsSchema.nullable(),
  realisedCents: centsSchema,
  dividendsCents: centsSchema,
  commissionsCents: centsSchema,
  lots: z.array(lotRowSchema),
  realised: z.array(realisedRowSchema),
});
export type PositionLotsDto = z.infer<typeof positionLotsSchema>;

// One schema for SPEC 8's round-trip statistics, live and in a simulation's results (dto/simulation).
export { roundTripStatsSchema, type RoundTripStatsDto } from './simulation';

export const benchmarkStatsSchema = z.object({
  beta: nullableNum,
  alpha: nullableNum,
  correlation: nullableNum,
  trackingError: nullableNum,
  informationRatio: nullableNum,
  portfolioReturn: num,
  benchmarkReturn: num,
});

export const performanceSchema = z.object({
  portfolioId: z.string().nullable(),
  benchmark: z.string(),
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  dates: z.array(isoDateSchema),
  equityCents: z.array(centsSchema),
  twrIndex: z.array(num),
  drawdown: z.array(num),
  benchmarkIndex: z.array(nullableNum),
  twr: nullableNum,
  mwr: nullableNum,
  metrics: metricsSchema.nullable(),
  monthly: z.array(z.object({ year: z.number().int(), month: z.number().int(), return: num })),
  benchmarkStats: benchmarkStatsSchema.nullable(),
  contributions: z.array(z.object({ positionId: z.string(), contribution: num })),
  arithmeticReturn: num,
  symbols: z.record(z.string(), z.string()),
  roundTrips: z.array(realisedRowSchema),
  roundTripStats: roundTripStatsSchema,
  dayTradesLast5: z.number().int(),
  washSales: z.object({ count: z.number().int(), disallowedCents: centsSchema }),
});
export type PerformanceDto = z.infer<typeof performanceSchema>;

export const performanceRequest = z
  .object({
    portfolioId: idSchema.nullable().default(null),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    benchmark: symbolSchema.optional(),
  })
  .strict();

export const dashboardFiguresSchema = z.object({
  valueCents: centsSchema,
  todayChangeCents: centsSchema.nullable(),
  todayChange: nullableNum,
  realisedCents: centsSchema,
  unrealisedCents: centsSchema,
  dividendsCents: centsSchema,
  commissionsCents: centsSchema,
  twrSinceStart: nullableNum,
  twrThisYear: nullableNum,
  benchmark: z.string(),
  benchmarkSinceStart: nullableNum,
  benchmarkThisYear: nullableNum,
  lastClose: isoDateSchema.nullable(),
});
export type DashboardFiguresDto = z.infer<typeof dashboardFiguresSchema>;

const taxYearSchema = z.object({
  year: z.number().int(),
  sales: z.number().int(),
  proceedsCents: centsSchema,
  taxCostCents: centsSchema,
  shortTermCents: centsSchema,
  longTermCents: centsSchema,
  disallowedCents: centsSchema,
});

export const taxSaleSchema = z.object({
  lotId: z.string(),
  positionId: z.string(),
  symbol: z.string(),
  saleId: z.string(),
  saleSeq: z.number().int(),
  cashInLieu: z.boolean(),
  holdingStart: isoDateSchema,
  closeDate: isoDateSchema,
  qty: num,
  proceedsCents: centsSchema,
  bookCostCents: centsSchema,
  basisAdjustmentCents: centsSchema,
  taxCostCents: centsSchema,
  gainCents: centsSchema,
  disallowedCents: centsSchema,
  reportedGainCents: centsSchema,
  longTerm: z.boolean(),
  replacements: z.array(
    z.object({
      lotId: z.string(),
      positionId: z.string(),
      date: isoDateSchema,
      qty: num,
      addedCents: centsSchema,
      start: isoDateSchema,
    }),
  ),
});

export const taxReportSchema = z.object({
  year: z.number().int(),
  summary: taxYearSchema,
  years: z.array(taxYearSchema),
  sales: z.array(taxSaleSchema),
  holdings: z.array(positionLotsSchema),
});
export type TaxReportDto = z.infer<typeof taxReportSchema>;

export const taxYearRequest = z.number().int().min(1990).max(2100);

/** A benchmark as typed: any ticker (the service then checks it has price history). */
export const BENCHMARK_MESSAGE =
  'Benchmark must be a ticker symbol such as SPY (letters, digits, ".", "-" or "^")';

export const accountingSettingsSchema = z.object({
  lotMethod: lotMethodSchema,
  dayTradeLimit: z.object({
    maxDayTrades: limitSchema(LIMITS.maxDayTrades).nullable(),
    // Cents over IPC; the limit reads dollars.
    minEquityCents: z
      .number({ error: limitMessage(LIMITS.dayTradeMinEquity) })
      .int({ error: limitMessage(LIMITS.dayTradeMinEquity) })
      .refine((c) => checkLimit(c / 100, LIMITS.dayTradeMinEquity) === null, {
        message: limitMessage(LIMITS.dayTradeMinEquity),
      }),
    mode: z.enum(['warn', 'block']),
  }),
  benchmark: z
    .string({ error: BENCHMARK_MESSAGE })
    .trim()
    .regex(/^[A-Za-z0-9^][A-Za-z0-9.^-]{0,15}$/, { message: BENCHMARK_MESSAGE }),
});
export type AccountingSettingsDto = z.infer<typeof accountingSettingsSchema>;
