import { z } from 'zod';

/** Building blocks of the contract's schemas. Money is integer cents; prices are plain numbers (SPEC 2.8). */
export const idSchema = z.string().min(1).max(64);
export const centsSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
export const epochMsSchema = z.number().int().min(0);
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
export const priceSchema = z.number().finite().positive();
/** Shares: whole or fractional (6 decimals), never negative. */
export const qtySchema = z.number().finite().min(0);
/** A symbol as the ledger stores it (upper case). Requests accept any case: the ledger normalises. */
export const symbolSchema = z.string().min(1).max(16);
export const sideSchema = z.enum(['BUY', 'SELL']);
export const fractionSchema = z.number().finite().min(0).max(1);

/** Keyset paging: pass the previous page's `nextCursor` to get the next one. */
export const pageRequestShape = {
  cursor: z.string().max(200).nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
};

/** A page of items; `total` is the count matching the query when the backend can tell it cheaply. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().min(0).nullable(),
  });
}

export const emptyRequest = z.object({}).strict();
