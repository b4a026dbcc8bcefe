/**
 * The one formatter for everything a person reads: the UI, toasts, event summaries, the CLI and every
 * report (HTML, PDF, XLSX display formats, CSV headers say their units). Money arrives as integer cents,
 * prices as numbers whose shortest text is the source's value (SPEC 2.8), fractions as fractions.
 *
 * Rules (docs/adr/0060-one-formatter.md):
 * - money: currency symbol and thousands separators, always two decimals ("$1,234.56"; "−" for losses);
 * - prices: to the cent, more decimals only when the quote itself has them (a sub-penny quote such as
 *   10.125 or 0.4567, at most 4 decimals); digits past the fourth are float noise of the source
 *   (167.77000427246094 is a float32 widened to a double), so the price is shown rounded to the cent
 *   (to 4 decimals below one dollar);
 * - quantities: thousands separators, whole shares as integers, fractional shares to at most 6 decimals;
 * - percents: from fractions, "3.12 %"; with `signed`, "+3.12 %" / "−3.12 %" (zero unsigned);
 * - a value that is missing or not finite is "—", never "NaN" or a blank.
 * Negative numbers use the minus sign U+2212 so they read as one glyph beside a "+".
 */

export const MISSING = '—';
const MINUS = '\u2212';
const LOCALE = 'en-US';

export interface MoneyOptions {
  /** "+$5.00" for gains (changes, P&L); zero carries no sign. */
  signed?: boolean;
  /** Whole dollars ("$25,000"), for large round figures such as chart axes. */
  whole?: boolean;
  /** ISO code; USD unless the figure is in another currency. */
  currency?: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${currency}|${whole ? 0 : 2}`;
  let f = moneyFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    moneyFormats.set(key, f);
  }
  return f;
}

function isNumber(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

function withSign(negative: boolean, positive: boolean, body: string, signed: boolean): string {
  if (negative) return `${MINUS}${body}`;
  if (signed && positive) return `+${body}`;
  return body;
}

/**
 * Integer cents as money: 123456 → "$1,234.56"; −5 → "−$0.05". Cents are divided exactly (an integer
 * number of cents below 2^53 divided by 100 formats to the right two decimals).
 */
export function formatMoney(cents: number | null | undefined, options: MoneyOptions = {}): string {
  if (!isNumber(cents)) return MISSING;
  const rounded = Math.round(cents);
  const body = moneyFormat(options.currency ?? 'USD', options.whole ?? false).format(Math.abs(rounded) / 100);
  const shownZero = options.whole === true ? Math.abs(rounded) < 50 : rounded === 0;
  return withSign(rounded < 0 && !shownZero, rounded > 0 && !shownZero, body, options.signed ?? false);
}

/** Dollars (a float, e.g. a value derived from prices) as money, rounded to the cent half away from zero. */
export function formatDollars(dollars: number | null | undefined, options: MoneyOptions = {}): string {
  if (!isNumber(dollars)) return MISSING;
  return formatMoney(Math.round(dollars * 100), options);
}

/** How many decimals a price is shown with (see the rules above). */
export function priceDecimals(price: number): number {
  const abs = Math.abs(price);
  if (abs === 0) return 2;
  const text = String(abs);
  if (text.includes('e')) return abs < 1 ? 4 : 2;
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  if (decimals <= 2) return 2;
  if (decimals <= 4) return decimals;
  return abs < 1 ? 4 : 2;
}

const priceFormats = new Map<string, Intl.NumberFormat>();
function priceFormat(currency: string, decimals: number): Intl.NumberFormat {
  const key = `${currency}|${decimals}`;
  let f = priceFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    priceFormats.set(key, f);
  }
  return f;
}

/** A price per share: 96.5 → "$96.50"; 10.125 → "$10.125"; 167.77000427246094 → "$167.77". */
export function formatPrice(
  price: number | null | undefined,
  options: { currency?: string; signed?: boolean } = {},
): string {
  if (!isNumber(price)) return MISSING;
  const decimals = priceDecimals(price);
  const body = priceFormat(options.currency ?? 'USD', decimals).format(Math.abs(price));
  const zero = Number(Math.abs(price).toFixed(decimals)) === 0;
  return withSign(price < 0 && !zero, price > 0 && !zero, body, options.signed ?? false);
}

/**
 * A trigger price (anchor × (1 ∓ threshold)) is a bound, not a quote: it is shown as the first cent
 * price that trades, rounded down for a buy ("buys at or below $57.76" for 57.7615) and up for a sell
 * ("sells at or above $61.34" for 61.3365). Below one dollar it keeps 4 decimals the same way.
 */
export function formatTriggerPrice(
  price: number | null | undefined,
  side: 'buy' | 'sell',
  options: { currency?: string } = {},
): string {
  if (!isNumber(price)) return MISSING;
  const scale = Math.abs(price) < 1 ? 10_000 : 100;
  // A float just off a cent (97.00000000000001) is that cent: nudge by far less than a cent first.
  const scaled = Number((price * scale).toPrecision(12));
  const rounded = (side === 'buy' ? Math.floor(scaled) : Math.ceil(scaled)) / scale;
  return formatPrice(rounded, options);
}

const qtyFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });

/** A share quantity: 1234 → "1,234"; 0.5 → "0.5"; fractional shares to at most 6 decimals. */
export function formatQty(qty: number | null | undefined, options: { signed?: boolean } = {}): string {
  if (!isNumber(qty)) return MISSING;
  const body = qtyFormat.format(Math.abs(qty));
  const zero = body === '0';
  return withSign(qty < 0 && !zero, qty > 0 && !zero, body, options.signed ?? false);
}

/** "61 shares", "1 share". */
export function formatShares(qty: number | null | undefined): string {
  if (!isNumber(qty)) return MISSING;
  return `${formatQty(qty)} ${Math.abs(qty) === 1 ? 'share' : 'shares'}`;
}

export interface PercentOptions {
  /** Decimals shown (2 by default). */
  digits?: number;
  /** "+3.12 %" for changes and returns; zero carries no sign. */
  signed?: boolean;
}

const percentFormats = new Map<number, Intl.NumberFormat>();
function percentFormat(digits: number): Intl.NumberFormat {
  let f = percentFormats.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    percentFormats.set(digits, f);
  }
  return f;
}

/** A fraction as a percent: 0.0312 → "3.12 %"; signed −0.05 → "−5.00 %". */
export function formatPercent(fraction: number | null | undefined, options: PercentOptions = {}): string {
  if (!isNumber(fraction)) return MISSING;
  const digits = options.digits ?? 2;
  const body = percentFormat(digits).format(Math.abs(fraction * 100));
  const zero = Number(body.replace(/,/g, '')) === 0;
  return `${withSign(fraction < 0 && !zero, fraction > 0 && !zero, body, options.signed ?? false)} %`;
}

/** A threshold or setting typed in percent, shown with as many decimals as it has (0.001 → "0.1 %"). */
export function formatPercentSetting(fraction: number | null | undefined): string {
  if (!isNumber(fraction)) return MISSING;
  const percent = Number((fraction * 100).toPrecision(12));
  return `${percent.toLocaleString(LOCALE, { maximumFractionDigits: 6 })} %`;
}

/** A plain ratio (Sharpe, beta, profit factor): 1.23456 → "1.23"; signed adds "+" to positives. */
export function formatRatio(value: number | null | undefined, options: PercentOptions = {}): string {
  if (!isNumber(value)) return MISSING;
  const body = percentFormat(options.digits ?? 2).format(Math.abs(value));
  const zero = Number(body.replace(/,/g, '')) === 0;
  return withSign(value < 0 && !zero, value > 0 && !zero, body, options.signed ?? false);
}

/** Basis points: 12.5 → "12.5 bps". */
export function formatBps(bps: number | null | undefined): string {
  if (!isNumber(bps)) return MISSING;
  return `${formatRatio(bps, { digits: Number.isInteger(bps) ? 0 : 1 })} bps`;
}

/** A whole count with separators: 12345 → "12,345". */
export function formatCount(n: number | null | undefined): string {
  if (!isNumber(n)) return MISSING;
  return Math.round(n).toLocaleString(LOCALE);
}

/** Signs a figure for colouring: 'gain', 'loss' or 'flat' (missing counts as flat). */
export function signClass(value: number | null | undefined): 'gain' | 'loss' | 'flat' {
  if (!isNumber(value) || value === 0) return 'flat';
  return value > 0 ? 'gain' : 'loss';
}

const MARKET_ZONE = 'America/New_York';
const marketDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: MARKET_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const marketDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: MARKET_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Epoch ms → "2020-02-21 14:35" in the market's zone (America/New_York), where trading happens. */
export function formatDateTime(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  const parts = Object.fromEntries(marketDateTime.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** Epoch ms → "2020-02-21", the market's date. */
export function formatDate(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  return marketDate.format(new Date(ms));
}

/** "as of 2020-02-21 16:00" for a value taken from an earlier quote or close. */
export function formatAsOf(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  return `as of ${formatDateTime(ms)}`;
}

const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });

/** A plain number a person chose (a rebalance ratio of 1.6667): separators, its own decimals up to 6. */
export function formatDecimal(value: number | null | undefined): string {
  if (!isNumber(value)) return MISSING;
  const body = decimalFormat.format(Math.abs(value));
  return withSign(value < 0 && body !== '0', false, body, false);
}
