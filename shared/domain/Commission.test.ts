import { describe, expect, it } from 'vitest';
import { commissionCents, CommissionRateSchema, resolveCommission, type CommissionRate } from './Commission';
import { exact } from './ExactDecimal';

const rates: CommissionRate[] = [
  { scope: 'GLOBAL', tenantId: null, symbol: null, rate: 0.0002, minimumCents: 0 },
  { scope: 'TENANT', tenantId: 't1', symbol: null, rate: 0.0005, minimumCents: 100 },
  { scope: 'TENANT_ASSET', tenantId: 't1', symbol: 'AAPL', rate: 0.001, minimumCents: 0 },
  { scope: 'TENANT_ASSET', tenantId: 't2', symbol: 'MSFT', rate: 0.003, minimumCents: 0 },
];

describe('resolveCommission (SPEC 2.7)', () => {
  it.each([
    {
      name: 'asset-in-tenant override wins',
      tenant: 't1',
      symbol: 'AAPL',
      rate: 0.001,
      scope: 'TENANT_ASSET',
    },
    { name: 'tenant override for other symbols', tenant: 't1', symbol: 'KO', rate: 0.0005, scope: 'TENANT' },
    {
      name: "another tenant's asset override does not apply",
      tenant: 't1',
      symbol: 'MSFT',
      rate: 0.0005,
      scope: 'TENANT',
    },
    {
      name: 'global for a tenant without overrides',
      tenant: 't3',
      symbol: 'AAPL',
      rate: 0.0002,
      scope: 'GLOBAL',
    },
  ])('$name', ({ tenant, symbol, rate, scope }) => {
    expect(resolveCommission(rates, tenant, symbol)).toMatchObject({ rate, scope });
  });

  it('defaults to 0.0001 with no minimum when nothing is configured', () => {
    expect(resolveCommission([], 't', 'X')).toEqual({ rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' });
  });
});

describe('commissionCents = round(max(k·N, minimum))', () => {
  it.each([
    {
      name: 'rate: 5 886.50 × 0.0001 = 0.58865 → 0.59',
      notional: '5886.5',
      rate: 0.0001,
      min: 0,
      expected: 59,
    },
    { name: 'rate: 960 × 0.0001 = 0.096 → 0.10', notional: '960', rate: 0.0001, min: 0, expected: 10 },
    { name: 'tie to even: 125 × 0.0001 = 0.0125 → 0.01', notional: '125', rate: 0.0001, min: 0, expected: 1 },
    { name: 'minimum wins', notional: '1000', rate: 0.0001, min: 100, expected: 100 },
    { name: 'rate wins over a smaller minimum', notional: '100000', rate: 0.0001, min: 100, expected: 1000 },
    { name: 'zero rate, zero minimum', notional: '1000', rate: 0, min: 0, expected: 0 },
  ])('$name', ({ notional, rate, min, expected }) => {
    expect(commissionCents(exact(notional), { rate, minimumCents: min, scope: 'GLOBAL' })).toBe(expected);
  });
});

describe('CommissionRateSchema', () => {
  it('rejects a GLOBAL rate with a tenant, a TENANT_ASSET without symbol, and negative rates', () => {
    expect(
      CommissionRateSchema.safeParse({
        scope: 'GLOBAL',
        tenantId: 't',
        symbol: null,
        rate: 0.001,
        minimumCents: 0,
      }).success,
    ).toBe(false);
    expect(
      CommissionRateSchema.safeParse({
        scope: 'TENANT_ASSET',
        tenantId: 't',
        symbol: null,
        rate: 0.001,
        minimumCents: 0,
      }).success,
    ).toBe(false);
    expect(
      CommissionRateSchema.safeParse({
        scope: 'TENANT',
        tenantId: 't',
        symbol: null,
        rate: -0.001,
        minimumCents: 0,
      }).success,
    ).toBe(false);
    expect(
      CommissionRateSchema.safeParse({
        scope: 'TENANT',
        tenantId: 't',
        symbol: null,
        rate: 0.001,
        minimumCents: 0,
      }).success,
    ).toBe(true);
  });
});
