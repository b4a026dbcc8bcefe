import { exact, exactProduct, type ExactDecimal } from './ExactDecimal';

/** Booked money: integer cents, never accumulated in floating point (SPEC 2.8). */
export type Cents = number & { readonly __brand: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`cents(): ${value} is not a whole number of cents`);
  return value as Cents;
}

export const ZERO_CENTS = cents(0);

/** Rounds an exact dollar amount half-to-even to cents: 10.125 → 1012, 30.375 → 3038. */
export function roundToCents(dollars: ExactDecimal): Cents {
  return cents(dollars.times(100).toDecimalPlaces(0, 6 /* ROUND_HALF_EVEN */).toNumber());
}

/** Dollars given by a user or a source (e.g. "1000.50" or 1000.5) to cents; more than 2 decimals is an error. */
export function dollarsToCents(dollars: number | string): Cents {
  const d = exact(dollars).times(100);
  if (!d.isInteger()) throw new RangeError(`${String(dollars)} has more than two decimals`);
  return cents(d.toNumber());
}

export function centsToDollars(value: Cents): number {
  return value / 100;
}

/** Exact notional x·P of a fill, from the shortest decimal text of both. */
export function exactNotional(qty: number, price: number): ExactDecimal {
  return exactProduct(qty, price);
}

export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function formatCents(value: Cents): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
