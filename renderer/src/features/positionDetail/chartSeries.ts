import type { ChartDto } from '../../../../shared/ipc/dto/ledger';
import type { ChartMarker, ChartPoint, ChartSeries } from '../../components/TimeSeriesChart';
import { formatPrice, formatQty } from '../../../../shared/format/Format';

/**
 * The position chart's lines from the evaluations: price, the anchor in force (a step line) and the
 * trigger band around it; fills as markers, snapped to the nearest evaluated time.
 */
export function positionChartSeries(chart: ChartDto): { series: ChartSeries[]; markers: ChartMarker[] } {
  const price: ChartPoint[] = [];
  const anchor: ChartPoint[] = [];
  const buyBelow: ChartPoint[] = [];
  const sellAbove: ChartPoint[] = [];
  let last = -Infinity;
  for (const p of chart.points) {
    const time = Math.floor(p.ts / 1000);
    if (time <= last) continue;
    last = time;
    price.push({ time, value: p.price });
    if (p.anchor !== null) anchor.push({ time, value: p.anchor });
    if (p.buyBelow !== null) buyBelow.push({ time, value: p.buyBelow });
    if (p.sellAbove !== null) sellAbove.push({ time, value: p.sellAbove });
  }
  const times = price.map((p) => p.time as number);
  const markers: ChartMarker[] = [];
  for (const fill of chart.fills) {
    const time = nearest(times, Math.floor(fill.ts / 1000));
    if (time === null) continue;
    markers.push({
      seriesId: 'price',
      time,
      above: fill.side === 'SELL',
      color: fill.side === 'BUY' ? '--buy' : '--sell',
      text: `${fill.side} ${formatQty(fill.qty)} at ${formatPrice(fill.price)}`,
    });
  }
  markers.sort((a, b) => (a.time as number) - (b.time as number));
  return {
    series: [
      {
        id: 'sell',
        label: 'Sell at or above',
        color: '--sell',
        data: sellAbove,
        dashed: true,
        width: 1,
        step: true,
      },
      {
        id: 'buy',
        label: 'Buy at or below',
        color: '--buy',
        data: buyBelow,
        dashed: true,
        width: 1,
        step: true,
      },
      { id: 'anchor', label: 'Anchor', color: '--anchor', data: anchor, step: true, width: 2 },
      { id: 'price', label: 'Price', color: '--accent', data: price, width: 2 },
    ],
    markers,
  };
}

/** The element of sorted `times` closest to `t`, or null when empty or too far (over a day). */
export function nearest(times: readonly number[], t: number): number | null {
  if (times.length === 0) return null;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  const candidates = [times[lo - 1], times[lo]].filter((x): x is number => x !== undefined);
  const best = candidates.reduce((a, b) => (Math.abs(b - t) < Math.abs(a - t) ? b : a));
  return Math.abs(best - t) <= 86_400 ? best : null;
}
