import { z } from 'zod';
import { EVENT_TYPES } from '../../domain/DomainEvent';
import { epochMsSchema, idSchema, isoDateSchema, pageRequestShape, pageSchema, priceSchema } from './common';
import { evaluationActionSchema, reasonCodeSchema } from './ledger';

/** The EvaluationEvent payload of SPEC 3, as stored (shared/domain/DomainEvent `EvaluationPayload`). */
export const evaluationPayloadSchema = z.object({
  session: z.enum(['REGULAR', 'EXTENDED', 'CLOSED']),
  pricePolicy: z.enum(['MID', 'LAST', 'BID', 'ASK']),
  priceEffective: z.number().nullable(),
  priceSource: z.string().nullable(),
  priceFallback: z.string().nullable(),
  quote: z
    .object({
      bid: z.number().nullable(),
      ask: z.number().nullable(),
      last: z.number().nullable(),
      ts: z.number(),
    })
    .nullable(),
  trigger: z
    .object({
      kind: z.enum(['SET_ANCHOR', 'BUY', 'SELL', 'HOLD']),
      anchor: z.number().nullable(),
      buyBelow: z.number().nullable(),
      sellAbove: z.number().nullable(),
      distanceToBuy: z.number().nullable(),
      distanceToSell: z.number().nullable(),
    })
    .nullable(),
  rawQty: z.number().nullable(),
  finalQty: z.number(),
  reasons: z.array(reasonCodeSchema),
  steps: z.array(z.object({ reason: reasonCodeSchema, before: z.number(), after: z.number() })),
  action: evaluationActionSchema,
  orderId: z.string().nullable(),
  deltas: z.object({ qty: z.number(), cashCents: z.number() }).nullable(),
  detail: z.string().nullable(),
});
export type EvaluationPayloadDto = z.infer<typeof evaluationPayloadSchema>;

/** One row of a position's evaluation timeline: the full evaluation, so a row expands without a round trip. */
export const evaluationRowSchema = z.object({
  id: idSchema,
  positionId: idSchema,
  symbol: z.string(),
  /** Event time (market or virtual time). */
  ts: epochMsSchema,
  recordedAt: epochMsSchema,
  tickId: z.string(),
  evaluation: evaluationPayloadSchema,
  /**
   * With `collapseClosed`: this row stands for a closed period, `count` closed-market HOLDs from
   * `fromTs` (the oldest) to this row's `ts`.
   */
  collapsed: z
    .object({ count: z.number().int().min(2), fromTs: epochMsSchema })
    .nullable()
    .optional(),
});
export type EvaluationRowDto = z.infer<typeof evaluationRowSchema>;

export const evaluationPageSchema = pageSchema(evaluationRowSchema);
export type EvaluationPageDto = z.infer<typeof evaluationPageSchema>;

export const listEvaluationsRequest = z
  .object({
    positionId: idSchema,
    /** Only these actions (e.g. just the trades); all when omitted. */
    actions: z.array(evaluationActionSchema).max(4).optional(),
    /** Consecutive closed-market HOLDs as one row per closed period (issue 15). */
    collapseClosed: z.boolean().default(false),
    ...pageRequestShape,
  })
  .strict();

export const eventTypeSchema = z.enum(EVENT_TYPES);

/** Any event of the log, with a one-line description in words made by main. */
export const eventRowSchema = z.object({
  id: idSchema,
  type: eventTypeSchema,
  ts: epochMsSchema,
  recordedAt: epochMsSchema,
  portfolioId: z.string().nullable(),
  positionId: z.string().nullable(),
  symbol: z.string().nullable(),
  correlationId: z.string(),
  summary: z.string(),
  payload: z.unknown(),
  hash: z.string(),
  /**
   * With `collapseClosed`: this row stands for a closed period (its closed-market HOLDs and the ticks
   * that made them), from `fromTs` to this row's `ts`; `summary` says it in words.
   */
  collapsed: z
    .object({
      events: z.number().int().min(2),
      evaluations: z.number().int(),
      ticks: z.number().int(),
      fromTs: epochMsSchema,
    })
    .nullable()
    .optional(),
});
export type EventRowDto = z.infer<typeof eventRowSchema>;

export const eventPageSchema = pageSchema(eventRowSchema);
export type EventPageDto = z.infer<typeof eventPageSchema>;

/** Filters of the Event log page; every one optional. Dates are exchange (New York) dates, inclusive. */
export const eventFilterSchema = z
  .object({
    types: z.array(eventTypeSchema).max(EVENT_TYPES.length).optional(),
    positionId: idSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Case-insensitive text searched in the symbol, type, summary and payload. */
    search: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'from must not be after to',
    path: ['to'],
  });
export type EventFilterDto = z.input<typeof eventFilterSchema>;

export const listEventsRequest = z
  .object({
    filter: eventFilterSchema.default({}),
    /** Closed-market HOLDs (with their ticks) as one row per closed period (issue 15). */
    collapseClosed: z.boolean().default(false),
    ...pageRequestShape,
  })
  .strict();

export const chainStatusSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int().min(0), checkedAt: epochMsSchema }),
  z.object({
    ok: z.literal(false),
    brokenAt: z.string(),
    index: z.number().int().min(0),
    reason: z.enum(['prev_hash_mismatch', 'hash_mismatch']),
    detail: z.string(),
    checkedAt: epochMsSchema,
  }),
]);
export type ChainStatusDto = z.infer<typeof chainStatusSchema>;

/** Pushed when a position was evaluated (every tick, HOLD included). */
export const evaluationRecordedSchema = evaluationRowSchema;

/** Pushed after every fill; the desktop notification and the in-app toast show it. */
export const orderFilledSchema = z.object({
  orderId: idSchema,
  tradeId: idSchema,
  positionId: idSchema,
  symbol: z.string(),
  side: z.enum(['BUY', 'SELL']),
  qty: z.number().finite().positive(),
  price: priceSchema,
  notionalCents: z.number().int(),
  commissionCents: z.number().int(),
  ts: epochMsSchema,
});
export type OrderFilledDto = z.infer<typeof orderFilledSchema>;

export const orderRejectedSchema = z.object({
  orderId: idSchema,
  positionId: idSchema,
  symbol: z.string(),
  side: z.enum(['BUY', 'SELL']),
  qty: z.number().finite(),
  reasons: z.array(reasonCodeSchema),
  detail: z.string(),
  ts: epochMsSchema,
});
export type OrderRejectedDto = z.infer<typeof orderRejectedSchema>;

/** Events were stored (a tick, a fill, a change): pages showing the log or a position refresh. */
export const eventsAppendedSchema = z.object({
  types: z.array(eventTypeSchema),
  positionIds: z.array(idSchema),
});
export type EventsAppendedDto = z.infer<typeof eventsAppendedSchema>;

/** What the investor is told about (shared/ports/Notifier): the in-app toast and the desktop notification. */
export const notificationSchema = z.object({
  kind: z.enum([
    'fill',
    'rejection',
    'deadIntent',
    'providerDown',
    'providerRecovered',
    'ledgerCheckFailed',
    'restoreRefused',
    'riskAlert',
    'riskExit',
    'tradingHalted',
    'tradingResumed',
  ]),
  title: z.string(),
  body: z.string(),
  positionId: z.string().nullable(),
  symbol: z.string().nullable(),
  at: epochMsSchema,
});
export type NotificationDto = z.infer<typeof notificationSchema>;
