import { z } from 'zod';
import { epochMsSchema, idSchema, isoDateSchema, symbolSchema } from './common';
import { configPatchSchema } from './config';
import { reasonCodeSchema } from './ledger';
import { checkLimit, limitMessage, limitSchema, LIMITS } from '../../domain/InputLimits';

// ── desk: history sources of SPEC 5 "Input" (issue 15, ADR 0064) ──
/** The bundled dataset, the user's CSV imports, the provider's cached history, the live loop's quote log. */
export const HISTORY_SOURCE_IDS = ['bundled', 'csv', 'provider', 'quote-log'] as const;
export const historySourceIdSchema = z.enum(HISTORY_SOURCE_IDS);
export type HistorySourceId = z.infer<typeof historySourceIdSchema>;
/** Bar intervals (shared/ports/HistoricalBars BAR_INTERVALS; a test keeps them equal). */
export const BAR_INTERVAL_IDS = ['1d', '1h', '30m', '15m', '5m', '1m'] as const;
export const barIntervalSchema = z.enum(BAR_INTERVAL_IDS);

/** The Simulation page's set-up form (SPEC 5 "Input"); amounts in dollars as the user types them. */
export const simulationSetupSchema = z
  .object({
    symbols: z.array(symbolSchema).min(1, 'choose at least one symbol').max(20, 'at most 20 symbols'),
    from: isoDateSchema,
    to: isoDateSchema,
    /** Cash per position, dollars. */
    initialCash: z.number().finite().positive('initial cash must be positive').max(1e12),
    /** Settings that differ from the defaults. */
    config: configPatchSchema.default({}),
    commissionRate: z.number().finite().min(0).max(0.1).default(0.0001),
    fill: z.enum(['close', 'next_open']).default('close'),
    slippageBps: z.number().finite().min(0).max(1000).default(0),
    volumeCap: z.number().finite().gt(0).max(1).nullable().default(null),
    // ── desk: where the bars come from and their interval (issue 15, ADR 0064) ──
    source: historySourceIdSchema.default('bundled'),
    interval: barIntervalSchema.default('1d'),
    // ── accounting: SPEC 8's optional day-trade limit on the run (issue 16, ADR 0140); absent: off ──
    dayTradeLimit: z
      .object({
        maxDayTrades: limitSchema(LIMITS.maxDayTrades),
        minEquityCents: z
          .number({ error: limitMessage(LIMITS.dayTradeMinEquity) })
          .int({ error: limitMessage(LIMITS.dayTradeMinEquity) })
          .refine((c) => checkLimit(c / 100, LIMITS.dayTradeMinEquity) === null, {
            message: limitMessage(LIMITS.dayTradeMinEquity),
          }),
        mode: z.enum(['warn', 'block']),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => s.from <= s.to, { message: 'from must not be after to', path: ['to'] });
export type SimulationSetupDto = z.input<typeof simulationSetupSchema>;

/** Values to try for each swept parameter; the run is the cross product (at most 400 runs). */
export const sweepGridSchema = z
  .object({
    thresholds: z.array(z.number().finite().gt(0).lt(1)).min(1).max(20),
    rebalanceRatios: z.array(z.number().finite().gt(0).max(100)).min(1).max(20),
    bands: z
      .array(
        z.object({ minStockPct: z.number().min(0).max(1), maxStockPct: z.number().min(0).max(1) }).strict(),
      )
      .min(1)
      .max(10)
      .optional(),
  })
  .strict()
  .refine((g) => g.thresholds.length * g.rebalanceRatios.length * (g.bands?.length ?? 1) <= 400, {
    message: 'a sweep is limited to 400 runs',
  });
export type SweepGridDto = z.input<typeof sweepGridSchema>;

/** Walk-forward validation (ADR 0012): rolling in-sample sweeps of `sweep` choose each out-of-sample window's settings. */
export const walkForwardRequestSchema = z
  .object({
    inSampleMonths: z
      .number({ error: 'In-sample months must be a whole number between 1 and 600' })
      .int('In-sample months must be a whole number between 1 and 600')
      .min(1, 'In-sample months must be a whole number between 1 and 600')
      .max(600, 'In-sample months must be a whole number between 1 and 600'),
    outOfSampleMonths: z
      .number({ error: 'Out-of-sample months must be a whole number between 1 and 600' })
      .int('Out-of-sample months must be a whole number between 1 and 600')
      .min(1, 'Out-of-sample months must be a whole number between 1 and 600')
      .max(600, 'Out-of-sample months must be a whole number between 1 and 600'),
    metric: z.enum(['sharpe', 'cagr', 'totalReturn', 'calmar', 'sortino']).default('sharpe'),
  })
  .strict();
export type WalkForwardRequestDto = z.input<typeof walkForwardRequestSchema>;

export const startSimulationRequest = z
  .object({
    setup: simulationSetupSchema,
    sweep: sweepGridSchema.optional(),
    walkForward: walkForwardRequestSchema.optional(),
  })
  .strict()
  .refine((r) => r.walkForward === undefined || r.sweep !== undefined, {
    message: 'A walk-forward needs the values to try (thresholds and ratios)',
    path: ['sweep'],
  });

export const runStatusSchema = z.enum(['running', 'done', 'failed', 'cancelled']);

export const runInfoSchema = z.object({
  id: idSchema,
  kind: z.enum(['single', 'sweep', 'walk_forward']),
  status: runStatusSchema,
  createdAt: epochMsSchema,
  finishedAt: epochMsSchema.nullable(),
  symbols: z.array(z.string()),
  from: isoDateSchema,
  to: isoDateSchema,
  progress: z.object({ done: z.number().min(0), total: z.number().min(0) }),
  error: z.string().nullable(),
  /** Strategy and buy-and-hold total return of a finished single run. */
  totalReturn: z.number().nullable(),
  buyHoldReturn: z.number().nullable(),
});
export type RunInfoDto = z.infer<typeof runInfoSchema>;

const n = z.number().nullable();
export const metricsSchema = z.object({
  totalReturn: n,
  cagr: n,
  annualVolatility: n,
  sharpe: n,
  sortino: n,
  maxDrawdown: n,
  maxDrawdownDurationBars: n,
  calmar: n,
  var95: n,
  cvar95: n,
  bars: z.number().int().min(0),
  turnover: n,
  tradeCount: n,
  commissionsCents: n,
  dividendsCents: n,
});
export type MetricsDto = z.infer<typeof metricsSchema>;

export const simTradeSchema = z.object({
  seq: z.number().int(),
  symbol: z.string(),
  decidedAt: z.string(),
  filledAt: z.string().nullable(),
  side: z.enum(['BUY', 'SELL']),
  status: z.enum(['FILLED', 'REJECTED', 'CANCELLED']),
  qty: z.number(),
  price: z.number().nullable(),
  notionalCents: z.number().int(),
  commissionCents: z.number().int(),
  cashAfterCents: z.number().int(),
  anchorAfter: z.number().nullable(),
  reasons: z.array(reasonCodeSchema),
});
export type SimTradeDto = z.infer<typeof simTradeSchema>;

/** SPEC 8's trade-tracker statistics (live on the Performance page, and of a simulation run). */
export const roundTripStatsSchema = z.object({
  count: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  winRate: n,
  averageWinCents: n,
  averageLossCents: n,
  profitFactor: n,
  expectancyCents: n,
  averageHoldingDays: n,
  totalPnlCents: z.number().int(),
});
export type RoundTripStatsDto = z.infer<typeof roundTripStatsSchema>;

/** A round trip of a simulation run: one closed lot part (SPEC 8, FIFO), as the run's reports list it. */
export const simRoundTripSchema = z.object({
  symbol: z.string(),
  lotId: z.string(),
  saleId: z.string(),
  entryDate: isoDateSchema,
  exitDate: isoDateSchema,
  qty: z.number(),
  entryPrice: z.number(),
  exitPrice: z.number(),
  costCents: z.number().int(),
  pnlCents: z.number().int(),
  return: n,
  holdingDays: z.number().int(),
  longTerm: z.boolean(),
});
export type SimRoundTripDto = z.infer<typeof simRoundTripSchema>;

/** What the results view draws: equity beside buy-and-hold, drawdowns, trades and metrics. */
export const simulationResultSchema = z.object({
  runId: idSchema,
  firstSession: isoDateSchema,
  lastSession: isoDateSchema,
  equity: z.object({
    dates: z.array(isoDateSchema),
    equityCents: z.array(z.number()),
    buyHoldEquityCents: z.array(z.number()),
    drawdown: z.array(z.number()),
    buyHoldDrawdown: z.array(z.number()),
  }),
  metrics: z.object({ strategy: metricsSchema, buyAndHold: metricsSchema }),
  trades: z.array(simTradeSchema),
  /** True when more trades exist than the view carries (the export has them all). */
  tradesTruncated: z.boolean(),
  positions: z.array(
    z.object({
      symbol: z.string(),
      finalEquityCents: z.number().int(),
      trades: z.number().int(),
      commissionsCents: z.number().int(),
      dividendsNetCents: z.number().int(),
    }),
  ),
  /** SPEC 8 on the run (issue 16): its round trips (newest first, at most the view's share) and statistics. */
  roundTrips: z
    .object({
      stats: roundTripStatsSchema,
      trips: z.array(simRoundTripSchema),
      truncated: z.boolean(),
      washSales: z.object({ count: z.number().int(), disallowedCents: z.number().int() }),
    })
    .optional(),
});
export type SimulationResultDto = z.infer<typeof simulationResultSchema>;

/** A sweep's table: one cell per parameter set with its headline metrics. */
export const sweepResultSchema = z.object({
  runId: idSchema,
  /** The same period held, the heatmap's centre (issue 15): null when the sweep was cancelled. */
  buyAndHold: z
    .object({
      totalReturn: z.number().nullable(),
      cagr: z.number().nullable(),
      sharpe: z.number().nullable(),
      maxDrawdown: z.number().nullable(),
    })
    .nullable()
    .optional(),
  cells: z.array(
    z.object({
      threshold: z.number(),
      rebalanceRatio: z.number(),
      minStockPct: z.number(),
      maxStockPct: z.number(),
      totalReturn: z.number().nullable(),
      cagr: z.number().nullable(),
      sharpe: z.number().nullable(),
      maxDrawdown: z.number().nullable(),
      trades: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
});
export type SweepResultDto = z.infer<typeof sweepResultSchema>;

/** A walk-forward's windows: the settings each in-sample sweep chose and how they did out of sample. */
export const walkForwardViewSchema = z.object({
  metric: z.string(),
  inSampleMonths: z.number().int(),
  outOfSampleMonths: z.number().int(),
  windows: z.array(
    z.object({
      inSampleFrom: isoDateSchema,
      inSampleTo: isoDateSchema,
      outOfSampleFrom: isoDateSchema,
      outOfSampleTo: isoDateSchema,
      /** null: no combination had a value in sample; the window kept the set-up's settings. */
      threshold: z.number().nullable(),
      rebalanceRatio: z.number().nullable(),
      inSampleScore: z.number().nullable(),
      outOfSampleReturn: z.number().nullable(),
      trades: z.number().int(),
    }),
  ),
});
export type WalkForwardViewDto = z.infer<typeof walkForwardViewSchema>;

export const getRunResponse = z.object({
  run: runInfoSchema,
  result: simulationResultSchema.nullable(),
  sweep: sweepResultSchema.nullable(),
  /** A walk-forward's windows (its stitched out-of-sample equity is in `result`). */
  walkForward: walkForwardViewSchema.nullable().optional(),
});
export type RunDetailDto = z.infer<typeof getRunResponse>;

/** Symbols the simulation can replay from the bundled history. */
export const datasetSchema = z.object({ symbols: z.array(z.string()) });
export type DatasetDto = z.infer<typeof datasetSchema>;

export const simulationProgressedSchema = z.object({
  runId: idSchema,
  done: z.number().min(0),
  total: z.number().min(0),
});
export type SimulationProgressedDto = z.infer<typeof simulationProgressedSchema>;

export const simulationFinishedSchema = z.object({
  runId: idSchema,
  status: runStatusSchema,
  error: z.string().nullable(),
});
export type SimulationFinishedDto = z.infer<typeof simulationFinishedSchema>;

// ── desk: CSV imports and the sources the set-up form offers (issue 15, ADR 0064) ──
/** A CSV of bars (and optionally one of dividends) for one symbol, read by the page from a file the user picked. */
export const importCsvRequest = z
  .object({
    symbol: symbolSchema,
    fileName: z.string().max(260).optional(),
    /** The bars file's text: date (or time), open, high, low, close[, volume]. */
    bars: z.string().min(1, 'The bars file is empty').max(50_000_000, 'The bars file is larger than 50 MB'),
    /** The dividends file's text: ex_date, amount[, pay_date]. */
    dividends: z.string().max(5_000_000, 'The dividends file is larger than 5 MB').optional(),
  })
  .strict();

export const csvImportedSchema = z.object({
  symbol: z.string(),
  rows: z.number().int(),
  first: z.string(),
  last: z.string(),
  interval: barIntervalSchema,
  dividends: z.number().int().nullable(),
  message: z.string(),
});
export type CsvImportedDto = z.infer<typeof csvImportedSchema>;

export const historySourcesSchema = z.array(
  z.object({
    id: historySourceIdSchema,
    label: z.string(),
    intervals: z.array(barIntervalSchema),
    /** Symbols it can answer for now; the provider's are the cached ones (any other is downloaded). */
    symbols: z.array(z.string()),
    /** Any symbol may be asked for (the provider downloads and caches it). */
    anySymbol: z.boolean(),
  }),
);
export type HistorySourceDto = z.infer<typeof historySourcesSchema>[number];
