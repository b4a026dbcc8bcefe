import { z } from 'zod';
import { exact } from './ExactDecimal';

/**
 * What a person may type where money moves (SPEC 2, issue 15 "Inputs that move money"): one table of
 * limits, each with the words and units the person uses, read by the config schemas (shared/domain/Config),
 * the ledger's use cases (IPC handlers), the CLI and config files. A value outside its limit is refused
 * with one message naming the field and what is allowed ("Down threshold must be between 0.1 % and
 * 50 %"), never a schema path. The limits are wide enough for any real account and narrow enough to catch
 * absurd values that are still valid numbers (an anchor of 5e-324, cash of 1e15).
 *
 * Texts of the bounds are written here by hand (the domain does not import the formatter); a test checks
 * each one against shared/format so they read as every other figure does.
 */

export type LimitUnit = 'money' | 'price' | 'shares' | 'percent' | 'ratio' | 'count' | 'duration' | 'bps';

export interface NumberLimit {
  /** The field in the user's words, as a message starts: "Down threshold". */
  label: string;
  unit: LimitUnit;
  min: number;
  max: number;
  /** The minimum itself is not allowed (a threshold of 0 would trade on every tick). */
  minExclusive?: boolean;
  /** At most this many decimals (cents: 2; shares: 6). */
  decimals?: number;
  integer?: boolean;
  /** The allowed range in the user's units: "between 0.1 % and 50 %". */
  range: string;
  /** What the decimals rule says, when there is one: "with at most 2 decimals (cents)". */
  precision?: string;
}

/** The largest amount of money one position, deposit or limit may hold: far above any personal account. */
export const MAX_MONEY_DOLLARS = 1_000_000_000;
/** The highest price per share accepted (the dearest US share has traded below a tenth of it). */
export const MAX_PRICE = 10_000_000;
/** The lowest price per share accepted: a hundredth of a cent (the finest sub-penny quote). */
export const MIN_PRICE = 0.0001;
export const MAX_SHARES = 1_000_000_000;

const CENTS = 'with at most 2 decimals (cents)';
const money = (label: string, min: number, range: string): NumberLimit => ({
  label,
  unit: 'money',
  min,
  max: MAX_MONEY_DOLLARS,
  decimals: 2,
  range,
  precision: CENTS,
});
const percent = (label: string, min: number, max: number, range: string, exclusive = false): NumberLimit => ({
  label,
  unit: 'percent',
  min,
  max,
  range,
  ...(exclusive ? { minExclusive: true } : {}),
});

export const LIMITS = {
  /** Cash set aside when a position opens (0 when it takes over shares only). */
  initialCash: money('Initial cash', 0, 'between $0 and $1,000,000,000'),
  /** A deposit or a withdrawal. */
  cashAmount: money('Amount', 0.01, 'between $0.01 and $1,000,000,000'),
  /** A price typed by a person: an anchor. */
  anchor: {
    label: 'Anchor',
    unit: 'price',
    min: MIN_PRICE,
    max: MAX_PRICE,
    decimals: 4,
    range: 'between $0.0001 and $10,000,000',
    precision: 'with at most 4 decimals',
  },
  existingShares: {
    label: 'Shares held',
    unit: 'shares',
    min: 0,
    max: MAX_SHARES,
    decimals: 6,
    range: 'between 0 and 1,000,000,000 shares',
    precision: 'with at most 6 decimals',
  },
  initialStockPct: percent('Initial stock share', 0, 1, 'between 0 % and 100 %'),
  withholdingPct: percent('Dividend withholding', 0, 1, 'between 0 % and 100 %'),

  // Strategy settings (shared/domain/Config), stored as fractions and shown in percent.
  upThreshold: percent('Up threshold', 0.001, 1, 'between 0.1 % and 100 %'),
  downThreshold: percent('Down threshold', 0.001, 0.5, 'between 0.1 % and 50 %'),
  rebalanceRatio: {
    label: 'Rebalance ratio',
    unit: 'ratio',
    min: 0.01,
    max: 10,
    range: 'between 0.01 and 10',
  },
  targetStockPct: percent('Target stock share', 0, 1, 'between 0 % and 100 %'),
  minStockPct: percent('Minimum stock share', 0, 1, 'between 0 % and 100 %'),
  maxStockPct: percent('Maximum stock share', 0, 1, 'between 0 % and 100 %'),
  maxTradePctOfPosition: percent('Largest trade', 0, 1, 'above 0 % and at most 100 % of the position', true),
  maxOrdersPerDay: {
    label: 'Orders per day',
    unit: 'count',
    min: 0,
    max: 1000,
    integer: true,
    range: 'a whole number between 0 and 1,000 (or no limit)',
  },
  maxDailyNotional: money('Daily trading limit', 0, 'between $0 and $1,000,000,000 (or no limit)'),
  qtyStep: {
    label: 'Quantity step',
    unit: 'shares',
    min: 0,
    max: 1_000_000,
    decimals: 6,
    range: 'between 0 (fractional shares) and 1,000,000 shares',
    precision: 'with at most 6 decimals',
  },
  lotSize: {
    label: 'Lot size',
    unit: 'shares',
    min: 0,
    max: 1_000_000,
    minExclusive: true,
    decimals: 6,
    range: 'above 0 and at most 1,000,000 shares (or none)',
    precision: 'with at most 6 decimals',
  },
  minQty: {
    label: 'Minimum quantity',
    unit: 'shares',
    min: 0,
    max: MAX_SHARES,
    decimals: 6,
    range: 'between 0 and 1,000,000,000 shares',
    precision: 'with at most 6 decimals',
  },
  minNotional: money('Minimum order', 0, 'between $0 and $1,000,000,000'),
  maxQuoteAgeMs: {
    label: 'Maximum quote age',
    unit: 'duration',
    min: 1000,
    max: 86_400_000,
    integer: true,
    range: 'between 1 second and 1 day',
  },
  dividendWithholdingPct: percent('Dividend withholding', 0, 1, 'between 0 % and 100 %'),

  // Trading settings (issue 15 "every setting reachable"): commission (SPEC 2.7), the paper broker (4.2),
  // a dividend entered by hand (4.3).
  commissionRate: percent('Commission rate', 0, 0.1, 'between 0 % and 10 %'),
  commissionMinimum: money('Minimum commission', 0, 'between $0 and $1,000,000,000'),
  paperSlippageBps: {
    label: 'Paper slippage',
    unit: 'bps',
    min: 0,
    max: 1000,
    decimals: 2,
    range: 'between 0 and 1,000 bps',
    precision: 'with at most 2 decimals',
  },
  dividendPerShare: {
    label: 'Dividend per share',
    unit: 'price',
    min: MIN_PRICE,
    max: MAX_PRICE,
    decimals: 6,
    range: 'between $0.0001 and $10,000,000',
    precision: 'with at most 6 decimals',
  },
  // ── desk: the manual order ticket (issue 15, ADR 0061) ──
  orderQty: {
    label: 'Shares to trade',
    unit: 'shares',
    min: 0,
    max: MAX_SHARES,
    minExclusive: true,
    decimals: 6,
    range: 'above 0 and at most 1,000,000,000 shares',
    precision: 'with at most 6 decimals',
  },
  // ── accounting: the optional day-trade limit (SPEC 8, issue 16) ──
  maxDayTrades: {
    label: 'Day-trade limit',
    unit: 'count',
    min: 0,
    max: 1000,
    integer: true,
    range: 'a whole number of day trades between 0 and 1,000',
  },
  dayTradeMinEquity: money('Equity threshold', 0, 'between $0 and $1,000,000,000'),
} as const satisfies Record<string, NumberLimit>;

export type LimitName = keyof typeof LIMITS;

/**
 * A hand-set anchor more than this far from the last price (either way) asks for confirmation: a typo
 * ($15 for $150) trades at once, so the user sees what it would do before it is set.
 */
export const MAX_UNCONFIRMED_ANCHOR_DISTANCE = 0.5;

/** anchor / price − 1: 0.85 is 85 % above the price, −0.6 is 60 % below. */
export function anchorDistance(anchor: number, price: number): number {
  return anchor / price - 1;
}

/** "Down threshold must be between 0.1 % and 50 %" (with `label` replacing the limit's own when given). */
export function limitMessage(limit: NumberLimit, label: string = limit.label): string {
  return `${label} must be ${limit.range}${limit.precision ? `, ${limit.precision}` : ''}`;
}

/** The one message of a value outside its limit, or null when it is allowed. */
export function checkLimit(value: unknown, limit: NumberLimit, label: string = limit.label): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return limitMessage(limit, label);
  const belowMin = limit.minExclusive === true ? value <= limit.min : value < limit.min;
  if (belowMin || value > limit.max) return limitMessage(limit, label);
  if (limit.integer === true && !Number.isInteger(value)) return limitMessage(limit, label);
  if (limit.decimals !== undefined && exact(value).decimalPlaces() > limit.decimals)
    return limitMessage(limit, label);
  return null;
}

/** A zod number schema for a limit: one issue, with the limit's message, for anything not allowed. */
export function limitSchema(limit: NumberLimit, label: string = limit.label) {
  const message = limitMessage(limit, label);
  return z.number({ error: message }).refine((v) => checkLimit(v, limit, label) === null, { message });
}

/** "initialStockPct" → "Initial stock pct": a field name in words, for messages zod words itself. */
export function fieldWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One issue of a refused input as a person reads it, without a schema path: our own messages already
 * name their field ("Anchor must be …"); an unknown field is named as the input spells it (a config
 * file's key must be findable); anything zod words itself gets the field's name in words before it.
 */
export function userMessageOf(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => `"${[...path, k].join('.')}"`).join(', ');
    return issue.keys.length === 1 ? `Unknown field ${names}` : `Unknown fields ${names}`;
  }
  if (path.length === 0) {
    return issue.code === 'invalid_type'
      ? 'The request must be an object with the documented fields'
      : issue.message;
  }
  if (/^[A-Z]/.test(issue.message) && !/^Invalid\b/.test(issue.message)) return issue.message;
  const key = path[path.length - 1] as string;
  // A message that opens with the field's own key ("rate must …") gets the key in words instead.
  if (issue.message.startsWith(`${key} `)) return `${fieldWords(key)}${issue.message.slice(key.length)}`;
  return `${fieldWords(key)}: ${issue.message}`;
}
