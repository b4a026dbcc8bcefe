import type { StrategyFieldDto } from '../../../../shared/ipc/dto/tradingSettings';
import type { FieldErrors } from '../../lib/formParsing';
import { fieldId, fromText } from '../settings/strategyFieldText';

/**
 * The risk manager's and the order validator's limits in the simulation's set-up (SPEC 9, issue 17,
 * ADR 0155): the risk section of the domain's field list (labels, units, ranges and messages from
 * shared/domain/StrategyFields and risk/RiskConfig, served over IPC) without the alerts, which a
 * simulation does not raise. Every limit is off until typed; an empty field (or "off") stays off, and a
 * set-up with none typed sends no risk section, so the run is the one without limits, trade for trade.
 */
export const SIM_RISK_KEYS = [
  'positionStopPct',
  'trailingStopPct',
  'dailyLossLimitPct',
  'maxDrawdownPct',
  'maxOrdersPerMinute',
  'maxOrdersPerMinutePerSymbol',
  'maxPositionQty',
  'maxPositionValue',
  'maxTotalExposurePct',
] as const;

/** The set-up's risk fields, in the order above. */
export function simRiskFields(fields: readonly StrategyFieldDto[]): StrategyFieldDto[] {
  return SIM_RISK_KEYS.map((key) => fields.find((f) => f.section === 'risk' && f.key === key)).filter(
    (f): f is StrategyFieldDto => f !== undefined,
  );
}

/**
 * The limits typed, as the config's risk section in its own units (fractions for percents, dollars,
 * shares, counts), or undefined when none is set. A field that is not a number gets its one message in
 * `errors` (by field id); the ranges are the backend's (shared/domain/risk/RiskConfig), whose messages
 * come back by field through `riskIssuePaths`.
 */
export function readRiskLimits(
  fields: readonly StrategyFieldDto[],
  texts: Readonly<Record<string, string>>,
  errors: FieldErrors,
): Record<string, number> | undefined {
  const risk: Record<string, number> = {};
  for (const f of fields) {
    const value = fromText(f, texts[fieldId(f)] ?? '', errors);
    if (typeof value === 'number') risk[f.key] = value;
  }
  return Object.keys(risk).length > 0 ? risk : undefined;
}

/** The backend's issue paths of the risk section → the form's field ids (`issuesToErrors`' map). */
export function riskIssuePaths(fields: readonly StrategyFieldDto[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [`setup.config.risk.${f.key}`, fieldId(f)]));
}

/** How many limits are typed (the closed section's summary says so). */
export function countSet(
  fields: readonly StrategyFieldDto[],
  texts: Readonly<Record<string, string>>,
): number {
  return fields.filter((f) => {
    const t = (texts[fieldId(f)] ?? '').trim().toLowerCase();
    return t !== '' && t !== (f.nullAs ?? 'off') && t !== 'none';
  }).length;
}
