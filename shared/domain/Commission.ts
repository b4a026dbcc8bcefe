import { z } from 'zod';
import type { ExactDecimal } from './ExactDecimal';
import { exact } from './ExactDecimal';
import { exactNotional, roundToCents, type Cents } from './Money';

export type CommissionScope = 'GLOBAL' | 'TENANT' | 'TENANT_ASSET';

export const CommissionRateSchema = z
  .object({
    scope: z.enum(['GLOBAL', 'TENANT', 'TENANT_ASSET']),
    /** Null for GLOBAL. */
    tenantId: z.string().min(1).nullable(),
    /** Only for TENANT_ASSET. */
    symbol: z.string().min(1).nullable(),
    rate: z.number().finite().min(0).max(0.1),
    minimumCents: z.number().int().min(0),
  })
  .strict()
  .refine((r) => (r.scope === 'GLOBAL') === (r.tenantId === null), {
    message: 'tenantId is set exactly when scope is not GLOBAL',
  })
  .refine((r) => (r.scope === 'TENANT_ASSET') === (r.symbol !== null), {
    message: 'symbol is set exactly for TENANT_ASSET',
  });
export type CommissionRate = z.infer<typeof CommissionRateSchema>;

/** The rate in force when an order is created; execution uses it, never a later value (SPEC 2.7). */
export interface CommissionSnapshot {
  rate: number;
  minimumCents: number;
  scope: CommissionScope;
}

export const DEFAULT_GLOBAL_COMMISSION: CommissionRate = {
  scope: 'GLOBAL',
  tenantId: null,
  symbol: null,
  rate: 0.0001,
  minimumCents: 0,
};

/** Most specific wins: asset-in-tenant → tenant → global → the built-in default. */
export function resolveCommission(
  rates: readonly CommissionRate[],
  tenantId: string,
  symbol: string,
): CommissionSnapshot {
  const pick =
    rates.find((r) => r.scope === 'TENANT_ASSET' && r.tenantId === tenantId && r.symbol === symbol) ??
    rates.find((r) => r.scope === 'TENANT' && r.tenantId === tenantId) ??
    rates.find((r) => r.scope === 'GLOBAL') ??
    DEFAULT_GLOBAL_COMMISSION;
  return { rate: pick.rate, minimumCents: pick.minimumCents, scope: pick.scope };
}

/** commission = round(max(k·N, minimum)) from the unrounded notional N (SPEC 2.8). */
export function commissionCents(notional: ExactDecimal, snapshot: CommissionSnapshot): Cents {
  const byRate = notional.times(exact(snapshot.rate));
  const minimum = exact(snapshot.minimumCents).div(100);
  return roundToCents(byRate.greaterThan(minimum) ? byRate : minimum);
}

/**
 * The same as `commissionCents(exactNotional(qty, price), snapshot)`, deciding in floats when they cannot
 * be wrong (ADR 0001): k·x·P·100 carries at most ~7e-16 of relative error (three factor texts, three
 * products), so outside 4e-15 of its size from the minimum and from a half cent the float answer is exact.
 */
export function fillCommissionCents(qty: number, price: number, snapshot: CommissionSnapshot): Cents {
  const x = snapshot.rate * qty * price * 100;
  const tolerance = Math.abs(x) * 4e-15;
  if (Math.abs(x) < 2 ** 50) {
    if (x < snapshot.minimumCents - tolerance) return snapshot.minimumCents as Cents;
    if (x > snapshot.minimumCents + tolerance) {
      const floor = Math.floor(x);
      const distanceFromHalf = x - floor - 0.5;
      if (distanceFromHalf > tolerance) return (floor + 1) as Cents;
      if (distanceFromHalf < -tolerance) return floor as Cents;
    }
  }
  return fillCommissionCentsExactly(qty, price, snapshot);
}

// Out of line (rare: near the minimum or a half cent), so the float filter above stays small enough to inline.
// The last exact answer is remembered: an order is sized (its commission checked against the cash)
// and then booked at the same quantity and price, and the decimals were paid twice.
function fillCommissionCentsExactly(qty: number, price: number, snapshot: CommissionSnapshot): Cents {
  const last = LAST_EXACT;
  if (
    qty === last.qty &&
    price === last.price &&
    snapshot.rate === last.rate &&
    snapshot.minimumCents === last.minimumCents
  )
    return last.cents;
  const c = commissionCents(exactNotional(qty, price), snapshot);
  last.qty = qty;
  last.price = price;
  last.rate = snapshot.rate;
  last.minimumCents = snapshot.minimumCents;
  last.cents = c;
  return c;
}

const LAST_EXACT = { qty: NaN, price: NaN, rate: NaN, minimumCents: NaN, cents: 0 as Cents };

/** Float estimate of the same, for caps that are then verified exactly. */
export function commissionEstimate(notionalDollars: number, snapshot: CommissionSnapshot): number {
  return Math.max(notionalDollars * snapshot.rate, snapshot.minimumCents / 100);
}
