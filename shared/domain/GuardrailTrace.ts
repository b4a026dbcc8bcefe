import type { GuardrailStep, Side } from './DomainEvent';
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
  /** Reasons, reused like the steps: only the first `reasonCount` belong to the current evaluation. */
  private readonly reasonBuf: ReasonCode[] = [];
  reasonCount = 0;
  /** Step objects, reused: only the first `stepCount` belong to the current evaluation. */
  private readonly stepPool: GuardrailStep[] = [];
  stepCount = 0;

  /** Forgets the reasons and steps: a new evaluation starts. */
  clear(): this {
    this.reasonCount = 0;
    this.stepCount = 0;
    return this;
  }

  /** Sets the proposed trade the rules start from; keeps reasons given before (`anchor_unset`). */
  propose(side: Side, qty: number, price: number, value: number): this {
    this.side = side;
    this.qty = qty;
    this.price = price;
    this.value = value;
    return this;
  }

  addReason(reason: ReasonCode): void {
    this.reasonBuf[this.reasonCount++] = reason;
  }

  /** The current evaluation's reasons as a new array the caller owns. */
  reasonsCopy(): ReasonCode[] {
    return this.reasonBuf.slice(0, this.reasonCount);
  }

  trim(cap: number, reason: ReasonCode): void {
    if (this.qty > cap) this.change(Math.max(0, cap), reason);
  }

  change(after: number, reason: ReasonCode): void {
    const step = this.stepPool[this.stepCount];
    if (step === undefined) this.stepPool.push({ reason, before: this.qty, after });
    else {
      step.reason = reason;
      step.before = this.qty;
      step.after = after;
    }
    this.stepCount++;
    this.addReason(reason);
    this.qty = after;
  }

  /** The current evaluation's steps as new objects the caller owns. */
  stepsCopy(): GuardrailStep[] {
    const out: GuardrailStep[] = [];
    for (let i = 0; i < this.stepCount; i++) {
      const s = this.stepPool[i] as GuardrailStep;
      out.push({ reason: s.reason, before: s.before, after: s.after });
    }
    return out;
  }
}
