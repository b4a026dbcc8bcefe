export type {
  FillNote,
  MonthlyReturnRow,
  PositionOutcome,
  PositionTimeline,
  SimEvent,
  SimEventType,
  SimTrade,
  SimTradeStatus,
  SimulationInputsEcho,
  SimulationResult,
  EquitySeries,
  TimelineAction,
} from './SimulationResult';
export { SIM_EVENT_TYPES, TIMELINE_ACTIONS } from './SimulationResult';
export type {
  ExecutionModel,
  FillModel,
  PositionSpec,
  SimulationSpec,
  SpecCheck,
  SymbolHistory,
  UnpaidDividend,
} from './SimulationSpec';
export {
  checkSimulationSpec,
  DEFAULT_EXECUTION,
  FILL_MODELS,
  positionSpec,
  SimulationSpecSchema,
} from './SimulationSpec';
export type {
  RunOptions,
  RunSummary,
  SimulationFailure,
  SimulationFailureCode,
  SimulationOutcome,
  SummaryOutcome,
} from './runSimulation';
export { runSimulation, runSimulationSummary } from './runSimulation';
export type { StepContext, StepResult } from './SimulatedPosition';
export { slippedPrice, stepPosition } from './SimulatedPosition';
export type { HistoryOutcome } from './loadHistory';
export { loadHistory } from './loadHistory';
export type { PreparedSimulation, Prepared } from './runSimulation';
export { prepareSimulation, replayPrepared, summarizePrepared } from './runSimulation';
export type {
  GridCheck,
  RankMetric,
  SweepAxis,
  SweepGrid,
  SweepHeatmap,
  SweepOutcome,
  SweepParams,
  SweepResult,
  SweepRow,
} from './sweep';
export {
  applyParams,
  buyAndHoldMetrics,
  bestRow,
  expandGrid,
  finishSweep,
  MAX_SWEEP_COMBINATIONS,
  RANK_METRICS,
  rankValue,
  runSweep,
  runSweepChunk,
  SWEEP_AXES,
  sweepHeatmap,
} from './sweep';
export type {
  SweepRunner,
  WalkForwardOutcome,
  WalkForwardPlan,
  WalkForwardResult,
  WalkForwardWindow,
} from './walkForward';
export { addMonths, inProcessSweepRunner, walkForward, walkForwardWindows } from './walkForward';
export type { RunAccounting } from './accountingOfRun';
export { accountingOfRun, factsOfRun } from './accountingOfRun';
export type { SimRiskEvent, SimRiskEventKind } from './riskEvents';
export { riskEventsOf } from './riskEvents';
