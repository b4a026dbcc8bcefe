import type { AccountingFact } from './AccountingFact';
import type { ClosedLotPart, Lot } from './Lot';
import { DEFAULT_LOT_METHOD, type LotMethod } from './LotMethod';
import { PositionBook, type BookJournal } from './PositionBook';

/** A buy as the wash-sale view sees it: shares of a symbol acquired on a date, in purchase order. */
export interface Acquisition {
  lotId: string;
  positionId: string;
  symbol: string;
  date: string;
  qty: number;
  /** Order across the tenant (purchase order). */
  seq: number;
}

/** What happened, in order, across every position of a tenant: the input of the tax view. */
export type JournalEntry =
  | { kind: 'acquired'; acquisition: Acquisition }
  | { kind: 'sold'; part: ClosedLotPart }
  | { kind: 'split'; positionId: string; ratio: number; date: string };

/**
 * The book of every position of a tenant (or of a simulation run), fed with the facts of all of them
 * in the order they happened. Each position keeps its own lots (its portfolio's method); the journal
 * keeps the tenant-wide order the wash-sale view needs.
 */
export class Ledger implements BookJournal {
  readonly books = new Map<string, PositionBook>();
  readonly journal: JournalEntry[] = [];
  private saleSeq = 0;
  private acquisitionSeq = 0;

  constructor(private readonly methodOf: (positionId: string) => LotMethod = () => DEFAULT_LOT_METHOD) {}

  apply(fact: AccountingFact): void {
    let book = this.books.get(fact.positionId);
    if (book === undefined) {
      book = new PositionBook(fact.positionId, fact.symbol, this.methodOf(fact.positionId), this);
      this.books.set(fact.positionId, book);
    }
    book.apply(fact);
  }

  applyAll(facts: Iterable<AccountingFact>): this {
    for (const fact of facts) this.apply(fact);
    return this;
  }

  /** Every closed part of every position, in sale order. */
  closedParts(): ClosedLotPart[] {
    const out: ClosedLotPart[] = [];
    for (const entry of this.journal) if (entry.kind === 'sold') out.push(entry.part);
    return out;
  }

  nextSaleSeq(): number {
    return this.saleSeq++;
  }

  lotOpened(lot: Lot, qtyBought: number): void {
    this.journal.push({
      kind: 'acquired',
      acquisition: {
        lotId: lot.lotId,
        positionId: lot.positionId,
        symbol: lot.symbol,
        date: lot.openDate,
        qty: qtyBought,
        seq: this.acquisitionSeq++,
      },
    });
  }

  partClosed(part: ClosedLotPart): void {
    this.journal.push({ kind: 'sold', part });
  }

  split(positionId: string, ratio: number, date: string): void {
    this.journal.push({ kind: 'split', positionId, ratio, date });
  }
}
