import { formatPercent, formatPercentSetting, formatPrice, formatTriggerPrice } from './Format';

/** What the band note needs to know about a position (its view: shared/ipc/dto/ledger PositionDto). */
export interface BandFacts {
  stockPct: number | null;
  minStockPct: number;
  maxStockPct: number;
  lastPrice: number | null;
  /** Trigger prices at the anchor; null while the anchor is unset. */
  triggers: { buyBelow: number; sellAbove: number } | null;
  initialStockPct: number;
}

/**
 * Why a position whose stock share is outside its allocation band holds (issue 15): the band only caps
 * and blocks trades, it never starts one; the price trigger does. Null inside the band.
 * "At 0 % stock: below the band (25 %–75 %), but the price $59.24 is inside the trigger band ($57.93 to
 * $61.51), so nothing trades until it falls to $57.93 (a buy)."
 */
export function bandNote(f: BandFacts): string | null {
  if (f.stockPct === null) return null;
  const below = f.stockPct < f.minStockPct;
  const above = f.stockPct > f.maxStockPct;
  if (!below && !above) return null;
  const where = `At ${formatPercent(f.stockPct, { digits: 1 })} stock: ${below ? 'below' : 'above'} the band (${formatPercentSetting(f.minStockPct)}–${formatPercentSetting(f.maxStockPct)})`;
  if (f.triggers === null) {
    return `${where}; the anchor is not set yet, so the first evaluation with the market open trades to ${formatPercentSetting(f.initialStockPct)} stock.`;
  }
  const { buyBelow, sellAbove } = f.triggers;
  if (f.lastPrice === null) {
    return `${where}, and no price is known: nothing trades until the price ${below ? `falls to ${formatTriggerPrice(buyBelow, 'buy')} (a buy)` : `rises to ${formatTriggerPrice(sellAbove, 'sell')} (a sell)`}.`;
  }
  const triggered = below ? f.lastPrice <= buyBelow : f.lastPrice >= sellAbove;
  if (triggered) {
    return `${where}, and the price ${formatPrice(f.lastPrice)} is past the ${below ? 'buy' : 'sell'} trigger: the next evaluation with the market open ${below ? 'buys' : 'sells'}.`;
  }
  return `${where}, but the price ${formatPrice(f.lastPrice)} is inside the trigger band (${formatTriggerPrice(buyBelow, 'buy')} to ${formatTriggerPrice(sellAbove, 'sell')}), so nothing trades until it ${below ? `falls to ${formatTriggerPrice(buyBelow, 'buy')} (a buy)` : `rises to ${formatTriggerPrice(sellAbove, 'sell')} (a sell)`}.`;
}
