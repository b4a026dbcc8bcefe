/** SPEC 8: which open lots a sell closes first; a setting per portfolio, FIFO by default. */
export const LOT_METHODS = ['FIFO', 'LIFO', 'HIFO'] as const;
export type LotMethod = (typeof LOT_METHODS)[number];
export const DEFAULT_LOT_METHOD: LotMethod = 'FIFO';

/** The fields of a lot the closing order reads. */
export interface OrderedLot {
  /** Order in which the lots were opened (0, 1, 2 …). */
  openSeq: number;
  qty: number;
  costCents: number;
}

/**
 * The comparator of the closing order: FIFO earliest first, LIFO latest first, HIFO the highest book
 * cost per share first (cost / qty compared by cross-multiplying, ties: the earliest lot).
 */
export function closingOrder(method: LotMethod): (a: OrderedLot, b: OrderedLot) => number {
  if (method === 'FIFO') return (a, b) => a.openSeq - b.openSeq;
  if (method === 'LIFO') return (a, b) => b.openSeq - a.openSeq;
  return (a, b) => {
    const diff = b.costCents * a.qty - a.costCents * b.qty;
    return diff !== 0 ? diff : a.openSeq - b.openSeq;
  };
}
