/**
 * Display formatting for the UI: thin names over the one formatter in shared/format (used by the CLI,
 * event summaries and every report too). Money arrives as integer cents; fractions are shown as percent.
 */
import {
  formatAsOf,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  formatRatio,
  formatTriggerPrice,
} from '../../../shared/format/Format';

/** How old a price may be and still be shown without "as of" (a quote a tick or three old). */
const LIVE_MS = 15 * 60_000;

/**
 * "as of 2020-02-19 16:00" when a price is not the latest evaluation's or is older than a few ticks
 * (the market is closed, the provider failed); null when it is live. `now` is the backend's clock.
 */
export function priceAge(
  at: number | null | undefined,
  live: boolean,
  now: number | null | undefined,
): string | null {
  if (at === null || at === undefined) return null;
  if (live && (now === null || now === undefined || now - at <= LIVE_MS)) return null;
  return formatAsOf(at);
}

export function money(cents: number | null | undefined, whole = false): string {
  return formatMoney(cents, { whole });
}

export function signedMoney(cents: number | null | undefined): string {
  return formatMoney(cents, { signed: true });
}

/** A price to the cent, with more decimals only when the quote itself has them. */
export function price(value: number | null | undefined): string {
  return formatPrice(value);
}

export function qty(value: number | null | undefined): string {
  return formatQty(value);
}

/** A trigger price as the first cent that trades: rounded down for a buy, up for a sell. */
export function trigger(value: number | null | undefined, side: 'buy' | 'sell'): string {
  return formatTriggerPrice(value, side);
}

/** A change of shares: "+61", "−50". */
export function signedQty(value: number | null | undefined): string {
  return formatQty(value, { signed: true });
}

/** 0.0312 → "3.12 %". */
export function pct(fraction: number | null | undefined, digits = 2): string {
  return formatPercent(fraction, { digits });
}

export function signedPct(fraction: number | null | undefined, digits = 2): string {
  return formatPercent(fraction, { digits, signed: true });
}

export function ratio(value: number | null | undefined, digits = 2): string {
  return formatRatio(value, { digits });
}

/** Epoch ms → "2020-02-21 14:35" in the market's zone (America/New_York), where trading happens. */
export function dateTime(ms: number | null | undefined): string {
  return formatDateTime(ms);
}

/** "in 3 min", "12 s ago" relative to `now` (the backend's clock: virtual in the demo). */
export function relative(ms: number | null | undefined, now: number): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const delta = ms - now;
  const abs = Math.abs(delta);
  const text =
    abs < 60_000
      ? `${Math.round(abs / 1000)} s`
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : `${(abs / 3_600_000).toFixed(1)} h`;
  return delta >= 0 ? `in ${text}` : `${text} ago`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
