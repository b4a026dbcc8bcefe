import type { RunInfoDto, SimulationResultDto, SweepResultDto } from '../../../shared/ipc/dto/simulation';
import type { SimulationResult, SweepResult } from '../../../shared/simulation';
import { accountingOfRun } from '../../../shared/simulation/accountingOfRun';

/** Trades carried to the page (the export has every one). */
const MAX_TRADES = 2000;

/** What the results view draws of a run: the full result stays in main for exports. */
export function resultView(runId: string, r: SimulationResult): SimulationResultDto {
  return {
    runId,
    firstSession: r.inputs.firstSession,
    lastSession: r.inputs.lastSession,
    equity: {
      dates: r.equity.dates,
      equityCents: r.equity.equityCents,
      buyHoldEquityCents: r.equity.buyHoldEquityCents,
      drawdown: r.equity.drawdown,
      buyHoldDrawdown: r.equity.buyHoldDrawdown,
    },
    metrics: r.metrics,
    trades: r.trades.slice(0, MAX_TRADES).map((t) => ({
      seq: t.seq,
      symbol: t.symbol,
      decidedAt: t.decidedAt,
      filledAt: t.filledAt,
      side: t.side,
      status: t.status,
      qty: t.qty,
      price: t.price,
      notionalCents: t.notionalCents,
      commissionCents: t.commissionCents,
      cashAfterCents: t.cashAfterCents,
      anchorAfter: t.anchorAfter,
      reasons: t.reasons,
    })),
    tradesTruncated: r.trades.length > MAX_TRADES,
    positions: r.positions.map((p) => ({
      symbol: p.symbol,
      finalEquityCents: p.final.equityCents,
      trades: p.totals.trades,
      commissionsCents: p.totals.commissionsCents,
      dividendsNetCents: p.totals.dividendsNetCents,
    })),
    roundTrips: roundTripsView(r),
  };
}

/** Round trips carried to the page (the export has every one). */
const MAX_ROUND_TRIPS = 1000;

function roundTripsView(r: SimulationResult): NonNullable<SimulationResultDto['roundTrips']> {
  const acc = accountingOfRun(r);
  const s = acc.roundTripStats;
  const round = (v: number | null): number | null => (v === null ? null : Math.round(v));
  return {
    stats: {
      ...s,
      averageWinCents: round(s.averageWinCents),
      averageLossCents: round(s.averageLossCents),
      expectancyCents: round(s.expectancyCents),
    },
    trips: acc.roundTrips
      .slice(-MAX_ROUND_TRIPS)
      .reverse()
      .map((t) => ({
        symbol: t.symbol,
        lotId: t.lotId,
        saleId: t.saleId,
        entryDate: t.entryDate,
        exitDate: t.exitDate,
        qty: t.qty,
        entryPrice: t.entryPrice,
        exitPrice: t.exitPrice,
        costCents: t.costCents,
        pnlCents: t.pnlCents,
        return: t.return,
        holdingDays: t.holdingDays,
        longTerm: t.longTerm,
      })),
    truncated: acc.roundTrips.length > MAX_ROUND_TRIPS,
    washSales: { count: acc.washSales.length, disallowedCents: acc.disallowedCents },
  };
}

export function sweepView(runId: string, s: SweepResult): SweepResultDto {
  return {
    runId,
    buyAndHold: s.buyAndHold && {
      totalReturn: s.buyAndHold.totalReturn,
      cagr: s.buyAndHold.cagr,
      sharpe: s.buyAndHold.sharpe,
      maxDrawdown: s.buyAndHold.maxDrawdown,
    },
    cells: [...s.rows]
      .sort((a, b) => a.index - b.index)
      .map((row) => ({
        threshold: row.params.up,
        rebalanceRatio: row.params.ratio,
        minStockPct: row.params.minStockPct,
        maxStockPct: row.params.maxStockPct,
        totalReturn: row.metrics?.totalReturn ?? null,
        cagr: row.metrics?.cagr ?? null,
        sharpe: row.metrics?.sharpe ?? null,
        maxDrawdown: row.metrics?.maxDrawdown ?? null,
        trades: row.metrics?.tradeCount ?? null,
        error: row.error,
      })),
  };
}

export function returns(r: SimulationResult): Pick<RunInfoDto, 'totalReturn' | 'buyHoldReturn'> {
  return { totalReturn: r.metrics.strategy.totalReturn, buyHoldReturn: r.metrics.buyAndHold.totalReturn };
}
