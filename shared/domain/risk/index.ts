export type { OrderToValidate, ValidationContext, ValidatorCode, Violation } from './OrderValidator';
export { checkOrder, explainViolation, validateOrder, VALIDATOR_CODES } from './OrderValidator';
export type { RiskConfig } from './RiskConfig';
export { RISK_OFF, RiskConfigSchema, riskOf, validatorIsOff } from './RiskConfig';
export type { AlertTransition, PortfolioRiskDecision, RiskExitReason, StopDecision } from './RiskRules';
export { alertTransition, checkPortfolio, checkStops, distanceToLimit } from './RiskRules';
