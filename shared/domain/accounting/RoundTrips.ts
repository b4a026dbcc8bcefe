import type { ClosedLotPart } from './Lot';

/** SPEC 8 "Round trips": one per closed lot part. */
export interface RoundTrip {
  positionId: string;
  symbol: string;
  lotId: string;
  saleId: string;
  entryDate: string;
  exitDate: string;
  entryPrice: number;
  exitPrice: number;
  qty: number;
  costCents: number;
  pnlCents: number;
  /** P&L / cost; null when the cost is 0 (shares brought in at no known price). */
  return: number | null;
  holdingDays: number;
  longTerm: boolean;
}

export interface RoundTripStats {
  count: number;
  wins: number;
  losses: number;
  /** wins / count; null with no round trip. A zero P&L is not a win. */
  winRate: number | null;
  /** Mean P&L of the wins and of the losses (cents, a loss negative); null when there is none. */
  averageWinCents: number | null;
  averageLossCents: number | null;
  /** Gross wins / |gross losses|; null when there is no loss. */
  profitFactor: number | null;
  /** Mean P&L per round trip, in money (cents); null with no round trip. */
  expectancyCents: number | null;
  averageHoldingDays: number | null;
  totalPnlCents: number;
}

export function roundTripOf(part: ClosedLotPart): RoundTrip {
  return {
    positionId: part.positionId,
    symbol: part.symbol,
    lotId: part.lotId,
    saleId: part.saleId,
    entryDate: part.openDate,
    exitDate: part.closeDate,
    entryPrice: part.entryPrice,
    exitPrice: part.exitPrice,
    qty: part.qty,
    costCents: part.costCents,
    pnlCents: part.realisedCents,
    return: part.costCents === 0 ? null : part.realisedCents / part.costCents,
    holdingDays: part.holdingDays,
    longTerm: part.longTerm,
  };
}

export function roundTripStats(trips: readonly { pnlCents: number; holdingDays: number }[]): RoundTripStats {
  let wins = 0;
  let losses = 0;
  let winSum = 0;
  let lossSum = 0;
  let total = 0;
  let days = 0;
  for (const t of trips) {
    total += t.pnlCents;
    days += t.holdingDays;
    if (t.pnlCents > 0) {
      wins++;
      winSum += t.pnlCents;
    } else if (t.pnlCents < 0) {
      losses++;
      lossSum += t.pnlCents;
    }
  }
  const count = trips.length;
  return {
    count,
    wins,
    losses,
    winRate: count === 0 ? null : wins / count,
    averageWinCents: wins === 0 ? null : winSum / wins,
    averageLossCents: losses === 0 ? null : lossSum / losses,
    profitFactor: losses === 0 ? null : winSum / -lossSum,
    expectancyCents: count === 0 ? null : total / count,
    averageHoldingDays: count === 0 ? null : days / count,
    totalPnlCents: total,
  };
}
