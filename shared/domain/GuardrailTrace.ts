import type { GuardrailStep, Side } from './DomainEvent';
import type { ExactRatio } from './ExactRatio';

/** Sizing's side of the exact path (ADR 0070): the float error bound of its quotient, and the quotient exactly. */
export interface ExactSizer {
  /** Writes the bound of the proposed quantity's float error, in shares, into `t.rawTolerance`. */
  writeTolerance(t: GuardrailTrace): void;
  /** The proposed quantity exactly (signed as sizing gave it). */
  exactQty(): ExactRatio;
}
import type { ReasonCode } from './ReasonCode';

/**
 * The quantity as it moves through the guardrails (SPEC 2.5), with the reason and before/after of every
 * change. Reusable: `clear` starts a new evaluation in the same arrays and step objects, so a caller
 * that evaluates in a loop (every position on every tick, every simulated bar) allocates nothing once
 * the arrays have grown. What it holds is valid until the next `clear`; `reasonsCopy` and `stepsCopy` keep it.
 */
export class GuardrailTrace {
  side: Side = 'BUY';
  /** NaN until proposed: a double from the start, so later fractional quantities are stored in place. */
  qty = NaN;
  /** The price the trade is evaluated at. */
  price = NaN;
  /** V = q·P + C + R at that price (SPEC 2.4), as sizing computed it: the band and trade caps read it. */
  value = NaN;
  /** The quantity proposed (the rules start from it again when the exact path takes over). */
  proposedQty = NaN;
  /**
   * How the proposed quantity was computed, when it is a float quotient sizing gave (null: the proposed
   * number is exact as given): the bound of its float error and its exact value (ADR 0070).
   */
  sizer: ExactSizer | null = null;
  /** The bound of the float error of the proposed quantity, in shares (written by `sizer`). */
  rawTolerance = NaN;
  /**
   * At least `rawTolerance` × price², computed without a division (ADR 0150): 0 from `propose`; whoever
   * sets `sizer` sets this too, as the rules' cheap edge test trusts it.
   */
  rawToleranceBound = NaN;
  /**
   * Set by the float rules when their cheap test found every decision far from its edge by more than a
   * bound of the tolerance (ADR 0150): the replay of `nearTheEdge` could only say no, and is skipped.
   */
  farFromEdges = false;
  /**
   * The caps of rules 1–4 as the float rules computed them (NaN: not reached), for the check of how
   * close each decision came to going the other way (ADR 0070).
   */
  capBand = NaN;
  capTrade = NaN;
  capFunds = NaN;
  capDaily = NaN;
  /** The quantity a trim or change is moving to (see `takeNext`). */
  private next = NaN;
  /** Reasons, reused like the steps: only the first `reasonCount` belong to the current evaluation. */
  private readonly reasonBuf: ReasonCode[] = [];
  reasonCount = 0;
  /**
   * The steps as columns, reused: only the first `stepCount` belong to the current evaluation. Numbers
   * in arrays of numbers, not in step objects: storing a fractional quantity into an object's field
   * that has held other kinds of value allocates a heap number, twice per trim on every trade.
   */
  private readonly stepReason: ReasonCode[] = [];
  private readonly stepBefore: number[] = [];
  private readonly stepAfter: number[] = [];
  stepCount = 0;

  /** Forgets the reasons and steps: a new evaluation starts. */
  clear(): this {
    this.reasonCount = 0;
    this.stepCount = 0;
    return this;
  }

  /**
   * Sets the proposed trade the rules start from; keeps reasons given before (`anchor_unset`). The
   * quantity is taken as exact until the caller sets `sizer`.
   */
  propose(side: Side, qty: number, price: number, value: number): this {
    this.side = side;
    this.qty = qty;
    this.proposedQty = qty;
    this.price = price;
    this.value = value;
    this.sizer = null;
    this.rawToleranceBound = 0;
    this.farFromEdges = false;
    this.capBand = NaN;
    this.capTrade = NaN;
    this.capFunds = NaN;
    this.capDaily = NaN;
    return this;
  }

  /** Forgets the reasons and steps added after `reasonCount` and `stepCount` (the exact path redoes them). */
  rewind(reasonCount: number, stepCount: number): void {
    this.reasonCount = reasonCount;
    this.stepCount = stepCount;
    this.qty = this.proposedQty;
  }

  addReason(reason: ReasonCode): void {
    this.reasonBuf[this.reasonCount++] = reason;
  }

  /** The current evaluation's reasons as a new array the caller owns. */
  reasonsCopy(): ReasonCode[] {
    return this.reasonBuf.slice(0, this.reasonCount);
  }

  /** Caps the quantity at `cap` (at least 0); a quantity already 0 is not trimmed again. */
  trim(cap: number, reason: ReasonCode): void {
    if (this.qty > cap && this.qty > 0) {
      this.next = Math.max(0, cap);
      this.takeNext(reason);
    }
  }

  change(after: number, reason: ReasonCode): void {
    this.next = after;
    this.takeNext(reason);
  }

  /**
   * The quantity becomes `next`, recorded as a step. `next` is passed in a field, not as an argument:
   * where V8 does not inline this call into the rules, a fractional argument would be boxed into a new
   * heap number on every trim.
   */
  private takeNext(reason: ReasonCode): void {
    const k = this.stepCount++;
    this.stepReason[k] = reason;
    this.stepBefore[k] = this.qty;
    this.stepAfter[k] = this.next;
    this.addReason(reason);
    this.qty = this.next;
  }

  /** The current evaluation's steps as new objects the caller owns. */
  stepsCopy(): GuardrailStep[] {
    const out: GuardrailStep[] = [];
    for (let k = 0; k < this.stepCount; k++) {
      out.push({
        reason: this.stepReason[k] as ReasonCode,
        before: this.stepBefore[k] as number,
        after: this.stepAfter[k] as number,
      });
    }
    return out;
  }
}
