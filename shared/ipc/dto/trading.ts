import { z } from 'zod';
import { epochMsSchema, idSchema } from './common';

/** A market-data provider's health (shared/ports/MarketData `ProviderHealth`), shown on the Dashboard. */
export const providerHealthSchema = z.object({
  provider: z.string(),
  circuit: z.enum(['closed', 'open', 'half_open']),
  lastSuccessAt: epochMsSchema.nullable(),
  lastError: z.object({ at: epochMsSchema, message: z.string() }).nullable(),
  nextRetryAt: epochMsSchema.nullable(),
  consecutiveFailures: z.number().int().min(0),
});
export type ProviderHealthDto = z.infer<typeof providerHealthSchema>;

export const tickSummarySchema = z.object({
  tickId: z.string(),
  at: epochMsSchema,
  evaluated: z.number().int().min(0),
  ordersCreated: z.number().int().min(0),
  durationMs: z.number().min(0),
  skipped: z.boolean(),
  missedTicks: z.number().int().min(0),
});
export type TickSummaryDto = z.infer<typeof tickSummarySchema>;

/** The live loop as the Dashboard and the tray show it. */
export const tradingStatusSchema = z.object({
  /** The backend's loop is running (false before start and after stop). */
  running: z.boolean(),
  /** Trading paused by the user: ticks do not run. */
  paused: z.boolean(),
  /** Market data mode: the demo replays the bundled history on a virtual clock. */
  mode: z.enum(['demo', 'live', 'scripted']),
  /** The backend clock's now (virtual in the demo), for "next tick in …". */
  clockNow: epochMsSchema,
  tickIntervalMs: z.number().int().positive(),
  lastTick: tickSummarySchema.nullable(),
  nextTickAt: epochMsSchema.nullable(),
  providers: z.array(providerHealthSchema),
  queue: z.object({
    queued: z.number().int().min(0),
    failed: z.number().int().min(0),
    dead: z.number().int().min(0),
  }),
  /**
   * What stops trading besides the user's pause: the ledger's failed check (the whole tenant, ADR 0076)
   * and the portfolios the max-drawdown circuit breaker halted (their names, SPEC 9).
   */
  halted: z.object({ ledger: z.boolean(), portfolios: z.array(z.string()) }),
});
export type TradingStatusDto = z.infer<typeof tradingStatusSchema>;

export const evaluateNowResultSchema = z.object({ tickId: z.string(), evaluated: z.number().int().min(0) });

export const intentDeadLetteredSchema = z.object({
  intentId: idSchema,
  orderId: idSchema,
  symbol: z.string().nullable(),
  error: z.string(),
  ts: epochMsSchema,
});
export type IntentDeadLetteredDto = z.infer<typeof intentDeadLetteredSchema>;

/** Today's activity of the Dashboard (exchange day of the backend clock). */
export const dashboardSchema = z.object({
  portfolioId: idSchema.nullable(),
  /**
   * Cash + receivable of every open position + the stock of those with a known price; null only with
   * no open position. Shares without any price are left out and listed in `unpriced`.
   */
  valueCents: z.number().int().nullable(),
  cashCents: z.number().int(),
  stockValueCents: z.number().int().nullable(),
  receivableCents: z.number().int(),
  /** The oldest price the value uses when one is not the latest evaluation's ("as of …"); null when all are live. */
  pricesAsOf: epochMsSchema.nullable(),
  /** Positions holding shares without any known price: shown apart, never blanking the total. */
  unpriced: z.array(z.object({ positionId: idSchema, symbol: z.string(), qty: z.number().finite() })),
  /** Active positions whose first evaluation has not traded yet (anchor unset): they buy at `nextTradeAt`. */
  awaitingFirstTrade: z.array(z.object({ positionId: idSchema, symbol: z.string() })),
  /** The next tick at which an evaluation can trade (the market open), on the backend's clock. */
  nextTradeAt: epochMsSchema.nullable(),
  /** Stock share of value per position, for the allocation bars. */
  allocation: z.array(
    z.object({
      positionId: idSchema,
      symbol: z.string(),
      status: z.enum(['ACTIVE', 'PAUSED', 'CLOSED']),
      valueCents: z.number().int().nullable(),
      stockPct: z.number().finite().nullable(),
      minStockPct: z.number(),
      maxStockPct: z.number(),
    }),
  ),
  today: z.object({
    date: z.string(),
    evaluations: z.number().int().min(0),
    holds: z.number().int().min(0),
    orders: z.number().int().min(0),
    fills: z.number().int().min(0),
    rejections: z.number().int().min(0),
  }),
  /** The latest facts worth a line (fills, rejections, anchor and cash moves…), newest first. */
  recent: z.array(
    z.object({
      id: idSchema,
      ts: epochMsSchema,
      type: z.string(),
      symbol: z.string().nullable(),
      summary: z.string(),
    }),
  ),
});
export type DashboardDto = z.infer<typeof dashboardSchema>;
