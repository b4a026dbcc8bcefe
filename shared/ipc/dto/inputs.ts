import { z } from 'zod';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import {
  centsSchema,
  epochMsSchema,
  idSchema,
  priceSchema,
  qtySchema,
  sideSchema,
  symbolSchema,
} from './common';
import { evaluationActionSchema, positionSchema, triggerPricesSchema } from './ledger';

/**
 * Inputs that move money (issue 15): previews that say what a value would do at today's price before it
 * is saved, and the orders an investor asks for by hand.
 */

/** What one evaluation would do at a price: the decision, its size and its words. */
export const tradePreviewSchema = z.object({
  action: evaluationActionSchema,
  side: sideSchema.nullable(),
  qty: qtySchema,
  notionalCents: centsSchema,
  /** "BUY 106 at $59.24 — …" (shared/format/EvaluationWords). */
  summary: z.string(),
});
export type TradePreviewDto = z.infer<typeof tradePreviewSchema>;

export const previewAnchorRequest = z
  .object({ positionId: idSchema, anchor: limitSchema(LIMITS.anchor) })
  .strict();

/** A hand-set anchor checked against the last known price, with what it would trade at that price. */
export const anchorPreviewSchema = z.object({
  lastPrice: priceSchema.nullable(),
  lastPriceAt: epochMsSchema.nullable(),
  /** anchor / last price − 1 (0.85 = 85 % above); null without a price. */
  distance: z.number().nullable(),
  /** More than 50 % away from the last price: setting it needs `confirmed`. */
  needsConfirmation: z.boolean(),
  triggers: triggerPricesSchema.nullable(),
  atLastPrice: tradePreviewSchema.nullable(),
  /** One sentence: "At today's price $59.24 this buys 106 shares for $6,279.44." */
  message: z.string(),
});
export type AnchorPreviewDto = z.infer<typeof anchorPreviewSchema>;

/** The fields of a new position (position.createPosition adds its withholding). */
export const newPositionShape = {
  portfolioId: idSchema,
  symbol: symbolSchema,
  initialCash: limitSchema(LIMITS.initialCash),
  existingShares: limitSchema(LIMITS.existingShares).optional(),
  initialStockPct: limitSchema(LIMITS.initialStockPct).optional(),
};

export const previewNewPositionRequest = z.object(newPositionShape).strict();

/** The first evaluation of a position about to be created, at today's price, and when it will happen. */
export const newPositionPreviewSchema = z.object({
  symbol: z.string(),
  lastPrice: priceSchema.nullable(),
  lastPriceAt: epochMsSchema.nullable(),
  firstTrade: tradePreviewSchema.nullable(),
  /** When the first evaluation can trade: the next tick while the market is open, else its next open. */
  firstTradeAt: epochMsSchema,
  message: z.string(),
});
export type NewPositionPreviewDto = z.infer<typeof newPositionPreviewSchema>;

/** An order asked for by hand: the position after it (paused while a sell-out is under way) and the order. */
export const manualOrderResultSchema = z.object({
  position: positionSchema,
  order: z.object({ id: idSchema, side: sideSchema, qty: qtySchema, price: priceSchema }).nullable(),
});
export type ManualOrderResultDto = z.infer<typeof manualOrderResultSchema>;
