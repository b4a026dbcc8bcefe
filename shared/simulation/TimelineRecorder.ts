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
  /**
   * The reason sets as a tree walked one reason at a time (no key string joined and hashed per
   * evaluation): the node a list ends on holds its set's index (-1: not stored yet).
   */
  private readonly reasonTree: ReasonNode = newReasonNode(-1);

  constructor(private readonly bars: BarSeries) {
    this.reasonTree.next.set('no_trigger', newReasonNode(REASONS_NO_TRIGGER));
    const n = bars.close.length;
    // HOLD, 0 shares, `no_trigger` unless recorded otherwise: a HOLD the prefilter finds stores its anchor alone.
    this.action = new Array<number>(n).fill(ACTION_HOLD);
    this.qty = new Array<number>(n).fill(0);
    this.anchor = new Array<number | null>(n);
    this.reasons = new Array<number>(n).fill(REASONS_NO_TRIGGER);
  }

  /**
   * The anchor last recorded, and the value stored for it: null, or that number once. The anchor
   * changes only on fills, so bars in between store the same cell (a field that holds null or a number
   * stays a reference to one boxed number) instead of boxing the anchor anew on every bar.
   */
  private lastAnchor = NaN;
  private lastAnchorCell: number | null = null;

  /** `anchor` is the anchor in force when the bar was evaluated; NaN stands for "unset". */
  record(i: number, action: number, qty: number, anchor: number, reasonSet: number): void {
    if (!Object.is(anchor, this.lastAnchor)) {
      this.lastAnchor = anchor;
      this.lastAnchorCell = Number.isNaN(anchor) ? null : anchor;
    }
    this.action[i] = action;
    this.qty[i] = qty;
    this.anchor[i] = this.lastAnchorCell;
    this.reasons[i] = reasonSet;
  }

  /** A HOLD `no_trigger` with `anchor` in force (the columns' defaults but the anchor). */
  recordHold(i: number, anchor: number): void {
    if (!Object.is(anchor, this.lastAnchor)) {
      this.lastAnchor = anchor;
      this.lastAnchorCell = Number.isNaN(anchor) ? null : anchor;
    }
    this.anchor[i] = this.lastAnchorCell;
  }

  reasonSetOf(reasons: readonly ReasonCode[]): number {
    let node = this.reasonTree;
    for (let k = 0; k < reasons.length; k++) {
      const reason = reasons[k] as ReasonCode;
      let child = node.next.get(reason);
      if (child === undefined) {
        child = newReasonNode(-1);
        node.next.set(reason, child);
      }
      node = child;
    }
    if (node.index < 0) {
      node.index = this.reasonSets.length;
      this.reasonSets.push([...reasons]);
    }
    return node.index;
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

/** A node of `TimelineRecorder`'s reason tree: the set ending here, and the reasons that go on from it. */
interface ReasonNode {
  index: number;
  readonly next: Map<ReasonCode, ReasonNode>;
}

function newReasonNode(index: number): ReasonNode {
  return { index, next: new Map() };
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
