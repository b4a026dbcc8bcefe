/**
 * How the JSON documents (simulation report, sweep, walk-forward) label their units (ADR 0067): every
 * number is a machine value, and its unit is named either by its key's suffix or by this table of keys.
 * A key means the same unit wherever it appears. A test walks real documents and fails on any number
 * whose key is in neither, so a new field cannot ship unlabelled.
 */
export const UNIT_SUFFIXES = {
  Cents: 'USD cents (integer)',
  Bps: 'basis points',
  Ms: 'milliseconds',
  Bars: 'bars',
  Months: 'months',
} as const;

export const UNIT_OF_KEY: Readonly<Record<string, string>> = {
  // Prices per share, as the source gives them (SPEC 2.8).
  price: 'USD per share',
  close: 'USD per share',
  anchor: 'USD per share',
  anchorBefore: 'USD per share',
  anchorAfter: 'USD per share',
  decisionPrice: 'USD per share',
  initialAnchor: 'USD per share',
  amount: 'USD per share',
  // Amounts in dollars that are settings, not booked money.
  minNotional: 'USD',
  maxDailyNotional: 'USD',
  // Shares.
  qty: 'shares',
  qtyAfter: 'shares',
  requestedQty: 'shares',
  cancelledQty: 'shares',
  initialQty: 'shares',
  qtyEligible: 'shares',
  minQty: 'shares',
  qtyStep: 'shares',
  lotSize: 'shares',
  // Fractions: 0.05 is 5 %.
  totalReturn: 'fraction',
  cagr: 'fraction',
  annualVolatility: 'fraction',
  maxDrawdown: 'fraction',
  var95: 'fraction',
  cvar95: 'fraction',
  drawdown: 'fraction',
  buyHoldDrawdown: 'fraction',
  months: 'fraction',
  yearReturn: 'fraction',
  upThreshold: 'fraction',
  downThreshold: 'fraction',
  upThresholds: 'fraction',
  downThresholds: 'fraction',
  up: 'fraction',
  down: 'fraction',
  targetStockPct: 'fraction',
  minStockPct: 'fraction',
  maxStockPct: 'fraction',
  bands: 'fraction',
  maxTradePctOfPosition: 'fraction',
  initialStockPct: 'fraction',
  dividendWithholdingPct: 'fraction',
  withholdingPct: 'fraction',
  rate: 'fraction',
  volumeCap: 'fraction',
  riskFreePerPeriod: 'fraction per bar',
  progress: 'fraction',
  // Plain ratios.
  sharpe: 'ratio',
  sortino: 'ratio',
  calmar: 'ratio',
  rebalanceRatio: 'ratio',
  rebalanceRatios: 'ratio',
  ratio: 'ratio',
  turnover: 'times the average equity',
  inSampleScore: 'the ranking metric’s unit',
  cells: 'the ranking metric’s unit',
  // Counts and positions in lists.
  bars: 'count',
  sessions: 'count',
  tradeCount: 'count',
  trades: 'count',
  buys: 'count',
  sells: 'count',
  rejected: 'count',
  cancelled: 'count',
  maxOrdersPerDay: 'count',
  total: 'count',
  seq: 'sequence number',
  tradeSeq: 'sequence number',
  index: 'sequence number',
  version: 'format version',
  year: 'calendar year',
  action: 'index into actions',
  reasons: 'index into reasonSets',
  // Risk settings (SPEC 9, ADR 0112) and the risk counts of a summary.
  positionStopPct: 'fraction',
  trailingStopPct: 'fraction',
  dailyLossLimitPct: 'fraction',
  maxDrawdownPct: 'fraction',
  maxTotalExposurePct: 'fraction',
  alertDrawdownPct: 'fraction',
  alertVarPct: 'fraction',
  maxOrdersPerMinute: 'count',
  maxOrdersPerMinutePerSymbol: 'count',
  maxPositionQty: 'shares',
  maxPositionValue: 'USD',
  riskExits: 'count',
  riskRejections: 'count',
  // SPEC 8 on a run (issue 16): lots, round trips and their statistics, wash sales.
  entryPrice: 'USD per share',
  exitPrice: 'USD per share',
  return: 'fraction',
  holdingDays: 'calendar days',
  averageHoldingDays: 'calendar days',
  count: 'count',
  wins: 'count',
  losses: 'count',
  winRate: 'fraction',
  profitFactor: 'ratio',
  saleSeq: 'sequence number',
};

/** The `units` block every JSON document carries. */
export function unitsBlock(): { suffixes: typeof UNIT_SUFFIXES; keys: Readonly<Record<string, string>> } {
  return { suffixes: UNIT_SUFFIXES, keys: UNIT_OF_KEY };
}

/** The unit of a key: its suffix's, else the table's; null when it has none (a test fails on that). */
export function unitOfKey(key: string): string | null {
  for (const [suffix, unit] of Object.entries(UNIT_SUFFIXES)) if (key.endsWith(suffix)) return unit;
  return UNIT_OF_KEY[key] ?? null;
}
