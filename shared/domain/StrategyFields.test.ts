import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY_CONFIG, StrategyConfigSchema, type ConfigSection } from './Config';
import { LIMITS } from './InputLimits';
import { RISK_LIMITS, RISK_OFF } from './risk/RiskConfig';
import { STRATEGY_FIELDS } from './StrategyFields';

describe('the strategy settings as a form', () => {
  it('lists every field of every section exactly once, in the order of the config', () => {
    const listed = STRATEGY_FIELDS.map((f) => `${f.section}.${f.key}`);
    const full = { ...DEFAULT_STRATEGY_CONFIG, risk: RISK_OFF };
    const config = (Object.keys(full) as ConfigSection[]).flatMap((s) =>
      Object.keys(full[s] as object).map((k) => `${s}.${k}`),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...config].sort());
    expect(listed).toHaveLength(32);
  });

  it('reads each number against its limit, and allows null exactly where the config does', () => {
    const full = { ...DEFAULT_STRATEGY_CONFIG, risk: RISK_OFF };
    const limits: Record<string, unknown> = { ...LIMITS, ...RISK_LIMITS };
    for (const f of STRATEGY_FIELDS) {
      const value = (full[f.section] as Record<string, unknown>)[f.key];
      if (f.kind !== 'number') continue;
      expect(limits[f.limit], f.key).toBeDefined();
      const withNull = { ...full, [f.section]: { ...full[f.section], [f.key]: null } };
      const nullable = StrategyConfigSchema.safeParse(withNull).success;
      expect(nullable, f.key).toBe(f.nullAs !== undefined);
      expect(value === null || typeof value === 'number', f.key).toBe(true);
    }
  });
});
