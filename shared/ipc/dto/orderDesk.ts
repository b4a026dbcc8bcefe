import { z } from 'zod';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import { centsSchema, epochMsSchema, idSchema, priceSchema, qtySchema, sideSchema } from './common';
import { evaluationActionSchema, orderSchema, positionSchema } from './ledger';

/**
 * The order desk of a position (issue 15, ADRs 0061–0063): the manual order ticket (preview and place),
 * cancel of an open order, and "evaluate this position now" with what it decided in words.
 */

export const orderTicketRequest = z
  .object({ positionId: idSchema, side: sideSchema, qty: limitSchema(LIMITS.orderQty) })
  .strict();

/** The ticket at the last known price: cost, commission and where it leaves the stock share. */
export const orderTicketPreviewSchema = z.object({
  side: sideSchema,
  qty: qtySchema,
  price: priceSchema,
  priceAt: epochMsSchema.nullable(),
  /** The price is a live quote of the loop (else the last close or quote, "as of …"). */
  priceLive: z.boolean(),
  notionalCents: centsSchema,
  commissionCents: centsSchema,
  cashDeltaCents: centsSchema,
  qtyAfter: qtySchema,
  cashAfterCents: centsSchema,
  stockPctBefore: z.number().nullable(),
  stockPctAfter: z.number().nullable(),
  minStockPct: z.number(),
  maxStockPct: z.number(),
  outsideBand: z.boolean(),
  summary: z.string(),
});
export type OrderTicketPreviewDto = z.infer<typeof orderTicketPreviewSchema>;

export const placeOrderRequest = orderTicketRequest.extend({ why: z.string().max(500).optional() }).strict();

export const placedOrderSchema = z.object({
  position: positionSchema,
  order: orderSchema,
  /** "Order queued: buy 10 shares of KO at about $60.00 …". */
  message: z.string(),
});
export type PlacedOrderDto = z.infer<typeof placedOrderSchema>;

export const cancelOrderRequest = z
  .object({ orderId: idSchema, why: z.string().max(500).optional() })
  .strict();

export const cancelledOrderSchema = z.object({ order: orderSchema, message: z.string() });
export type CancelledOrderDto = z.infer<typeof cancelledOrderSchema>;

/** What "evaluate this position now" decided. */
export const positionEvaluatedSchema = z.object({
  position: positionSchema,
  tickId: z.string(),
  action: evaluationActionSchema,
  /** The decision in words, decision first: "HOLD at $60.00 — inside the trigger band (…)". */
  words: z.string(),
  order: orderSchema.nullable(),
});
export type PositionEvaluatedDto = z.infer<typeof positionEvaluatedSchema>;
