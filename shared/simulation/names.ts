/**
 * The names a run's settings choose from, in a module of their own with no imports: the command line
 * declares its flags with them before anything else loads (ADR 0066), so `vb --help` starts without the
 * engine or its schemas.
 */

/** How an order fills: at the bar's close, or at the next bar's open (SPEC 5). */
export const FILL_MODELS = ['close', 'next_open'] as const;
export type FillModel = (typeof FILL_MODELS)[number];

/** The metrics a sweep or walk-forward can rank by; all are "higher is better" (drawdown is negative). */
export const RANK_METRICS = ['sharpe', 'sortino', 'cagr', 'totalReturn', 'calmar', 'maxDrawdown'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** The parameters a sweep's heatmap can put on an axis. */
export const SWEEP_AXES = ['up', 'down', 'ratio', 'band'] as const;
export type SweepAxis = (typeof SWEEP_AXES)[number];
