import { describe, expect, it } from 'vitest';
import { formatPercentSetting, formatPrice } from '../format/Format';
import { checkLimit, limitSchema, LIMITS, type NumberLimit } from './InputLimits';

describe('input limits in the user’s units', () => {
  const rows: { name: string; limit: NumberLimit; value: unknown; message: string | null }[] = [
    { name: 'a down threshold of 3 %', limit: LIMITS.downThreshold, value: 0.03, message: null },
    { name: 'the lowest down threshold, 0.1 %', limit: LIMITS.downThreshold, value: 0.001, message: null },
    { name: 'the highest down threshold, 50 %', limit: LIMITS.downThreshold, value: 0.5, message: null },
    {
      name: 'a down threshold of 60 %',
      limit: LIMITS.downThreshold,
      value: 0.6,
      message: 'Down threshold must be between 0.1 % and 50 %',
    },
    {
      name: 'a down threshold of 0',
      limit: LIMITS.downThreshold,
      value: 0,
      message: 'Down threshold must be between 0.1 % and 50 %',
    },
    {
      name: 'an anchor of 5e-324',
      limit: LIMITS.anchor,
      value: 5e-324,
      message: 'Anchor must be between $0.0001 and $10,000,000, with at most 4 decimals',
    },
    { name: 'an anchor of $0.0001', limit: LIMITS.anchor, value: 0.0001, message: null },
    { name: 'an anchor of $10,000,000', limit: LIMITS.anchor, value: 10_000_000, message: null },
    {
      name: 'an anchor of $10,000,000.01',
      limit: LIMITS.anchor,
      value: 10_000_000.01,
      message: 'Anchor must be between $0.0001 and $10,000,000, with at most 4 decimals',
    },
    {
      name: 'cash of 1e15',
      limit: LIMITS.initialCash,
      value: 1e15,
      message: 'Initial cash must be between $0 and $1,000,000,000, with at most 2 decimals (cents)',
    },
    { name: 'cash of $1,000,000,000', limit: LIMITS.initialCash, value: 1e9, message: null },
    {
      name: 'cash with a tenth of a cent',
      limit: LIMITS.initialCash,
      value: 10.125,
      message: 'Initial cash must be between $0 and $1,000,000,000, with at most 2 decimals (cents)',
    },
    {
      name: 'a deposit of 0',
      limit: LIMITS.cashAmount,
      value: 0,
      message: 'Amount must be between $0.01 and $1,000,000,000, with at most 2 decimals (cents)',
    },
    {
      name: 'NaN cash',
      limit: LIMITS.cashAmount,
      value: Number.NaN,
      message: 'Amount must be between $0.01 and $1,000,000,000, with at most 2 decimals (cents)',
    },
    {
      name: 'text where a number belongs',
      limit: LIMITS.initialCash,
      value: '25000',
      message: 'Initial cash must be between $0 and $1,000,000,000, with at most 2 decimals (cents)',
    },
    {
      name: 'a largest trade of 0 (exclusive minimum)',
      limit: LIMITS.maxTradePctOfPosition,
      value: 0,
      message: 'Largest trade must be above 0 % and at most 100 % of the position',
    },
    {
      name: '2.5 orders a day',
      limit: LIMITS.maxOrdersPerDay,
      value: 2.5,
      message: 'Orders per day must be a whole number between 0 and 1,000 (or no limit)',
    },
    { name: 'fractional shares to 6 decimals', limit: LIMITS.existingShares, value: 0.123456, message: null },
    {
      name: 'shares with 7 decimals',
      limit: LIMITS.existingShares,
      value: 0.1234567,
      message: 'Shares held must be between 0 and 1,000,000,000 shares, with at most 6 decimals',
    },
  ];
  it.each(rows)('$name', ({ limit, value, message }) => {
    expect(checkLimit(value, limit)).toBe(message);
    const parsed = limitSchema(limit).safeParse(value);
    expect(parsed.success).toBe(message === null);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.message)).toEqual([message]);
  });

  it('names the field as the caller words it', () => {
    expect(checkLimit(0.9, LIMITS.downThreshold, 'Buy when down')).toBe(
      'Buy when down must be between 0.1 % and 50 %',
    );
  });

  it('writes every bound as the one formatter does', () => {
    for (const limit of Object.values(LIMITS) as NumberLimit[]) {
      if (limit.unit === 'percent') {
        const lower = limit.minExclusive ? 'above' : 'between';
        expect(limit.range.startsWith(`${lower} ${formatPercentSetting(limit.min)}`), limit.label).toBe(true);
        expect(limit.range).toContain(formatPercentSetting(limit.max));
      }
      if (limit.unit === 'price') {
        expect(limit.range).toBe(`between ${formatPrice(limit.min)} and $10,000,000`);
        expect(formatPrice(limit.max)).toBe('$10,000,000.00');
      }
      if (limit.unit === 'money') {
        const min = limit.min === 0 ? '$0' : formatPrice(limit.min);
        expect(limit.range.startsWith(`between ${min} and $1,000,000,000`), limit.label).toBe(true);
      }
    }
  });
});
