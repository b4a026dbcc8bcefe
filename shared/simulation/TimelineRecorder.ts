import type { ReasonCode } from '../domain/ReasonCode';
import type { BarSeries } from '../ports/HistoricalBars';
import { isIntraday } from '../ports/HistoricalBars';
import type { PositionTimeline, TimelineAction } from './SimulationResult';
import { TIMELINE_ACTIONS } from './SimulationResult';
import { plainArray } from './plainArrays';

export const ACTION_HOLD = 0;
export const ACTION_BUY = 1;
export const ACTION_SELL = 2;
export const ACTION_REJECTED = 3;

/** Index of ['no_trigger'] in every recorder's reason sets: the common HOLD needs no lookup. */
export const REASONS_NO_TRIGGER = 0;

/**
 * Every bar's evaluation written straight into the preallocated columns the result carries (every bar
 * of the position is recorded once): nothing is copied afterwards. Distinct reason lists are stored
 * once and referenced by index.
 */
export class TimelineRecorder {
  private readonly action: number[];
  private readonly qty: number[];
  private readonly anchor: (number | null)[];
  private readonly reasons: number[];
  private readonly reasonSets: ReasonCode[][] = [['no_trigger']];
  private readonly reasonIndex = new Map<string, number>([['no_trigger', REASONS_NO_TRIGGER]]);

  constructor(private readonly bars: BarSeries) {
    const n = bars.close.length;
    this.action = new Array<number>(n);
    this.qty = new Array<number>(n);
    this.anchor = new Array<number | null>(n);
    this.reasons = new Array<number>(n);
  }

  /** `anchor` is the anchor in force when the bar was evaluated; NaN stands for "unset". */
  record(i: number, action: number, qty: number, anchor: number, reasonSet: number): void {
    this.action[i] = action;
    this.qty[i] = qty;
    this.anchor[i] = Number.isNaN(anchor) ? null : anchor;
    this.reasons[i] = reasonSet;
  }

  reasonSetOf(reasons: readonly ReasonCode[]): number {
    const key = reasons.join(',');
    let index = this.reasonIndex.get(key);
    if (index === undefined) {
      index = this.reasonSets.length;
      this.reasonSets.push([...reasons]);
      this.reasonIndex.set(key, index);
    }
    return index;
  }

  toTimeline(): PositionTimeline {
    const bars = this.bars;
    return {
      symbol: bars.symbol,
      actions: TIMELINE_ACTIONS as readonly TimelineAction[],
      reasonSets: this.reasonSets,
      at: barLabels(bars),
      price: plainArray(bars.close),
      anchor: this.anchor,
      action: this.action,
      qty: this.qty,
      reasons: this.reasons,
    };
  }
}

/** How a bar is named in trades, events and the timeline: its session date, or its ISO instant intraday. */
export function barLabel(bars: BarSeries, i: number): string {
  return isIntraday(bars.interval)
    ? new Date(bars.time[i] as number).toISOString()
    : (bars.session[i] as string);
}

export function barLabels(bars: BarSeries): string[] {
  if (!isIntraday(bars.interval)) return bars.session.slice();
  return Array.from(bars.time, (t) => new Date(t).toISOString());
}
