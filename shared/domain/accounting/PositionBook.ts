import { exact } from '../ExactDecimal';
import { productCents } from '../Money';
import { normalizeQty } from '../Position';
import type { AccountingFact, FillFact, SplitFact } from './AccountingFact';
import { dayNumberOf, isLongTermOf, yearMonthDay } from './HoldingPeriod';
import type { ClosedLotPart, Lot } from './Lot';
import { closingOrder, type LotMethod } from './LotMethod';
import { isSameQty, proRataCents, splitCents } from './ProRata';

/** Where a position's book reports what it did, for the tenant-wide views (wash sales, day trades). */
export interface BookJournal {
  nextSaleSeq(): number;
  lotOpened(lot: Lot, qtyBought: number): void;
  partClosed(part: ClosedLotPart): void;
  split(positionId: string, ratio: number, date: string): void;
}

/**
 * One position's book view of SPEC 8, built one fact at a time: open lots, closed parts and the running
 * totals. Realised (book) + unrealised + dividends = equity − net external flows, to the cent, because
 * every sale's notional and commission and every lot's cost are split in parts that add up exactly.
 */
export class PositionBook {
  readonly lots: Lot[] = [];
  readonly closed: ClosedLotPart[] = [];
  qty = 0;
  cashCents = 0;
  receivableCents = 0;
  /** Book cost of the open lots. */
  costCents = 0;
  realisedCents = 0;
  /** Net dividends accrued (income; never basis). */
  dividendsCents = 0;
  dividendsGrossCents = 0;
  commissionsCents = 0;
  /** Net external flows: deposits − withdrawals, plus shares brought in at their value. */
  flowsCents = 0;
  private openSeq = 0;

  constructor(
    readonly positionId: string,
    readonly symbol: string,
    readonly method: LotMethod,
    private readonly journal: BookJournal | null = null,
  ) {}

  apply(fact: AccountingFact): void {
    switch (fact.kind) {
      case 'opened':
        this.cashCents += fact.cashCents;
        this.flowsCents += fact.cashCents;
        if (fact.qty > 0) {
          const cost = fact.price > 0 ? productCents(fact.qty, fact.price) : 0;
          this.flowsCents += cost;
          this.openLot(fact.id, fact.date, fact.qty, fact.price, cost);
        }
        return;
      case 'cashFlow':
        this.cashCents += fact.amountCents;
        this.flowsCents += fact.amountCents;
        return;
      case 'fill':
        this.commissionsCents += fact.commissionCents;
        if (fact.side === 'BUY') {
          this.cashCents -= fact.notionalCents + fact.commissionCents;
          this.openLot(fact.id, fact.date, fact.qty, fact.price, fact.notionalCents + fact.commissionCents);
        } else {
          this.cashCents += fact.notionalCents - fact.commissionCents;
          this.sell(fact);
        }
        return;
      case 'dividendAccrued':
        this.dividendsCents += fact.netCents;
        this.dividendsGrossCents += fact.grossCents;
        this.receivableCents += fact.netCents;
        return;
      case 'dividendPaid':
        this.receivableCents -= fact.netCents;
        this.cashCents += fact.netCents;
        return;
      case 'split':
        this.split(fact);
        return;
    }
  }

  /** Market value of the shares at a price: round(qty × price), SPEC 2.8. */
  marketValueCents(price: number): number {
    return this.qty > 0 ? productCents(this.qty, price) : 0;
  }

  unrealisedCents(price: number): number {
    return this.marketValueCents(price) - this.costCents;
  }

  equityCents(price: number): number {
    return this.cashCents + this.receivableCents + this.marketValueCents(price);
  }

  /** The open lots with their share of the market value (pro rata by quantity, adding up exactly). */
  valuedLots(price: number | null): ValuedLot[] {
    const ordered = [...this.lots].sort((a, b) => a.openSeq - b.openSeq);
    const values =
      price === null
        ? null
        : splitCents(
            this.marketValueCents(price),
            ordered.map((l) => l.qty),
            this.qty,
          );
    return ordered.map((lot, i) => {
      const value = values === null ? null : (values[i] as number);
      return {
        ...lot,
        marketValueCents: value,
        unrealisedCents: value === null ? null : value - lot.costCents,
      };
    });
  }

  private openLot(id: string, date: string, qty: number, price: number, cost: number): void {
    const lot: Lot = {
      lotId: id,
      positionId: this.positionId,
      symbol: this.symbol,
      openSeq: this.openSeq++,
      openDate: date,
      qty,
      price,
      costCents: cost,
    };
    this.lots.push(lot);
    this.qty = normalizeQty(this.qty + qty);
    this.costCents += cost;
    this.journal?.lotOpened(lot, qty);
  }

  private sell(fact: FillFact): void {
    this.close(fact.id, fact.date, fact.qty, fact.price, fact.notionalCents, fact.commissionCents, false);
  }

  private split(fact: SplitFact): void {
    const ratio = exact(fact.ratio);
    let held = 0;
    for (const lot of this.lots) {
      lot.qty = normalizeQty(exact(lot.qty).times(ratio).toNumber());
      lot.price = exact(lot.price).div(ratio).toNumber();
      held += lot.qty;
    }
    this.qty = normalizeQty(held);
    this.journal?.split(this.positionId, fact.ratio, fact.date);
    const fraction = normalizeQty(this.qty - fact.qtyAfter);
    this.cashCents += fact.cashInLieuCents;
    if (fraction > 0) {
      const exitPrice =
        fact.previousClose === null
          ? exact(fact.cashInLieuCents).div(100).div(exact(fraction)).toNumber()
          : exact(fact.previousClose).div(ratio).toNumber();
      this.close(fact.id, fact.date, fraction, exitPrice, fact.cashInLieuCents, 0, true);
    } else if (fact.cashInLieuCents !== 0) {
      // Cash with no fraction to close: income of the split, realised as is.
      this.realisedCents += fact.cashInLieuCents;
    }
  }

  /**
   * Closes `qty` shares in the method's order. Each part's shares are taken from one lot; its cost is
   * its pro-rata share of the lot's remaining cost; the sale's notional and commission are split over
   * the parts separately, the last part taking each remainder (SPEC 8 "Conventions").
   */
  private close(
    saleId: string,
    date: string,
    qty: number,
    exitPrice: number,
    notional: number,
    commission: number,
    cashInLieu: boolean,
  ): void {
    const first = this.method === 'FIFO' ? this.lots[0] : undefined;
    if (first !== undefined && qty > 0) {
      // One part from the first lot (a signal strategy's whole sale, most sales): `pick`'s first step
      // and `splitCents` of one part, without their arrays.
      const take = first.qty <= qty || isSameQty(first.qty, qty) ? first.qty : qty;
      if (normalizeQty(qty - take) <= 0) {
        const one = isSameQty(take, qty);
        const n = one ? notional : proRataCents(notional, take, qty);
        const c = one ? commission : proRataCents(commission, take, qty);
        const saleSeq = this.journal?.nextSaleSeq() ?? this.closed.length;
        this.closePart(first, take, n, c, saleId, saleSeq, date, exitPrice, cashInLieu);
        this.afterSale(qty);
        return;
      }
    }
    const picked = this.pick(qty);
    const quantities = picked.map((p) => p.qty);
    const notionals = splitCents(notional, quantities, qty);
    const commissions = splitCents(commission, quantities, qty);
    const saleSeq = this.journal?.nextSaleSeq() ?? this.closed.length;
    for (let i = 0; i < picked.length; i++) {
      const { lot, qty: partQty } = picked[i] as Pick;
      this.closePart(
        lot,
        partQty,
        notionals[i] as number,
        commissions[i] as number,
        saleId,
        saleSeq,
        date,
        exitPrice,
        cashInLieu,
      );
    }
    this.afterSale(qty);
  }

  /** After a sale's parts: the position's quantity, and the lots it emptied removed. */
  private afterSale(qty: number): void {
    this.qty = normalizeQty(this.qty - qty);
    for (let i = this.lots.length - 1; i >= 0; i--)
      if ((this.lots[i] as Lot).qty === 0) this.lots.splice(i, 1);
  }

  /** One closed lot part: `partQty` shares of `lot`, with its shares of the sale's notional and commission. */
  private closePart(
    lot: Lot,
    partQty: number,
    n: number,
    c: number,
    saleId: string,
    saleSeq: number,
    date: string,
    exitPrice: number,
    cashInLieu: boolean,
  ): void {
    const whole = partQty === lot.qty;
    const cost = whole ? lot.costCents : proRataCents(lot.costCents, partQty, lot.qty);
    lot.costCents -= cost;
    lot.qty = whole ? 0 : normalizeQty(lot.qty - partQty);
    const realised = n - c - cost;
    const opened = yearMonthDay(lot.openDate);
    const closed = yearMonthDay(date);
    const part: ClosedLotPart = {
      lotId: lot.lotId,
      positionId: this.positionId,
      symbol: this.symbol,
      saleId,
      saleSeq,
      cashInLieu,
      openDate: lot.openDate,
      closeDate: date,
      qty: partQty,
      entryPrice: lot.price,
      exitPrice,
      costCents: cost,
      notionalCents: n,
      commissionCents: c,
      realisedCents: realised,
      holdingDays: dayNumberOf(closed) - dayNumberOf(opened),
      longTerm: isLongTermOf(opened, closed),
    };
    this.closed.push(part);
    this.realisedCents += realised;
    this.costCents -= cost;
    this.journal?.partClosed(part);
  }

  private pick(qty: number): Pick[] {
    const order = this.method === 'FIFO' ? this.lots : [...this.lots].sort(closingOrder(this.method));
    const picked: Pick[] = [];
    let remaining = qty;
    for (const lot of order) {
      if (remaining <= 0) break;
      const take = lot.qty <= remaining || isSameQty(lot.qty, remaining) ? lot.qty : remaining;
      picked.push({ lot, qty: take });
      remaining = normalizeQty(remaining - take);
    }
    if (remaining > 0) {
      throw new RangeError(
        `${this.symbol}: selling ${qty} shares but only ${this.qty} are in open lots (position ${this.positionId})`,
      );
    }
    return picked;
  }
}

interface Pick {
  lot: Lot;
  qty: number;
}

export interface ValuedLot extends Lot {
  marketValueCents: number | null;
  unrealisedCents: number | null;
}
