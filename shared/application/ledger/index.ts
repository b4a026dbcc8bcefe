/** The ledger use cases (issue 3): each validates its input and runs as ONE transaction with its events. */
export { createTenant, CreateTenantInput } from './createTenant';
export { createPortfolio, CreatePortfolioInput } from './createPortfolio';
export { createPosition, CreatePositionInput } from './createPosition';
export { depositCash, withdrawCash, CashMovementInput } from './cashMovements';
export { setAnchor, SetAnchorInput } from './setAnchor';
export { pausePosition, resumePosition, closePosition, PositionStatusInput } from './positionStatus';
export { deletePosition, DeletePositionInput } from './deletePosition';
export {
  changePortfolioConfig,
  changePositionConfigOverride,
  setCommissionRate,
  ChangePortfolioConfigInput,
  ChangePositionConfigInput,
  SetCommissionRateInput,
} from './configChanges';
export { resolveEffectiveConfig, resolveCommissionFor, PositionRefInput } from './resolve';
export {
  commitPositionChange,
  positionEvent,
  positionUpdatedPayload,
  ledgerOf,
  type EventContext,
} from './positionChange';
export { inTransaction } from './transaction';
export { ok, fail, type Result, type Failure, type ErrorCode } from './Result';
export type { LedgerDeps } from './LedgerDeps';
