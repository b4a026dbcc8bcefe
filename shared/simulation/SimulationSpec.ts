import type { DayTradeLimit } from '../domain/accounting/DayTrades';
import { z } from 'zod';
import type { CommissionSnapshot } from '../domain/Commission';
import { StrategyConfigSchema } from '../domain/Config';
import type { StrategyConfig } from '../domain/Config';
import type { BarInterval, BarSeries } from '../ports/HistoricalBars';
import { BAR_INTERVALS } from '../ports/HistoricalBars';
import type { DividendRecord } from '../ports/HistoricalDividends';
import { cents } from '../domain/Money';
import type { PositionLedger } from '../domain/Position';
import type { FillModel } from './names';
import { FILL_MODELS } from './names';

/**
 * What a simulation run is asked to do (SPEC 5 "Input"): the positions, the date range, the strategy
 * settings, the commission and how orders fill. The bars themselves come separately (`SymbolHistory`),
 * loaded through the HistoricalBars port, so a run is a pure function of spec + history.
 */

/** `close`: fill at the bar's close. `next_open`: fill at the next bar's open (an order on the last bar is cancelled). */
export { FILL_MODELS };
export type { FillModel };

export const ExecutionModelSchema = z
  .object({
    fill: z.enum(FILL_MODELS),
    /** Moves every fill price against the order: buys fill higher, sells lower. */
    slippageBps: z.number().finite().min(0).max(1000),
    /** Largest fraction of a bar's volume one fill may take; the rest of the order is cancelled. */
    volumeCap: z.number().finite().gt(0).max(1).nullable(),
  })
  .strict();
export type ExecutionModel = z.infer<typeof ExecutionModelSchema>;

export const DEFAULT_EXECUTION: ExecutionModel = { fill: 'close', slippageBps: 0, volumeCap: null };

const symbolSchema = z.string().regex(/^[A-Z0-9][A-Z0-9.^-]{0,14}$/, 'a ticker symbol in upper case');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');

/** A dividend accrued before the run and paid during it (walk-forward carries positions across windows). */
export const UnpaidDividendSchema = z
  .object({
    exDate: isoDate,
    /** The pay date, or the ex-date when unknown (SPEC 4.3). */
    payDate: isoDate,
    amount: z.number().finite().positive(),
    qtyEligible: z.number().finite().min(0),
    grossCents: z.number().int().min(0),
    withholdingCents: z.number().int().min(0),
    netCents: z.number().int().min(0),
  })
  .strict();
export type UnpaidDividend = z.infer<typeof UnpaidDividendSchema>;

/** A position at the start of the run: a stock plus its own cash (SPEC 1), optionally already holding shares. */
export const PositionSpecSchema = z
  .object({
    symbol: symbolSchema,
    /** Whole cents, > 0 unless shares are held. */
    initialCashCents: z.number().int().min(0).max(1e15),
    initialQty: z.number().finite().min(0).max(1e12),
    /** Anchor carried in (walk-forward keeps the position between windows); null = initial allocation. */
    initialAnchor: z.number().finite().positive().nullable(),
    /** Dividends accrued and not yet paid; their sum is the starting receivable. */
    unpaidDividends: z.array(UnpaidDividendSchema),
    /** This position's own settings; the run's `config` when absent. */
    config: StrategyConfigSchema.optional(),
  })
  .strict()
  .refine((p) => p.initialCashCents > 0 || p.initialQty > 0, {
    message: 'a position needs cash or shares to start with',
  });
export type PositionSpec = z.infer<typeof PositionSpecSchema>;

export const CommissionSnapshotSchema = z
  .object({
    rate: z.number().finite().min(0).max(0.1),
    minimumCents: z.number().int().min(0).max(1_000_000),
    scope: z.enum(['GLOBAL', 'TENANT', 'TENANT_ASSET']),
  })
  .strict();

export const SimulationSpecSchema = z
  .object({
    positions: z.array(PositionSpecSchema).min(1).max(200),
    from: isoDate,
    to: isoDate,
    interval: z.enum(BAR_INTERVALS),
    config: StrategyConfigSchema,
    commission: CommissionSnapshotSchema,
    execution: ExecutionModelSchema,
    /** Risk-free return per day for Sharpe and Sortino (SPEC 5: 0 unless set). */
    riskFreePerPeriod: z.number().finite().min(-0.01).max(0.01),
    /** SPEC 8's optional day-trade limit (off when absent). */
    dayTradeLimit: z
      .object({
        maxDayTrades: z.number().int().min(0).max(1000).nullable(),
        minEquityCents: z.number().int().min(0),
        mode: z.enum(['warn', 'block']),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => s.from <= s.to, { message: 'from must not be after to', path: ['to'] })
  .refine((s) => new Set(s.positions.map((p) => p.symbol)).size === s.positions.length, {
    message: 'each symbol may appear once',
    path: ['positions'],
  });

export interface SimulationSpec {
  positions: PositionSpec[];
  from: string;
  to: string;
  interval: BarInterval;
  config: StrategyConfig;
  commission: CommissionSnapshot;
  execution: ExecutionModel;
  riskFreePerPeriod: number;
  /** SPEC 8's optional day-trade limit; absent or `maxDayTrades: null`: off. */
  dayTradeLimit?: DayTradeLimit;
}

/** The bars and dividends of one symbol, as the HistoricalBars/HistoricalDividends ports return them. */
export interface SymbolHistory {
  bars: BarSeries;
  dividends: readonly DividendRecord[];
}

/** A position spec with the defaults filled in: no shares, no anchor, no receivable, the run's config. */
export function positionSpec(
  symbol: string,
  initialCashCents: number,
  extra: Partial<PositionSpec> = {},
): PositionSpec {
  return { symbol, initialCashCents, initialQty: 0, initialAnchor: null, unpaidDividends: [], ...extra };
}

export type SpecCheck =
  { ok: true; spec: SimulationSpec } | { ok: false; code: 'INVALID_SPEC'; message: string };

/** Validates a spec (from a config file, the CLI or IPC), naming each wrong field. */
export function checkSimulationSpec(input: unknown): SpecCheck {
  const parsed = SimulationSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data as SimulationSpec };
  const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ');
  return { ok: false, code: 'INVALID_SPEC', message };
}

/**
 * The ledger a position's replay starts from (every strategy's): its cash and shares, the dividends it
 * carries in as receivable, nothing paid yet.
 */
export function openingLedger(spec: PositionSpec, anchor: number | null): PositionLedger {
  return {
    qty: spec.initialQty,
    cashCents: cents(spec.initialCashCents),
    receivableCents: cents(spec.unpaidDividends.reduce((sum, d) => sum + d.netCents, 0)),
    anchor,
    status: 'ACTIVE',
    totalCommissionPaidCents: cents(0),
    totalDividendsGrossCents: cents(0),
    totalDividendsNetCents: cents(0),
  };
}
