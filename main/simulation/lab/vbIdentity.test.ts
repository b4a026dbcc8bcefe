import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SymbolHistory } from '../../../shared/simulation/SimulationSpec';
import { prepareSimulation, replayPrepared, runSimulation } from '../../../shared/simulation/runSimulation';
import type { VbRunner } from '../testing/vbDigests';
import { loadBundled, vbDigests } from '../testing/vbDigests';
import { strategyChoice, strategyFor } from '../../../shared/simulation/strategy/BuiltInStrategies';
import { replayStrategy, runStrategy } from '../../../shared/simulation/strategy/runStrategy';

/**
 * Issue 18: volatility balancing through the strategy interface gives today's results on every bundled
 * symbol, trade for trade. The digests were taken from the engine before the interface existed
 * (`VB_WRITE_DIGESTS=1` rewrites them; only ever from a commit before the change under test).
 */
const file = join(__dirname, 'vbIdentity.digests.json');
let history: Map<string, SymbolHistory>;
beforeAll(async () => {
  history = await loadBundled();
}, 60_000);

const engine: VbRunner = {
  detailed(spec, h) {
    const r = runSimulation(spec, h);
    if (!r.ok) throw new Error(r.message);
    return r.result;
  },
  summary(spec, h) {
    const p = prepareSimulation(spec, h);
    if (!p.ok) throw new Error(p.message);
    const r = replayPrepared(p.plan, p.plan.spec.config);
    if (!r.ok) throw new Error(r.message);
    return r;
  },
};

describe('volatility balancing, every bundled symbol', () => {
  it('the engine gives the recorded digests', () => {
    const digests = vbDigests(engine, history);
    if (process.env.VB_WRITE_DIGESTS === '1') writeFileSync(file, `${JSON.stringify(digests, null, 2)}\n`);
    expect(Object.keys(digests)).toHaveLength(history.size * 2 + 1);
    expect(digests).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  }, 120_000);

  it('volatility balancing through the strategy interface gives the same digests', () => {
    const vb = strategyFor(strategyChoice('vb'));
    const throughStrategy: VbRunner = {
      detailed(spec, h) {
        const r = runStrategy(spec, h, vb);
        if (!r.ok) throw new Error(r.message);
        return r.result.simulation;
      },
      summary(spec, h) {
        const p = prepareSimulation(spec, h);
        if (!p.ok) throw new Error(p.message);
        const r = replayStrategy(p.plan, vb);
        if (!r.ok) throw new Error(r.message);
        return r;
      },
    };
    expect(vbDigests(throughStrategy, history)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  }, 120_000);
});
