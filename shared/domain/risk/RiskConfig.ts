import { z } from 'zod';
import type { NumberLimit } from '../InputLimits';
import { limitSchema, MAX_MONEY_DOLLARS, MAX_SHARES } from '../InputLimits';

/**
 * The risk manager's and the order validator's settings (SPEC 9), a section of the strategy config so
 * they live in the config store like every other setting: portfolio default, per-position override,
 * each change a `ConfigChanged`, the same in a simulation's set-up and config file. Every limit is off
 * (null) until the user sets it. Fractions as everywhere (0.1 = 10 %); money in dollars as the other
 * dollar settings (minNotional, maxDailyNotional).
 *
 * Which level a setting is read at: the position stop and trailing stop from the position's effective
 * config (an override wins); the rest from the portfolio's config (they are about the portfolio or the
 * tenant as a whole), see docs/adr/0112.
 */

const pct = (label: string, range: string): NumberLimit => ({
  label,
  unit: 'percent',
  min: 0,
  max: 1,
  minExclusive: true,
  range,
});

export const RISK_LIMITS = {
  positionStopPct: pct('Position stop', 'above 0 % and at most 100 % (or off)'),
  trailingStopPct: pct('Trailing stop', 'above 0 % and at most 100 % (or off)'),
  dailyLossLimitPct: pct('Daily loss stop', 'above 0 % and at most 100 % (or off)'),
  maxDrawdownPct: pct('Drawdown circuit breaker', 'above 0 % and at most 100 % (or off)'),
  maxOrdersPerMinute: {
    label: 'Orders per minute (all)',
    unit: 'count',
    min: 1,
    max: 10_000,
    integer: true,
    range: 'a whole number between 1 and 10,000 (or off)',
  },
  maxOrdersPerMinutePerSymbol: {
    label: 'Orders per minute per symbol',
    unit: 'count',
    min: 1,
    max: 10_000,
    integer: true,
    range: 'a whole number between 1 and 10,000 (or off)',
  },
  maxPositionQty: {
    label: 'Largest position (shares)',
    unit: 'shares',
    min: 0,
    max: MAX_SHARES,
    decimals: 6,
    range: 'between 0 and 1,000,000,000 shares (or off)',
  },
  maxPositionValue: {
    label: 'Largest position (value)',
    unit: 'money',
    min: 0,
    max: MAX_MONEY_DOLLARS,
    decimals: 2,
    range: 'between $0 and $1,000,000,000 (or off)',
  },
  maxTotalExposurePct: {
    label: 'Largest stock exposure',
    unit: 'percent',
    min: 0,
    max: 1,
    range: 'between 0 % and 100 % of equity (or off)',
  },
  alertDrawdownPct: pct('Drawdown alert', 'above 0 % and at most 100 % (or off)'),
  alertVarPct: pct('VaR alert', 'above 0 % and at most 100 % of equity (or off)'),
} as const satisfies Record<string, NumberLimit>;

const off = (limit: NumberLimit) => limitSchema(limit).nullable();

export const RiskConfigSchema = z
  .object({
    positionStopPct: off(RISK_LIMITS.positionStopPct),
    trailingStopPct: off(RISK_LIMITS.trailingStopPct),
    dailyLossLimitPct: off(RISK_LIMITS.dailyLossLimitPct),
    maxDrawdownPct: off(RISK_LIMITS.maxDrawdownPct),
    maxOrdersPerMinute: off(RISK_LIMITS.maxOrdersPerMinute),
    maxOrdersPerMinutePerSymbol: off(RISK_LIMITS.maxOrdersPerMinutePerSymbol),
    maxPositionQty: off(RISK_LIMITS.maxPositionQty),
    maxPositionValue: off(RISK_LIMITS.maxPositionValue),
    maxTotalExposurePct: off(RISK_LIMITS.maxTotalExposurePct),
    alertDrawdownPct: off(RISK_LIMITS.alertDrawdownPct),
    alertVarPct: off(RISK_LIMITS.alertVarPct),
  })
  .strict();
export type RiskConfig = z.infer<typeof RiskConfigSchema>;

/** Everything off: what a config without a risk section means. */
export const RISK_OFF: RiskConfig = Object.freeze({
  positionStopPct: null,
  trailingStopPct: null,
  dailyLossLimitPct: null,
  maxDrawdownPct: null,
  maxOrdersPerMinute: null,
  maxOrdersPerMinutePerSymbol: null,
  maxPositionQty: null,
  maxPositionValue: null,
  maxTotalExposurePct: null,
  alertDrawdownPct: null,
  alertVarPct: null,
});

/** The risk settings of a config (all off when it has no risk section). */
export function riskOf(config: { risk?: Partial<RiskConfig> | undefined }): RiskConfig {
  return config.risk === undefined ? RISK_OFF : { ...RISK_OFF, ...config.risk };
}

/** True when no validator limit is set: the validator then has nothing to check but capital. */
export function validatorIsOff(r: RiskConfig): boolean {
  return (
    r.maxOrdersPerMinute === null &&
    r.maxOrdersPerMinutePerSymbol === null &&
    r.maxPositionQty === null &&
    r.maxPositionValue === null &&
    r.maxTotalExposurePct === null
  );
}
