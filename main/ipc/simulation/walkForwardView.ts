import type { SimulationResultDto, WalkForwardViewDto } from '../../../shared/ipc/dto/simulation';
import type { WalkForwardResult } from '../../../shared/simulation';

/**
 * A walk-forward as the Simulation page shows it (issue 15, ADR 0064): the stitched out-of-sample equity
 * beside buy-and-hold as a run's result (the same chart and metrics), and the windows with the settings
 * each in-sample sweep chose.
 */
export function walkForwardResultView(runId: string, w: WalkForwardResult): SimulationResultDto {
  const dates = w.stitched.dates;
  return {
    runId,
    firstSession: dates[0] ?? '1990-01-01',
    lastSession: dates[dates.length - 1] ?? '1990-01-01',
    equity: {
      dates,
      equityCents: w.stitched.equityCents,
      buyHoldEquityCents: w.stitched.buyHoldEquityCents,
      drawdown: w.stitched.drawdown,
      buyHoldDrawdown: drawdownOf(w.stitched.buyHoldEquityCents),
    },
    metrics: { strategy: w.metrics.outOfSample, buyAndHold: w.metrics.buyAndHold },
    trades: [],
    tradesTruncated: false,
    positions: [],
  };
}

export function walkForwardView(w: WalkForwardResult): WalkForwardViewDto {
  return {
    metric: w.metric,
    inSampleMonths: w.plan.inSampleMonths,
    outOfSampleMonths: w.plan.outOfSampleMonths,
    windows: w.windows.map((x) => ({
      inSampleFrom: x.inSample.from,
      inSampleTo: x.inSample.to,
      outOfSampleFrom: x.outOfSample.from,
      outOfSampleTo: x.outOfSample.to,
      threshold: x.chosen?.up ?? null,
      rebalanceRatio: x.chosen?.ratio ?? null,
      inSampleScore: x.inSampleScore,
      outOfSampleReturn: x.outOfSampleMetrics.totalReturn,
      trades: x.trades,
    })),
  };
}

/** equity / running peak − 1 per session (SPEC 5's drawdown), for the buy-and-hold line. */
function drawdownOf(equity: readonly number[]): number[] {
  let peak = -Infinity;
  return equity.map((e) => {
    peak = Math.max(peak, e);
    return peak > 0 ? e / peak - 1 : 0;
  });
}
