import { z } from 'zod';
import { idSchema } from './common';

/**
 * The Risk page (SPEC 9, issue 17): today's analytics of the portfolio's holdings, its stress tests and
 * the risk limits with how far the portfolio is from each. Money in dollars (the analytics' unit),
 * fractions for percentages; the page formats them with shared/format.
 */

export const riskReportRequest = z.object({ portfolioId: idSchema.optional() }).strict();

const num = z.number();

export const riskLevelSchema = z.object({
  confidence: z.union([z.literal(0.95), z.literal(0.99)]),
  historicalVar1d: num,
  historicalCvar1d: num,
  parametricVar1d: num,
  historicalVar10d: num,
  historicalCvar10d: num,
  parametricVar10d: num,
  historicalVar1dPct: num.nullable(),
  historicalCvar1dPct: num.nullable(),
  parametricVar1dPct: num.nullable(),
});

export const riskHoldingSchema = z.object({
  symbol: z.string(),
  value: num,
  weight: num,
  shortHistory: z.boolean(),
  componentVar95: num,
  componentVar99: num,
  beta: num.nullable(),
  volatility: num.nullable(),
});

export const riskFiguresSchema = z.object({
  asOf: z.string(),
  from: z.string(),
  window: z.number().int(),
  sessions: z.number().int(),
  benchmark: z.string().nullable(),
  stockValue: num,
  equity: num,
  /** σ_p in dollars per day. */
  sigma: num,
  levels: z.array(riskLevelSchema),
  holdings: z.array(riskHoldingSchema),
  /** Rows and columns in the order of `holdings`. */
  correlation: z.array(z.array(num.nullable())),
  beta: num.nullable(),
  concentration: z.object({
    largestSymbol: z.string().nullable(),
    largestWeight: num,
    herfindahl: num,
  }),
  /** The window's daily portfolio P&L in dollars, oldest first (the historical distribution). */
  pnl: z.array(num),
});
export type RiskFiguresDto = z.infer<typeof riskFiguresSchema>;

export const stressRowSchema = z.object({
  name: z.string(),
  kind: z.enum(['historical', 'shock']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  pnl: num,
  pnlPct: num.nullable(),
  /** A holding used the benchmark as a proxy or had no history in the window. */
  flagged: z.boolean(),
  /** "no data for this window: …" when the window has no result (pnl is then not a figure); null otherwise. */
  noData: z.string().nullable(),
});
export type StressRowDto = z.infer<typeof stressRowSchema>;

export const riskLimitSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The setting as the user typed it, formatted ("5 %", "$10,000.00"), or "off". */
  setting: z.string(),
  on: z.boolean(),
  /** How far the portfolio is from the limit (a fraction, negative when past it); null when not measurable. */
  distance: num.nullable(),
  /** "2.30 % above the daily loss stop", "off", "checked on each order". */
  text: z.string(),
  /** How the distance is computed (the page's tooltip). */
  how: z.string(),
});
export type RiskLimitDto = z.infer<typeof riskLimitSchema>;

export const riskReportSchema = z.object({
  portfolioId: idSchema.nullable(),
  /** Null with `reason` when the figures cannot be measured (no positions, not enough history). */
  figures: riskFiguresSchema.nullable(),
  reason: z.string().nullable(),
  stress: z.array(stressRowSchema),
  limits: z.array(riskLimitSchema),
});
export type RiskReportDto = z.infer<typeof riskReportSchema>;
