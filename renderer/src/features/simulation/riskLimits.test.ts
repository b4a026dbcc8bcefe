import { describe, expect, it } from 'vitest';
import type { StrategyFieldDto } from '../../../../shared/ipc/dto/tradingSettings';
import type { FieldErrors } from '../../lib/formParsing';
import { countSet, readRiskLimits, riskIssuePaths, simRiskFields, SIM_RISK_KEYS } from './riskLimits';

/** Risk fields as settings.getStrategyFields serves them (labels and units of shared/domain/risk/RiskConfig). */
const field = (key: string, label: string, unit: StrategyFieldDto['unit']): StrategyFieldDto => ({
  section: 'risk',
  sectionLabel: 'Risk limits',
  key,
  label,
  kind: 'number',
  unit,
  rule: `${label} must be above 0 % and at most 100 % (or off)`,
  nullAs: 'off',
  choices: [],
  help: null,
  defaultValue: null,
});
const FIELDS: StrategyFieldDto[] = [
  field('alertVarPct', 'VaR alert', 'percent'),
  field('trailingStopPct', 'Trailing stop', 'percent'),
  field('positionStopPct', 'Position stop', 'percent'),
  field('maxOrdersPerMinute', 'Orders per minute (all)', 'count'),
  field('maxPositionValue', 'Largest position (value)', 'money'),
  { ...field('downThreshold', 'Down threshold', 'percent'), section: 'trigger' },
];

describe('the simulation set-up’s risk limits (ADR 0155)', () => {
  const fields = simRiskFields(FIELDS);

  it('takes the risk section’s limits in the set-up’s order, without the alerts or other sections', () => {
    expect(fields.map((f) => f.key)).toEqual([
      'positionStopPct',
      'trailingStopPct',
      'maxOrdersPerMinute',
      'maxPositionValue',
    ]);
    expect(SIM_RISK_KEYS).not.toContain('alertVarPct');
    expect(SIM_RISK_KEYS).not.toContain('alertDrawdownPct');
  });

  it('sends no risk section while every field is empty or off (the run without limits)', () => {
    const errors: FieldErrors = {};
    expect(readRiskLimits(fields, {}, errors)).toBeUndefined();
    expect(
      readRiskLimits(fields, { 'risk.trailingStopPct': ' ', 'risk.positionStopPct': 'off' }, errors),
    ).toBeUndefined();
    expect(errors).toEqual({});
    expect(countSet(fields, { 'risk.trailingStopPct': ' ', 'risk.positionStopPct': 'Off' })).toBe(0);
  });

  it('reads each limit in the user’s units: percent as a fraction, dollars and counts as typed', () => {
    const errors: FieldErrors = {};
    const texts = {
      'risk.trailingStopPct': '7.5',
      'risk.positionStopPct': '10 %',
      'risk.maxOrdersPerMinute': '3',
      'risk.maxPositionValue': '2500.50',
    };
    expect(readRiskLimits(fields, texts, errors)).toEqual({
      trailingStopPct: 0.075,
      positionStopPct: 0.1,
      maxOrdersPerMinute: 3,
      maxPositionValue: 2500.5,
    });
    expect(errors).toEqual({});
    expect(countSet(fields, texts)).toBe(4);
  });

  it('gives one message per field that is not a number, naming the field', () => {
    const errors: FieldErrors = {};
    const risk = readRiskLimits(
      fields,
      { 'risk.trailingStopPct': 'ten', 'risk.maxOrdersPerMinute': 'x', 'risk.positionStopPct': '5' },
      errors,
    );
    expect(Object.keys(errors).sort()).toEqual(['risk.maxOrdersPerMinute', 'risk.trailingStopPct']);
    expect(errors['risk.trailingStopPct']).toMatch(/^Trailing stop must be a number/);
    expect(errors['risk.maxOrdersPerMinute']).toMatch(/^Orders per minute \(all\) must be a number/);
    expect(risk).toEqual({ positionStopPct: 0.05 });
  });

  it('puts the backend’s range messages beside their fields', () => {
    expect(riskIssuePaths(fields)).toEqual({
      'setup.config.risk.positionStopPct': 'risk.positionStopPct',
      'setup.config.risk.trailingStopPct': 'risk.trailingStopPct',
      'setup.config.risk.maxOrdersPerMinute': 'risk.maxOrdersPerMinute',
      'setup.config.risk.maxPositionValue': 'risk.maxPositionValue',
    });
  });
});
