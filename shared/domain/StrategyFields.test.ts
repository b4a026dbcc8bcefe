import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY_CONFIG, StrategyConfigSchema } from './Config';
import { LIMITS } from './InputLimits';
import { STRATEGY_FIELDS, type FormSection } from './StrategyFields';

describe('the strategy settings as a form', () => {
  it('lists every field of every section exactly once, in the order of the config', () => {
    const listed = STRATEGY_FIELDS.map((f) => `${f.section}.${f.key}`);
    const config = (Object.keys(DEFAULT_STRATEGY_CONFIG) as FormSection[]).flatMap((s) =>
      Object.keys(DEFAULT_STRATEGY_CONFIG[s]).map((k) => `${s}.${k}`),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...config].sort());
    expect(listed).toHaveLength(21);
  });

  it('reads each number against its limit, and allows null exactly where the config does', () => {
    for (const f of STRATEGY_FIELDS) {
      const value = (DEFAULT_STRATEGY_CONFIG[f.section] as Record<string, unknown>)[f.key];
      if (f.kind !== 'number') continue;
      expect(LIMITS[f.limit], f.key).toBeDefined();
      const withNull = {
        ...DEFAULT_STRATEGY_CONFIG,
        [f.section]: { ...DEFAULT_STRATEGY_CONFIG[f.section], [f.key]: null },
      };
      const nullable = StrategyConfigSchema.safeParse(withNull).success;
      expect(nullable, f.key).toBe(f.nullAs !== undefined);
      expect(value === null || typeof value === 'number', f.key).toBe(true);
    }
  });
});
