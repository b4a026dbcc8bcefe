export type { MarketSnapshot, Signal, SignalStrategy, Strategy, StrategyChoice, SymbolBar } from './Strategy';
export { perSymbol } from './Strategy';
export { crossing, strategyChoice, strategyFor, strategyLabel, strategyProblem } from './BuiltInStrategies';
export type { SizerChoice } from './Sizers';
export { sizerChoice, sizerProblem } from './Sizers';
export type { RoundTrip, RoundTripStats } from '../../domain/accounting/RoundTrips';
export { roundTripStats } from '../../domain/accounting/RoundTrips';
export type { OrderEvent } from './SignalPosition';
export type { LabOptions, LabOutcome, LabResult } from './runStrategy';
export { matchingFor, replayStrategy, runStrategy } from './runStrategy';
export type {
  CompareEntry,
  CompareMetricKey,
  CompareOutcome,
  CompareResult,
  CompareRow,
  TradeMarker,
} from './compare';
export {
  assembleCompare,
  bestRows,
  buyAndHoldOf,
  COMPARE_METRICS,
  compareRow,
  compareStrategies,
  sizerLabel,
} from './compare';
export * from './names';
