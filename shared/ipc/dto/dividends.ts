import { z } from 'zod';
import { epochMsSchema, idSchema, isoDateSchema } from './common';

/** The Dividends page: what was received, what is accrued and not yet paid, and what is coming. */
export const dividendOverviewSchema = z.object({
  received: z.array(
    z.object({
      positionId: idSchema,
      symbol: z.string(),
      exDate: isoDateSchema,
      payDate: isoDateSchema.nullable(),
      qtyEligible: z.number(),
      grossCents: z.number().int(),
      withholdingCents: z.number().int(),
      netCents: z.number().int(),
      paidAt: epochMsSchema,
    }),
  ),
  accrued: z.array(
    z.object({
      positionId: idSchema,
      symbol: z.string(),
      exDate: isoDateSchema,
      payDate: isoDateSchema.nullable(),
      qtyEligible: z.number(),
      netCents: z.number().int(),
      accruedAt: epochMsSchema,
    }),
  ),
  /** Announcements with an ex-date or pay date from today on, for the calendar. */
  upcoming: z.array(
    z.object({
      symbol: z.string(),
      exDate: isoDateSchema,
      payDate: isoDateSchema.nullable(),
      amountPerShare: z.number(),
      currency: z.string(),
    }),
  ),
  totals: z.object({
    grossCents: z.number().int(),
    netCents: z.number().int(),
    receivableCents: z.number().int(),
  }),
  /** The backend's today (virtual in the demo), so the calendar opens on the right month. */
  today: isoDateSchema,
});
export type DividendOverviewDto = z.infer<typeof dividendOverviewSchema>;
