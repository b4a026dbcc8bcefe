import type { Side } from '../DomainEvent';

/**
 * What accounting reads (SPEC 8): the booked facts of a position, in the order they happened. The live
 * ledger derives them from the event log, the simulation from its trades and dividends; the same
 * rules then run on both. Money is integer cents; `date` is the session date (`YYYY-MM-DD`).
 */
export type AccountingFact =
  OpenedFact | CashFlowFact | FillFact | DividendAccruedFact | DividendPaidFact | SplitFact;

interface FactBase {
  positionId: string;
  symbol: string;
  date: string;
}

/**
 * A position opened with cash and maybe shares already held. Those shares are brought in at `price`
 * (the first price known for the day): a lot costing round(qty × price), counted as an external flow
 * like a deposit of that value (ADR 0090).
 */
export interface OpenedFact extends FactBase {
  kind: 'opened';
  id: string;
  cashCents: number;
  qty: number;
  price: number;
}

/** A deposit (positive) or withdrawal (negative): an external flow. */
export interface CashFlowFact extends FactBase {
  kind: 'cashFlow';
  amountCents: number;
}

export interface FillFact extends FactBase {
  kind: 'fill';
  /** The fill's id (trade id); a buy's lot is named after it. */
  id: string;
  side: Side;
  qty: number;
  price: number;
  notionalCents: number;
  commissionCents: number;
}

/** Dividend income (net of withholding) on the ex-date: counts in equity as receivable. */
export interface DividendAccruedFact extends FactBase {
  kind: 'dividendAccrued';
  grossCents: number;
  netCents: number;
}

/** The receivable paid in cash. */
export interface DividendPaidFact extends FactBase {
  kind: 'dividendPaid';
  netCents: number;
}

/** A split of `ratio` new shares per old one; the fraction that cannot be held is paid in cash. */
export interface SplitFact extends FactBase {
  kind: 'split';
  id: string;
  ratio: number;
  qtyAfter: number;
  cashInLieuCents: number;
  /** The close the cash in lieu was paid at (pre-split price). */
  previousClose: number | null;
}
