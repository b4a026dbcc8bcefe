import { describe, expect, it } from 'vitest';
import {
  formatTriggerPrice,
  formatBps,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatDollars,
  formatMoney,
  formatPercent,
  formatPercentSetting,
  formatPrice,
  formatQty,
  formatRatio,
  formatShares,
  MISSING,
  priceDecimals,
  signClass,
} from './Format';

describe('formatMoney', () => {
  it.each([
    ['whole dollars', 2_500_000, {}, '$25,000.00'],
    ['cents', 4_411_291, {}, '$44,112.91'],
    ['a loss uses the minus sign', -5, {}, '\u2212$0.05'],
    ['signed gain', 1234, { signed: true }, '+$12.34'],
    ['signed zero has no sign', 0, { signed: true }, '$0.00'],
    ['signed loss', -1234, { signed: true }, '\u2212$12.34'],
    ['whole', 2_500_049, { whole: true }, '$25,000'],
    ['a large ledger', 4_999_556, {}, '$49,995.56'],
  ] as const)('%s', (_name, cents, options, text) => {
    expect(formatMoney(cents, options)).toBe(text);
  });

  it('never prints NaN or a blank', () => {
    expect(formatMoney(Number.NaN)).toBe(MISSING);
    expect(formatMoney(null)).toBe(MISSING);
    expect(formatMoney(undefined)).toBe(MISSING);
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });

  it('rounds dollars to the cent', () => {
    expect(formatDollars(1234.5678)).toBe('$1,234.57');
    expect(formatDollars(-0.004)).toBe('$0.00');
  });
});

describe('formatPrice', () => {
  it.each([
    ['to the cent', 96.5, '$96.50'],
    ['an integer', 100, '$100.00'],
    ['float noise of a float32 quote', 167.77000427246094, '$167.77'],
    ['a real sub-penny quote keeps its digits', 10.125, '$10.125'],
    ['a sub-dollar quote to 4 decimals', 0.4567, '$0.4567'],
    ['noise below a dollar rounds to 4', 0.123456789, '$0.1235'],
    ['thousands', 1234.5, '$1,234.50'],
  ] as const)('%s', (_name, price, text) => {
    expect(formatPrice(price)).toBe(text);
  });

  it('counts decimals from the shortest text', () => {
    expect(priceDecimals(97)).toBe(2);
    expect(priceDecimals(97.1)).toBe(2);
    expect(priceDecimals(97.125)).toBe(3);
    expect(priceDecimals(97.1234)).toBe(4);
    expect(priceDecimals(97.12345)).toBe(2);
    expect(priceDecimals(1e-7)).toBe(4);
  });

  it('signs a price change', () => {
    expect(formatPrice(-3.5, { signed: true })).toBe('\u2212$3.50');
    expect(formatPrice(3.5, { signed: true })).toBe('+$3.50');
  });
});

describe('formatQty and formatShares', () => {
  it.each([
    [61, '61'],
    [1234, '1,234'],
    [0.5, '0.5'],
    [0.1234567, '0.123457'],
  ] as const)('%s', (qty, text) => {
    expect(formatQty(qty)).toBe(text);
  });
  it('signs a change and names shares', () => {
    expect(formatQty(-50, { signed: true })).toBe('\u221250');
    expect(formatQty(50, { signed: true })).toBe('+50');
    expect(formatShares(1)).toBe('1 share');
    expect(formatShares(106)).toBe('106 shares');
  });
});

describe('formatPercent', () => {
  it.each([
    ['a fraction', 0.0312, {}, '3.12 %'],
    ['signed gain', 0.05, { signed: true }, '+5.00 %'],
    ['signed loss', -0.05, { signed: true }, '\u22125.00 %'],
    ['rounds to zero without a sign', -0.00001, { signed: true }, '0.00 %'],
    ['digits', 0.123456, { digits: 1 }, '12.3 %'],
    ['thousands', 12.5, {}, '1,250.00 %'],
  ] as const)('%s', (_name, fraction, options, text) => {
    expect(formatPercent(fraction, options)).toBe(text);
  });

  it('shows a setting with its own decimals', () => {
    expect(formatPercentSetting(0.001)).toBe('0.1 %');
    expect(formatPercentSetting(0.03)).toBe('3 %');
    expect(formatPercentSetting(0.5)).toBe('50 %');
    expect(formatPercentSetting(0.0325)).toBe('3.25 %');
  });
});

describe('ratios, counts and classes', () => {
  it('formats ratios and bps', () => {
    expect(formatRatio(1.23456)).toBe('1.23');
    expect(formatRatio(-0.5, { signed: true })).toBe('\u22120.50');
    expect(formatBps(20)).toBe('20 bps');
    expect(formatBps(12.5)).toBe('12.5 bps');
  });
  it.each([
    { name: 'a chosen ratio keeps its decimals', value: 1.6667, text: '1.6667' },
    { name: 'a whole number', value: 2, text: '2' },
    { name: 'separators', value: 12345.5, text: '12,345.5' },
    { name: 'at most six decimals', value: 0.1234567, text: '0.123457' },
    { name: 'a negative number', value: -0.25, text: '\u22120.25' },
    { name: 'missing', value: null, text: MISSING },
  ])('formatDecimal: $name', ({ value, text }) => {
    expect(formatDecimal(value)).toBe(text);
  });
  it('classes a sign', () => {
    expect(signClass(3)).toBe('gain');
    expect(signClass(-3)).toBe('loss');
    expect(signClass(0)).toBe('flat');
    expect(signClass(null)).toBe('flat');
  });
});

describe('dates in the market zone', () => {
  it('shows New York time', () => {
    // 2020-02-21 19:35 UTC = 14:35 in New York (EST).
    expect(formatDateTime(Date.UTC(2020, 1, 21, 19, 35))).toBe('2020-02-21 14:35');
    expect(formatDate(Date.UTC(2020, 1, 22, 2, 0))).toBe('2020-02-21');
    expect(formatDateTime(Number.NaN)).toBe(MISSING);
  });
});

describe('formatTriggerPrice', () => {
  it.each([
    ['a buy bound rounds down to the cent', 57.7615, 'buy', '$57.76'],
    ['a sell bound rounds up to the cent', 61.3365, 'sell', '$61.34'],
    ['a bound on a cent stays', 97, 'buy', '$97.00'],
    ['float noise on a cent is that cent (buy)', 92.14999999999999, 'buy', '$92.15'],
    ['float noise on a cent is that cent (sell)', 97.85000000000001, 'sell', '$97.85'],
    ['below a dollar: 4 decimals', 0.48503, 'buy', '$0.485'],
    ['missing', null, 'sell', '—'],
  ] as const)('%s', (_name, value, side, text) => {
    expect(formatTriggerPrice(value, side)).toBe(text);
  });
});
