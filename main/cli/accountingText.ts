import type {
  PerformanceView,
  PositionLots,
  TaxReport,
} from '../../shared/application/accounting/accountingViews';
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  formatRatio,
} from '../../shared/format/Format';
import { alignTable } from './textTable';

const signed = { signed: true } as const;

/** `vb lots` as a person reads it: per position, its open lots and its realised trades. */
export function renderLots(positions: readonly PositionLots[]): string {
  if (positions.length === 0) return 'No positions yet.\n';
  return positions
    .map((p) => {
      const head = `${p.symbol} (${p.positionId})  ${formatQty(p.qty)} shares at ${formatPrice(p.price)}  cost ${formatMoney(p.costCents)}  value ${formatMoney(p.marketValueCents)}  unrealised ${formatMoney(p.unrealisedCents, signed)}  realised ${formatMoney(p.realisedCents, signed)}  dividends ${formatMoney(p.dividendsCents)}`;
      const lots =
        p.lots.length === 0
          ? 'No open lots.\n'
          : alignTable(
              [
                ['Bought', 'Shares', 'Price', 'Cost', 'Value', 'Unrealised', 'Tax cost', 'Term if sold'],
                ...p.lots.map((l) => [
                  l.openDate,
                  formatQty(l.qty),
                  formatPrice(l.price),
                  formatMoney(l.costCents),
                  formatMoney(l.marketValueCents),
                  formatMoney(l.unrealisedCents, signed),
                  formatMoney(l.taxCostCents),
                  l.longTermIfSold ? 'long' : 'short',
                ]),
              ],
              ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
            );
      const realised =
        p.realised.length === 0
          ? 'No realised trades.\n'
          : alignTable(
              [
                ['Bought', 'Sold', 'Shares', 'Entry', 'Exit', 'P&L', 'Return', 'Days', 'Wash sale'],
                ...p.realised.map((r) => [
                  r.entryDate,
                  r.exitDate,
                  formatQty(r.qty),
                  formatPrice(r.entryPrice),
                  formatPrice(r.exitPrice),
                  formatMoney(r.pnlCents, signed),
                  formatPercent(r.return, signed),
                  formatCount(r.holdingDays),
                  r.disallowedCents > 0 ? formatMoney(r.disallowedCents) : '',
                ]),
              ],
              ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
            );
      return `${head}\n\nOpen lots\n${lots}\nRealised trades\n${realised}`;
    })
    .join('\n');
}

/** `vb performance` as a person reads it. */
export function renderPerformance(p: PerformanceView): string {
  if (p.dates.length === 0) return 'No equity history yet: it is written at each session close.\n';
  const b = p.benchmarkStats;
  const s = p.roundTripStats;
  return `${p.from} to ${p.to}  (${formatCount(p.dates.length)} sessions), benchmark ${p.benchmark}\n\n${alignTable(
    [
      ['Time-weighted return', formatPercent(p.twr, signed)],
      ['Money-weighted return (XIRR, a year)', formatPercent(p.mwr, signed)],
      [`${p.benchmark} over the same sessions`, formatPercent(b?.benchmarkReturn, signed)],
      ['Max drawdown', formatPercent(p.metrics?.maxDrawdown)],
      ['Volatility (a year)', formatPercent(p.metrics?.annualVolatility)],
      ['Sharpe', formatRatio(p.metrics?.sharpe)],
      ['Beta', formatRatio(b?.beta)],
      ['Alpha (a year)', formatPercent(b?.alpha, signed)],
      ['Correlation', formatRatio(b?.correlation)],
      ['Tracking error', formatPercent(b?.trackingError)],
      ['Information ratio', formatRatio(b?.informationRatio)],
      ['Round trips', formatCount(s.count)],
      ['Win rate', formatPercent(s.winRate)],
      ['Profit factor', formatRatio(s.profitFactor)],
      ['Expectancy', formatMoney(s.expectancyCents, signed)],
      ['Average holding (days)', formatRatio(s.averageHoldingDays, { digits: 1 })],
      ['Day trades (last 5 sessions)', formatCount(p.dayTradesLast5)],
      [
        'Wash sales / loss disallowed',
        `${formatCount(p.washSales.count)} / ${formatMoney(p.washSales.disallowedCents)}`,
      ],
    ],
    ['left', 'right'],
  )}\nContribution to the return\n${alignTable(
    p.contributions.map((c) => [
      p.symbols[c.positionId] ?? c.positionId,
      formatPercent(c.contribution, signed),
    ]),
    ['left', 'right'],
  )}`;
}

/** `vb tax-report` as a person reads it: the year's summary. */
export function renderTaxYear(r: TaxReport): string {
  const y = r.summary;
  return `Tax report ${r.year}\n\n${alignTable(
    [
      ['Sales (lot parts)', formatCount(y.sales)],
      ['Proceeds', formatMoney(y.proceedsCents)],
      ['Tax cost', formatMoney(y.taxCostCents)],
      ['Short-term gain', formatMoney(y.shortTermCents, signed)],
      ['Long-term gain', formatMoney(y.longTermCents, signed)],
      ['Wash-sale loss disallowed', formatMoney(y.disallowedCents)],
      ['Open lots held', formatCount(r.holdings.reduce((n, h) => n + h.lots.length, 0))],
    ],
    ['left', 'right'],
  )}`;
}
