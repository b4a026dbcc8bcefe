import { adjustAnchorForDividend } from './DividendMath';

/**
 * SPEC 2.6 as pure transitions of the anchor. Each returns the new anchor and the event type that
 * records the change, so the live loop, the simulation and replay agree on when an anchor moves.
 */
export type AnchorChange =
  | { type: 'AnchorUpdated'; from: number | null; to: number }
  | { type: 'AnchorAdjusted'; from: number; to: number }
  | { type: 'AnchorSet'; from: number | null; to: number; by: string; why: string };

/** After every fill, the anchor is the fill price. */
export function anchorAfterFill(current: number | null, fillPrice: number): AnchorChange {
  assertPrice(fillPrice);
  return { type: 'AnchorUpdated', from: current, to: fillPrice };
}

/**
 * On an ex-date the anchor drops by the dividend when configured, so the mechanical price drop fires no
 * BUY. Null when nothing changes (setting off, anchor unset, or a dividend as large as the anchor).
 */
export function anchorOnExDividend(
  current: number | null,
  amountPerShare: number,
  adjustAnchorOnDividend: boolean,
): AnchorChange | null {
  if (!adjustAnchorOnDividend || current === null) return null;
  const to = adjustAnchorForDividend(current, amountPerShare);
  return to === null || to === current ? null : { type: 'AnchorAdjusted', from: current, to };
}

/** The user sets the anchor by hand, saying who and why. */
export function anchorSetByUser(current: number | null, to: number, by: string, why: string): AnchorChange {
  assertPrice(to);
  if (by.trim() === '') throw new RangeError('who sets the anchor must be given');
  if (why.trim() === '') throw new RangeError('why the anchor is set must be given');
  return { type: 'AnchorSet', from: current, to, by, why };
}

/** First evaluation with no trade (zero, below minimum, blocked, rejected): anchor = current price. */
export function anchorWithoutInitialFill(price: number): AnchorChange {
  assertPrice(price);
  return { type: 'AnchorUpdated', from: null, to: price };
}

function assertPrice(price: number): void {
  if (!(price > 0 && price < Infinity)) notAnAnchorPrice(price);
}

// Throws out of line: the check runs on every fill and stays small enough for V8 to inline it.
function notAnAnchorPrice(price: number): never {
  throw new RangeError(`anchor price ${price} must be a positive number`);
}
