/**
 * SPEC 8 "Lots": every buy fill opens a lot; a sell closes lots whole or in part. Money is integer
 * cents; `price` is the fill price divided by every split since (the cost stays as booked).
 */
export interface Lot {
  /** The buy fill's id (or the opening's id for shares brought in). */
  lotId: string;
  positionId: string;
  symbol: string;
  /** Order in which the position's lots were opened: FIFO, LIFO and HIFO's ties read it. */
  openSeq: number;
  openDate: string;
  /** Shares still open. */
  qty: number;
  /** Per share, as bought, divided by later splits. */
  price: number;
  /** Book cost of the shares still open: notional + commission as bought, less the parts closed. */
  costCents: number;
}

/** A closed lot part (a round trip of the trade tracker): its share of the lot's cost and of the sale. */
export interface ClosedLotPart {
  lotId: string;
  positionId: string;
  symbol: string;
  /** The sell fill's id, or the split's id for a fraction paid in cash. */
  saleId: string;
  /** Order of the sale across the run (the wash-sale view processes sales in this order). */
  saleSeq: number;
  /** Whether the part is a fraction paid as cash in lieu of a split. */
  cashInLieu: boolean;
  openDate: string;
  closeDate: string;
  qty: number;
  entryPrice: number;
  exitPrice: number;
  costCents: number;
  notionalCents: number;
  commissionCents: number;
  /** Its share of (notional − commission) minus its share of cost. */
  realisedCents: number;
  /** Calendar days held. */
  holdingDays: number;
  longTerm: boolean;
}
