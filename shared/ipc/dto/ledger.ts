import { z } from 'zod';
import { REASON_CODES } from '../../domain/ReasonCode';
import {
  centsSchema,
  epochMsSchema,
  fractionSchema,
  idSchema,
  priceSchema,
  qtySchema,
  sideSchema,
} from './common';
import { configPatchSchema, strategyConfigSchema } from './config';

export const positionStatusSchema = z.enum(['ACTIVE', 'PAUSED', 'CLOSED']);
export const reasonCodeSchema = z.enum(REASON_CODES);
export const evaluationActionSchema = z.enum(['HOLD', 'BUY', 'SELL', 'SKIP']);

export const portfolioSchema = z.object({
  id: idSchema,
  name: z.string(),
  baseCurrency: z.string(),
  config: strategyConfigSchema,
  positionCount: z.number().int().min(0),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type PortfolioDto = z.infer<typeof portfolioSchema>;

/** The trigger prices in force: buy at or below `buyBelow`, sell at or above `sellAbove` (SPEC 2.3). */
export const triggerPricesSchema = z.object({
  anchor: priceSchema,
  buyBelow: z.number().finite(),
  sellAbove: z.number().finite(),
});
export type TriggerPricesDto = z.infer<typeof triggerPricesSchema>;

/** A position with what the lists and the detail page show beside its ledger state. */
export const positionSchema = z.object({
  id: idSchema,
  portfolioId: idSchema,
  symbol: z.string(),
  status: positionStatusSchema,
  qty: qtySchema,
  cashCents: centsSchema,
  receivableCents: centsSchema,
  anchor: priceSchema.nullable(),
  totalCommissionPaidCents: centsSchema,
  totalDividendsGrossCents: centsSchema,
  totalDividendsNetCents: centsSchema,
  configOverride: configPatchSchema.nullable(),
  withholdingPct: fractionSchema.nullable(),
  /** The portfolio's config with the override on top: what the position trades with. */
  effectiveConfig: strategyConfigSchema,
  /**
   * The last known price: the latest evaluation's when it had one (the market is open), else the newest
   * quote the app used (the last quote or close while the market is closed); null when none is known.
   */
  lastPrice: priceSchema.nullable(),
  /** When that price was quoted (epoch ms); null without a price. */
  lastPriceAt: epochMsSchema.nullable(),
  /** True when the latest evaluation priced it; false for an earlier quote or close ("as of …"). */
  lastPriceLive: z.boolean(),
  lastEvaluatedAt: epochMsSchema.nullable(),
  lastAction: evaluationActionSchema.nullable(),
  /** qty · lastPrice + cash + receivable (cash + receivable without shares); null with shares but no price. */
  valueCents: centsSchema.nullable(),
  /** Stock value / value; null without a price or with value 0. */
  stockPct: z.number().finite().nullable(),
  triggers: triggerPricesSchema.nullable(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type PositionDto = z.infer<typeof positionSchema>;

export const orderStatusSchema = z.enum([
  'NEW',
  'SUBMITTED',
  'PARTIALLY_FILLED',
  'FILLED',
  'REJECTED',
  'CANCELLED',
]);

export const orderSchema = z.object({
  id: idSchema,
  positionId: idSchema,
  tickId: z.string().nullable(),
  side: sideSchema,
  qty: qtySchema,
  price: priceSchema,
  pricePolicy: z.enum(['MID', 'LAST', 'BID', 'ASK']),
  commissionRate: z.number().finite().min(0),
  commissionMinimumCents: centsSchema,
  status: orderStatusSchema,
  filledQty: qtySchema,
  reasons: z.array(reasonCodeSchema),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type OrderDto = z.infer<typeof orderSchema>;

export const tradeSchema = z.object({
  id: idSchema,
  orderId: idSchema,
  positionId: idSchema,
  side: sideSchema,
  qty: qtySchema,
  price: priceSchema,
  notionalCents: centsSchema,
  commissionCents: centsSchema,
  brokerRef: z.string(),
  executedAt: epochMsSchema,
});
export type TradeDto = z.infer<typeof tradeSchema>;

/** Lines of the position chart: evaluated prices with the anchor and trigger band in force, and the fills. */
export const chartSchema = z.object({
  points: z.array(
    z.object({
      ts: epochMsSchema,
      price: priceSchema,
      anchor: priceSchema.nullable(),
      buyBelow: z.number().finite().nullable(),
      sellAbove: z.number().finite().nullable(),
    }),
  ),
  fills: z.array(z.object({ ts: epochMsSchema, side: sideSchema, qty: qtySchema, price: priceSchema })),
  /** True when older points exist than the ones returned (the chart shows the latest `limit`). */
  truncated: z.boolean(),
});
export type ChartDto = z.infer<typeof chartSchema>;
