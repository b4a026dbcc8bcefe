import { z } from 'zod';
import { epochMsSchema, idSchema } from './common';

/**
 * A portfolio's trading state under the risk manager (SPEC 9): halted by the circuit breaker (nothing
 * trades until the investor resumes), no new buys today (the daily loss stop), or trading.
 */
export const portfolioHaltSchema = z.object({
  portfolioId: idSchema,
  name: z.string(),
  state: z.enum(['halted', 'noBuys', 'trading']),
  reason: z.enum(['daily_loss_stop', 'max_drawdown']).nullable(),
  /** When the halt in force began, or null. */
  since: epochMsSchema.nullable(),
  /** The halt in words (main formats it), or null. */
  summary: z.string().nullable(),
  /** Whether the investor can resume it now (only the circuit breaker's halt is resumed by hand). */
  resumable: z.boolean(),
});
export type PortfolioHaltDto = z.infer<typeof portfolioHaltSchema>;

export const resumeTradingRequest = z
  .object({
    portfolioId: idSchema,
    why: z.string().max(500, 'Why is too long (at most 500 characters)').optional(),
  })
  .strict();
export type ResumeTradingRequest = z.infer<typeof resumeTradingRequest>;
