import type { PricePolicy } from './Config';
import { exactMidpoint } from './ExactMidpoint';
import type { Quote } from './Quote';

export type PriceSource = 'mid' | 'last' | 'bid' | 'ask';

export type EffectivePrice =
  | { ok: true; price: number; source: PriceSource; fallback: string | null }
  | { ok: false; reason: 'invalid_quote' | 'stale_quote'; detail: string };

const usable = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * SPEC 2.1: the price a position is evaluated at. MID needs a sane two-sided quote; BID/ASK need their
 * side; every fallback to LAST is named so the evaluation event can record it. A quote we cannot trust
 * (nothing usable, or older than maxQuoteAgeMs when given) never prices a trade.
 */
export function effectivePrice(
  quote: Quote,
  policy: PricePolicy,
  nowMs: number,
  maxQuoteAgeMs: number | null,
): EffectivePrice {
  if (!Number.isFinite(quote.ts))
    return { ok: false, reason: 'invalid_quote', detail: 'quote has no valid timestamp' };
  if (maxQuoteAgeMs !== null && nowMs - quote.ts > maxQuoteAgeMs) {
    return {
      ok: false,
      reason: 'stale_quote',
      detail: `quote is ${Math.round((nowMs - quote.ts) / 1000)} s old (max ${Math.round(maxQuoteAgeMs / 1000)} s)`,
    };
  }
  const last = usable(quote.last) ? quote.last : null;
  const fallbackToLast = (why: string): EffectivePrice =>
    last === null
      ? { ok: false, reason: 'invalid_quote', detail: `${why}, and no usable last price` }
      : { ok: true, price: last, source: 'last', fallback: why };

  switch (policy) {
    case 'LAST':
      return last === null
        ? { ok: false, reason: 'invalid_quote', detail: 'no usable last price' }
        : { ok: true, price: last, source: 'last', fallback: null };
    case 'BID':
      return usable(quote.bid)
        ? { ok: true, price: quote.bid, source: 'bid', fallback: null }
        : fallbackToLast('bid missing or invalid');
    case 'ASK':
      return usable(quote.ask)
        ? { ok: true, price: quote.ask, source: 'ask', fallback: null }
        : fallbackToLast('ask missing or invalid');
    case 'MID': {
      const { bid, ask } = quote;
      if (!usable(bid) || !usable(ask)) return fallbackToLast('bid or ask missing or invalid');
      if (ask < bid) return fallbackToLast('crossed quote (ask < bid)');
      // Halved on the decimal texts so the mid of 96.49/96.52 is 96.505, not 96.50500000000001.
      return {
        ok: true,
        price: exactMidpoint(bid, ask),
        source: 'mid',
        fallback: null,
      };
    }
  }
}
