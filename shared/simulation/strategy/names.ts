/**
 * The names the strategy lab's settings choose from, with no imports (the CLI declares its flags with
 * them before anything loads, ADR 0066), and each strategy's and sizer's parameters with their defaults.
 */
export const STRATEGY_IDS = [
  'vb',
  'buy_and_hold',
  'sma_cross',
  'macd',
  'momentum',
  'bollinger',
  'rsi',
] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

/** Each strategy's parameters in order (the CLI's `macd:12,26,9`), with SPEC 10's defaults. */
export const STRATEGY_PARAMS: Record<
  StrategyId,
  readonly { name: string; default: number; integer: boolean }[]
> = {
  vb: [],
  buy_and_hold: [],
  sma_cross: [
    { name: 'fast', default: 50, integer: true },
    { name: 'slow', default: 200, integer: true },
  ],
  macd: [
    { name: 'fast', default: 12, integer: true },
    { name: 'slow', default: 26, integer: true },
    { name: 'signal', default: 9, integer: true },
  ],
  momentum: [{ name: 'lookback', default: 126, integer: true }],
  bollinger: [
    { name: 'period', default: 20, integer: true },
    { name: 'width', default: 2, integer: false },
  ],
  rsi: [
    { name: 'period', default: 14, integer: true },
    { name: 'buyBelow', default: 30, integer: false },
    { name: 'sellAbove', default: 70, integer: false },
  ],
};

export const STRATEGY_LABELS: Record<StrategyId, string> = {
  vb: 'Volatility balancing',
  buy_and_hold: 'Buy and hold',
  sma_cross: 'SMA crossover',
  macd: 'MACD',
  momentum: 'Momentum',
  bollinger: 'Bollinger mean reversion',
  rsi: 'RSI',
};

export const SIZER_IDS = ['fixed', 'percent', 'risk', 'kelly', 'volatility'] as const;
export type SizerId = (typeof SIZER_IDS)[number];

export const SIZER_PARAMS: Record<SizerId, readonly { name: string; default: number; integer: boolean }[]> = {
  fixed: [{ name: 'qty', default: 100, integer: false }],
  percent: [{ name: 'pct', default: 0.95, integer: false }],
  /** equity·risk / stop distance; the distance is the signal's stop, or price × stopPct without one. */
  risk: [
    { name: 'risk', default: 0.01, integer: false },
    { name: 'stopPct', default: 0.05, integer: false },
  ],
  kelly: [
    { name: 'fraction', default: 0.5, integer: false },
    { name: 'fallbackPct', default: 0.5, integer: false },
  ],
  volatility: [
    { name: 'risk', default: 0.01, integer: false },
    { name: 'multiplier', default: 2, integer: false },
  ],
};

export const LAB_FILL_NAMES = ['close', 'next_open', 'vwap'] as const;
