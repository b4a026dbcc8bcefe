import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCli } from './testing/captureCli';

const EXAMPLES = path.join(__dirname, '../../examples');

interface RiskEventJson {
  at: string;
  symbol: string;
  kind: string;
  qty: number | null;
  codes: string[];
}

/**
 * `vb simulate --config` with the risk limits of the example files (issue 17, ADR 0155): the run's stop
 * exits, validator rejections and halts are in `--json` (counts and each event), and nothing but JSON is
 * on stdout.
 */
describe('vb simulate with risk limits from a config file', () => {
  it('examples/risk.json: the trailing stop sells KO once', async () => {
    const r = await captureCli([
      'simulate',
      'KO',
      '--from',
      '2019-01-01',
      '--to',
      '2020-12-31',
      '--config',
      path.join(EXAMPLES, 'risk.json'),
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { riskExits: number; riskEvents: RiskEventJson[] };
    expect(json.riskExits).toBe(1);
    const exits = json.riskEvents.filter((e) => e.kind === 'trailing_stop');
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ symbol: 'KO', codes: [] });
    expect(exits[0]?.qty).toBeGreaterThan(0);
  });

  it('examples/risk-limits.json: a stop exit, a rejection, the daily loss stop and the circuit breaker', async () => {
    const r = await captureCli([
      'simulate',
      'KO',
      'PEP',
      '--from',
      '2019-01-01',
      '--to',
      '2020-12-31',
      '--config',
      path.join(EXAMPLES, 'risk-limits.json'),
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as {
      riskExits: number;
      riskRejections: number;
      riskEvents: RiskEventJson[];
    };
    const kinds = new Set(json.riskEvents.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['daily_loss_stop', 'max_drawdown', 'rejected', 'trailing_stop']);
    expect(json.riskExits).toBe(json.riskEvents.filter((e) => e.kind === 'trailing_stop').length);
    expect(json.riskRejections).toBe(json.riskEvents.filter((e) => e.kind === 'rejected').length);
    expect(json.riskEvents.find((e) => e.kind === 'rejected')?.codes).toEqual(['TOTAL_EXPOSURE_LIMIT']);
    // The circuit breaker halts the portfolio for the rest of the run: nothing after it.
    const breaker = json.riskEvents.findIndex((e) => e.kind === 'max_drawdown');
    expect(json.riskEvents[breaker]?.symbol).toBe('');
    expect(json.riskEvents.slice(breaker + 1)).toEqual([]);
  });

  it('a run without limits prints no risk events', async () => {
    const r = await captureCli(['simulate', 'KO', '--from', '2019-01-01', '--to', '2019-06-30', '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(json).not.toHaveProperty('riskEvents');
    expect(json).toMatchObject({ riskExits: 0, riskRejections: 0 });
  });
});
