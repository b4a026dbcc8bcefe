import { describe, expect, it } from 'vitest';
import type { PricePolicy } from './Config';
import { effectivePrice } from './PricePolicy';

const NOW = Date.UTC(2024, 5, 3, 15, 0);
const MAX_AGE = 15 * 60_000;
const q = (bid: number | null, ask: number | null, last: number | null, ageMs = 0) => ({
  symbol: 'X',
  bid,
  ask,
  last,
  ts: NOW - ageMs,
});

describe('effectivePrice (SPEC 2.1)', () => {
  it.each([
    {
      name: 'MID of a sane two-sided quote',
      policy: 'MID',
      quote: q(99, 101, 100.5),
      price: 100,
      source: 'mid',
      fallback: null,
    },
    {
      name: 'MID is halved exactly (96.49/96.52 → 96.505)',
      policy: 'MID',
      quote: q(96.49, 96.52, 96.5),
      price: 96.505,
      source: 'mid',
      fallback: null,
    },
    {
      name: 'MID with a locked quote (ask = bid)',
      policy: 'MID',
      quote: q(100, 100, 99),
      price: 100,
      source: 'mid',
      fallback: null,
    },
    {
      name: 'MID falls back to LAST without a bid',
      policy: 'MID',
      quote: q(null, 101, 100.5),
      price: 100.5,
      source: 'last',
      fallback: 'bid or ask missing or invalid',
    },
    {
      name: 'MID falls back to LAST with a zero ask',
      policy: 'MID',
      quote: q(99, 0, 100.5),
      price: 100.5,
      source: 'last',
      fallback: 'bid or ask missing or invalid',
    },
    {
      name: 'MID falls back to LAST with a NaN bid',
      policy: 'MID',
      quote: q(Number.NaN, 101, 100.5),
      price: 100.5,
      source: 'last',
      fallback: 'bid or ask missing or invalid',
    },
    {
      name: 'MID falls back to LAST when crossed (ask < bid)',
      policy: 'MID',
      quote: q(101, 99, 100.5),
      price: 100.5,
      source: 'last',
      fallback: 'crossed quote (ask < bid)',
    },
    {
      name: 'LAST uses last',
      policy: 'LAST',
      quote: q(99, 101, 100.25),
      price: 100.25,
      source: 'last',
      fallback: null,
    },
    {
      name: 'BID uses bid',
      policy: 'BID',
      quote: q(99, 101, 100.25),
      price: 99,
      source: 'bid',
      fallback: null,
    },
    {
      name: 'BID falls back to LAST when missing',
      policy: 'BID',
      quote: q(null, 101, 100.25),
      price: 100.25,
      source: 'last',
      fallback: 'bid missing or invalid',
    },
    {
      name: 'ASK uses ask',
      policy: 'ASK',
      quote: q(99, 101, 100.25),
      price: 101,
      source: 'ask',
      fallback: null,
    },
    {
      name: 'ASK falls back to LAST when negative',
      policy: 'ASK',
      quote: q(99, -1, 100.25),
      price: 100.25,
      source: 'last',
      fallback: 'ask missing or invalid',
    },
    {
      name: 'a quote exactly at the max age is still fresh',
      policy: 'LAST',
      quote: q(null, null, 50, MAX_AGE),
      price: 50,
      source: 'last',
      fallback: null,
    },
  ] as const)('$name', ({ policy, quote, price, source, fallback }) => {
    expect(effectivePrice(quote, policy as PricePolicy, NOW, MAX_AGE)).toEqual({
      ok: true,
      price,
      source,
      fallback,
    });
  });

  it.each([
    { name: 'LAST missing', policy: 'LAST', quote: q(99, 101, null), reason: 'invalid_quote' },
    { name: 'LAST is NaN', policy: 'LAST', quote: q(99, 101, Number.NaN), reason: 'invalid_quote' },
    {
      name: 'LAST is Infinity',
      policy: 'LAST',
      quote: q(99, 101, Number.POSITIVE_INFINITY),
      reason: 'invalid_quote',
    },
    { name: 'LAST is 0', policy: 'LAST', quote: q(99, 101, 0), reason: 'invalid_quote' },
    {
      name: 'MID falls back to a missing LAST',
      policy: 'MID',
      quote: q(null, null, null),
      reason: 'invalid_quote',
    },
    { name: 'BID falls back to a zero LAST', policy: 'BID', quote: q(0, 101, 0), reason: 'invalid_quote' },
    {
      name: 'a quote one ms older than the max age is stale',
      policy: 'MID',
      quote: q(99, 101, 100, MAX_AGE + 1),
      reason: 'stale_quote',
    },
    {
      name: 'a quote without a valid timestamp is invalid',
      policy: 'MID',
      quote: { ...q(99, 101, 100), ts: Number.NaN },
      reason: 'invalid_quote',
    },
  ] as const)('HOLD: $name → $reason', ({ policy, quote, reason }) => {
    const r = effectivePrice(quote, policy as PricePolicy, NOW, MAX_AGE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it('ignores age when no max age applies (simulation on bars)', () => {
    expect(effectivePrice(q(null, null, 10, 10 * 86_400_000), 'LAST', NOW, null).ok).toBe(true);
  });
});
