import { formatCount, formatMoney, formatPercent, formatRatio, MISSING } from '../../shared/format/Format';
import type { RunAccounting } from '../../shared/simulation';

/**
 * SPEC 8 on a run, as rows of the summary table (strategy column; buy-and-hold has no round trips):
 * the round trips' statistics and the wash sales of the tax view.
 */
export function roundTripRows(acc: RunAccounting): string[][] {
  const s = acc.roundTripStats;
  const row = (label: string, value: string): string[] => [label, value, MISSING];
  return [
    row(`Round trips (${acc.lotMethod})`, formatCount(s.count)),
    row('Win rate', formatPercent(s.winRate)),
    row('Average win', formatMoney(s.averageWinCents, { signed: true })),
    row('Average loss', formatMoney(s.averageLossCents, { signed: true })),
    row('Profit factor', formatRatio(s.profitFactor)),
    row('Expectancy', formatMoney(s.expectancyCents, { signed: true })),
    row('Average holding (days)', formatRatio(s.averageHoldingDays, { digits: 1 })),
    row('Realised P&L', formatMoney(s.totalPnlCents, { signed: true })),
    row('Wash sales (tax view)', formatCount(acc.washSales.length)),
    row('Loss disallowed', formatMoney(acc.disallowedCents)),
  ];
}
