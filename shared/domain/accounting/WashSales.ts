import { normalizeQty } from '../Position';
import { addDays, daysBetween, isLongTerm } from './HoldingPeriod';
import type { Acquisition, JournalEntry } from './Ledger';
import { isSameQty, proRataCents, splitCents } from './ProRata';

/** Days before and after a sale in which a purchase of the same symbol is a replacement (SPEC 8). */
export const WASH_SALE_WINDOW_DAYS = 30;

/** Shares of a lot that absorbed a disallowed loss: their tax cost grows and their holding starts earlier. */
export interface BasisAdjustment {
  qty: number;
  addedCents: number;
  /** Holding start of these shares for tax (IRS Pub. 550). */
  start: string;
}

/** A replacement matched to a loss: `qty` shares of lot `lotId` took `addedCents` of it. */
export interface Replacement extends BasisAdjustment {
  lotId: string;
  positionId: string;
  date: string;
}

/**
 * The tax view of a closed lot part (or of the piece of it that carried one basis adjustment): the
 * same proceeds and book cost, the tax cost with earlier disallowed losses added, and this sale's own
 * disallowed loss.
 */
export interface TaxLotPart {
  lotId: string;
  positionId: string;
  symbol: string;
  saleId: string;
  saleSeq: number;
  cashInLieu: boolean;
  holdingStart: string;
  closeDate: string;
  qty: number;
  proceedsCents: number;
  bookCostCents: number;
  /** Disallowed losses of earlier sales carried by these shares. */
  basisAdjustmentCents: number;
  taxCostCents: number;
  /** proceeds − tax cost, before this sale's disallowance. */
  gainCents: number;
  /** Part of a loss disallowed as a wash sale (≥ 0). */
  disallowedCents: number;
  /** gain + disallowed: what the year's tax report counts. */
  reportedGainCents: number;
  longTerm: boolean;
  replacements: Replacement[];
}

export interface WashSaleView {
  parts: TaxLotPart[];
  /** Basis adjustments still carried by open shares, by lot id. */
  openAdjustments: Map<string, BasisAdjustment[]>;
}

interface TaxLot {
  acquisition: Acquisition;
  acquired: boolean;
  /** Held shares that absorbed no loss yet (future purchases: all their shares). */
  unadjusted: number;
  /** Held shares that did, in the order they did (sold first). */
  adjusted: BasisAdjustment[];
}

/**
 * SPEC 8 "Wash sales" (tax view only; never blocks a trade). Sales are processed in order; a piece sold
 * at a loss on its tax basis is matched with replacement shares of the same symbol bought within 30
 * days before or after the sale, in any position, in purchase order, each share absorbing at most one
 * loss. The disallowed part of the loss (loss × matched / sold, half-to-even) is added to the matched
 * shares' tax cost (split pro rata over them), and their holding start moves back by the sold shares'
 * holding period. Within a lot, shares that absorbed a loss are sold first (ADR 0092).
 */
export function washSales(journal: readonly JournalEntry[]): WashSaleView {
  const lots = new Map<string, TaxLot>();
  const bySymbol = new Map<string, TaxLot[]>();
  const byPosition = new Map<string, TaxLot[]>();
  for (const entry of journal) {
    if (entry.kind !== 'acquired') continue;
    const a = entry.acquisition;
    const lot: TaxLot = { acquisition: a, acquired: false, unadjusted: a.qty, adjusted: [] };
    lots.set(a.lotId, lot);
    push(bySymbol, a.symbol, lot);
    push(byPosition, a.positionId, lot);
  }
  const parts: TaxLotPart[] = [];
  for (const entry of journal) {
    if (entry.kind === 'acquired') {
      (lots.get(entry.acquisition.lotId) as TaxLot).acquired = true;
    } else if (entry.kind === 'split') {
      for (const lot of byPosition.get(entry.positionId) ?? []) {
        if (!lot.acquired) continue;
        lot.unadjusted = normalizeQty(lot.unadjusted * entry.ratio);
        for (const a of lot.adjusted) a.qty = normalizeQty(a.qty * entry.ratio);
      }
    } else {
      const part = entry.part;
      const lot = lots.get(part.lotId);
      const pieces =
        lot === undefined
          ? [{ qty: part.qty, add: 0, start: part.openDate }]
          : take(lot, part.qty, part.openDate);
      const quantities = pieces.map((p) => p.qty);
      const proceeds = splitCents(part.notionalCents - part.commissionCents, quantities, part.qty);
      const costs = splitCents(part.costCents, quantities, part.qty);
      pieces.forEach((piece, i) => {
        const bookCost = costs[i] as number;
        const taxCost = bookCost + piece.add;
        const gain = (proceeds[i] as number) - taxCost;
        const replacements =
          gain < 0 ? matchReplacements(bySymbol.get(part.symbol) ?? [], part.closeDate, piece, -gain) : [];
        const disallowed = replacements.reduce((s, r) => s + r.addedCents, 0);
        parts.push({
          lotId: part.lotId,
          positionId: part.positionId,
          symbol: part.symbol,
          saleId: part.saleId,
          saleSeq: part.saleSeq,
          cashInLieu: part.cashInLieu,
          holdingStart: piece.start,
          closeDate: part.closeDate,
          qty: piece.qty,
          proceedsCents: proceeds[i] as number,
          bookCostCents: bookCost,
          basisAdjustmentCents: piece.add,
          taxCostCents: taxCost,
          gainCents: gain,
          disallowedCents: disallowed,
          reportedGainCents: gain + disallowed,
          longTerm: isLongTerm(piece.start, part.closeDate),
          replacements,
        });
      });
    }
  }
  const openAdjustments = new Map<string, BasisAdjustment[]>();
  for (const [id, lot] of lots) {
    const held = lot.adjusted.filter((a) => a.qty > 0);
    if (held.length > 0)
      openAdjustments.set(
        id,
        held.map((a) => ({ ...a })),
      );
  }
  return { parts, openAdjustments };
}

interface Piece {
  qty: number;
  add: number;
  start: string;
}

/** Takes `qty` sold shares out of a tax lot: adjusted shares first, then the others. */
function take(lot: TaxLot, qty: number, bookStart: string): Piece[] {
  const pieces: Piece[] = [];
  let remaining = qty;
  while (remaining > 0 && lot.adjusted.length > 0) {
    const a = lot.adjusted[0] as BasisAdjustment;
    const whole = a.qty <= remaining || isSameQty(a.qty, remaining);
    const q = whole ? a.qty : remaining;
    const add = whole ? a.addedCents : proRataCents(a.addedCents, q, a.qty);
    pieces.push({ qty: q, add, start: a.start });
    a.qty = whole ? 0 : normalizeQty(a.qty - q);
    a.addedCents -= add;
    if (whole) lot.adjusted.shift();
    remaining = normalizeQty(remaining - q);
  }
  if (remaining > 0) {
    lot.unadjusted = Math.max(0, normalizeQty(lot.unadjusted - remaining));
    pieces.push({ qty: remaining, add: 0, start: bookStart });
  }
  return pieces;
}

function matchReplacements(
  candidates: readonly TaxLot[],
  saleDate: string,
  piece: Piece,
  loss: number,
): Replacement[] {
  const from = addDays(saleDate, -WASH_SALE_WINDOW_DAYS);
  const to = addDays(saleDate, WASH_SALE_WINDOW_DAYS);
  const matched: { lot: TaxLot; qty: number }[] = [];
  let need = piece.qty;
  for (let i = firstOnOrAfter(candidates, from); i < candidates.length && need > 0; i++) {
    const lot = candidates[i] as TaxLot;
    if (lot.acquisition.date > to) break;
    if (lot.unadjusted <= 0) continue;
    const q = Math.min(lot.unadjusted, need);
    matched.push({ lot, qty: q });
    need = normalizeQty(need - q);
  }
  if (matched.length === 0) return [];
  const matchedQty = piece.qty - need;
  const disallowed = proRataCents(loss, matchedQty, piece.qty);
  const shares = splitCents(
    disallowed,
    matched.map((m) => m.qty),
    matchedQty,
  );
  const held = daysBetween(piece.start, saleDate);
  return matched.map((m, i) => {
    const start = addDays(m.lot.acquisition.date, -held);
    const adjustment: BasisAdjustment = { qty: m.qty, addedCents: shares[i] as number, start };
    m.lot.unadjusted = normalizeQty(m.lot.unadjusted - m.qty);
    m.lot.adjusted.push(adjustment);
    return {
      ...adjustment,
      lotId: m.lot.acquisition.lotId,
      positionId: m.lot.acquisition.positionId,
      date: m.lot.acquisition.date,
    };
  });
}

/** Index of the first lot bought on or after `date` (lots are in purchase order, so by date). */
function firstOnOrAfter(lots: readonly TaxLot[], date: string): number {
  let lo = 0;
  let hi = lots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lots[mid] as TaxLot).acquisition.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
