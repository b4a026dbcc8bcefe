import type { GuardrailStep, Side } from './DomainEvent';
import type { ExactRatio } from './ExactRatio';
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
   * Bound of the float error in the proposed quantity, in shares (0: the number is exact as given), and
   * its exact value when it is a quotient sizing computed (null: the proposed number's text). ADR 0070.
   */
  rawTolerance = NaN;
  exactRaw: (() => ExactRatio) | null = null;
  /** Bound of the float error of every quantity the rules compared (the edge tolerance), in shares. */
  tolerance = NaN;
  /** The tightest cap of rules 1–4 (how far `clip` may raise the quantity). */
  capOfRules = NaN;
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
   * quantity is taken as exact (tolerance 0) until the caller says how it was computed (`sizedBy`).
   */
  propose(side: Side, qty: number, price: number, value: number): this {
    this.side = side;
    this.qty = qty;
    this.proposedQty = qty;
    this.price = price;
    this.value = value;
    this.rawTolerance = 0;
    this.exactRaw = null;
    return this;
  }

  /** The proposed quantity is a float result within `tolerance` of the exact value `exactRaw` gives. */
  sizedBy(tolerance: number, exactRaw: () => ExactRatio): this {
    this.rawTolerance = tolerance;
    this.exactRaw = exactRaw;
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
