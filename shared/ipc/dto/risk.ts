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

// ── alerts (SPEC 9, riskui) ──

export const riskAlertsRequest = z
  .object({ portfolioId: idSchema.optional(), limit: z.number().int().min(1).max(1_000).optional() })
  .strict();

/**
 * One line of the alert list: a risk alert's crossing or re-arm, or the risk manager's exit, halt or
 * resume. The figures are formatted by the backend (shared/format), the time is epoch ms.
 */
export const riskAlertSchema = z.object({
  id: idSchema,
  at: z.number().int().min(0),
  /** The event type: RiskAlert, RiskExit, TradingHalted or TradingResumed. */
  type: z.string(),
  severity: z.enum(['alert', 'info']),
  symbol: z.string().nullable(),
  positionId: z.string().nullable(),
  portfolioId: z.string().nullable(),
  /** What crossed: "Portfolio drawdown", "KO drawdown", "VaR (99 %, 1 day)", "KO trailing stop". */
  what: z.string(),
  /** The figure when it crossed ("12.4 %", "$57.10"). */
  value: z.string(),
  /** The threshold it crossed ("10 %", "stop at $57.20"). */
  threshold: z.string(),
  /** "crossed", "back inside: armed again", "sold 40 shares", "trading halted", "resumed by …". */
  status: z.string(),
  /** One sentence. */
  detail: z.string(),
});
export type RiskAlertDto = z.infer<typeof riskAlertSchema>;
export const riskAlertListSchema = z.array(riskAlertSchema);
