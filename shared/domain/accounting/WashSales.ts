import { normalizeQty } from '../Position';
import { dateOfDayNumber, dayNumber, isLongTerm } from './HoldingPeriod';
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
  /** The purchase date as a day number (the window is compared in numbers, not strings). */
  day: number;
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
  const bySymbol = new Map<string, SymbolLots>();
  /** The tax lots in journal order: the second pass meets the acquisitions in the same order. */
  const inOrder: TaxLot[] = [];
  const byPosition = new Map<string, TaxLot[]>();
  for (const entry of journal) {
    if (entry.kind !== 'acquired') continue;
    const a = entry.acquisition;
    const lot: TaxLot = {
      acquisition: a,
      day: dayNumber(a.date),
      acquired: false,
      unadjusted: a.qty,
      adjusted: [],
    };
    lots.set(a.lotId, lot);
    inOrder.push(lot);
    let candidates = bySymbol.get(a.symbol);
    if (candidates === undefined) {
      candidates = { lots: [], skip: [], lo: 0, loDay: -Infinity };
      bySymbol.set(a.symbol, candidates);
    }
    candidates.skip.push(candidates.lots.length + 1);
    candidates.lots.push(lot);
    push(byPosition, a.positionId, lot);
  }
  const parts: TaxLotPart[] = [];
  let acquisitions = 0;
  for (const entry of journal) {
    if (entry.kind === 'acquired') {
      (inOrder[acquisitions++] as TaxLot).acquired = true;
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
      const net = part.notionalCents - part.commissionCents;
      // One piece (the common case) takes the whole part: no split to compute.
      const quantities = pieces.length === 1 ? null : pieces.map((p) => p.qty);
      const proceeds = quantities === null ? [net] : splitCents(net, quantities, part.qty);
      const costs = quantities === null ? [part.costCents] : splitCents(part.costCents, quantities, part.qty);
      const candidates = bySymbol.get(part.symbol);
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i] as Piece;
        const bookCost = costs[i] as number;
        const taxCost = bookCost + piece.add;
        const gain = (proceeds[i] as number) - taxCost;
        const replacements = gain < 0 ? matchReplacements(candidates, part.closeDate, piece, -gain) : [];
        let disallowed = 0;
        for (const r of replacements) disallowed += r.addedCents;
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
      }
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

/**
 * A symbol's purchases in purchase order (so by date), with a window pointer and a skip list: sales come
 * in date order, so the first lot inside a sale's window only moves forward, and a lot whose shares all
 * absorbed a loss (or were sold) never becomes a replacement again, so it is jumped over for good. Each
 * lot is passed over a bounded number of times: the matching is linear in purchases plus replacements.
 */
export interface SymbolLots<L extends { day: number; unadjusted: number } = TaxLot> {
  lots: L[];
  /** skip[i]: where to look next when lot i has no unadjusted share left (path-compressed). */
  skip: number[];
  /** The first lot bought on or after `loDay`. */
  lo: number;
  loDay: number;
}

function matchReplacements(
  candidates: SymbolLots | undefined,
  saleDate: string,
  piece: Piece,
  loss: number,
): Replacement[] {
  if (candidates === undefined) return [];
  const saleDay = dayNumber(saleDate);
  const from = saleDay - WASH_SALE_WINDOW_DAYS;
  const to = saleDay + WASH_SALE_WINDOW_DAYS;
  const lots = candidates.lots;
  const matched: { lot: TaxLot; qty: number }[] = [];
  let need = piece.qty;
  for (
    let i = nextHeld(candidates, windowStart(candidates, from));
    i < lots.length && need > 0;
    i = nextHeld(candidates, i + 1)
  ) {
    const lot = lots[i] as TaxLot;
    if (lot.day > to) break;
    const q = Math.min(lot.unadjusted, need);
    matched.push({ lot, qty: q });
    need = normalizeQty(need - q);
  }
  if (matched.length === 0) return [];
  const matchedQty = piece.qty - need;
  const disallowed = proRataCents(loss, matchedQty, piece.qty);
  const shares =
    matched.length === 1
      ? [disallowed]
      : splitCents(
          disallowed,
          matched.map((m) => m.qty),
          matchedQty,
        );
  const held = saleDay - dayNumber(piece.start);
  const out: Replacement[] = [];
  for (let i = 0; i < matched.length; i++) {
    const m = matched[i] as { lot: TaxLot; qty: number };
    const start = dateOfDayNumber(m.lot.day - held);
    const adjustment: BasisAdjustment = { qty: m.qty, addedCents: shares[i] as number, start };
    m.lot.unadjusted = normalizeQty(m.lot.unadjusted - m.qty);
    m.lot.adjusted.push(adjustment);
    out.push({
      qty: m.qty,
      addedCents: adjustment.addedCents,
      start,
      lotId: m.lot.acquisition.lotId,
      positionId: m.lot.acquisition.positionId,
      date: m.lot.acquisition.date,
    });
  }
  return out;
}

/**
 * The first lot bought on or after day `from`. Sales come in date order, so `from` mostly grows and the
 * pointer moves forward only; a sale dated before the previous one (a split's cash in lieu) searches and
 * leaves the pointer. Exported for its property test.
 */
export function windowStart<L extends { day: number; unadjusted: number }>(
  c: SymbolLots<L>,
  from: number,
): number {
  if (from < c.loDay) return firstOnOrAfter(c.lots, from);
  let lo = c.lo;
  while (lo < c.lots.length && (c.lots[lo] as L).day < from) lo++;
  c.lo = lo;
  c.loDay = from;
  return lo;
}

/**
 * The first lot at or after `i` with shares that absorbed no loss yet (a lot with none left never gets
 * any back). Exported for its property test.
 */
export function nextHeld<L extends { day: number; unadjusted: number }>(c: SymbolLots<L>, i: number): number {
  const { lots, skip } = c;
  let j = i;
  while (j < lots.length && (lots[j] as L).unadjusted <= 0) j = skip[j] as number;
  for (let k = i; k < j;) {
    const next = skip[k] as number;
    skip[k] = j;
    k = next;
  }
  return j;
}

/** Index of the first lot bought on or after `day` (lots are in purchase order, so by date). */
function firstOnOrAfter(lots: readonly { day: number }[], day: number): number {
  let lo = 0;
  let hi = lots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lots[mid] as { day: number }).day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
