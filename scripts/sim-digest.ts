/**
 * Digest of every bundled symbol's simulation result (trades, equity, metrics, the whole result) under
 * a few settings: run before and after a change to the domain rules and compare (`diff`). Prints one
 * line per run: the settings' name, the symbol, the hash of the full result and of its parts, and the
 * trade count. `--dump DIR` also writes each run's trades as JSON for a closer look at a difference.
 * Run: `npx tsx scripts/sim-digest.ts [--dump DIR]`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeConfig, DEFAULT_STRATEGY_CONFIG, type StrategyConfigOverride } from '../shared/domain/Config';
import { DEFAULT_EXECUTION, loadHistory, positionSpec, runSimulation } from '../shared/simulation';
import type { ExecutionModel, SimulationSpec } from '../shared/simulation';
import { BundledBarSource } from '../main/adapters/data/BundledBarSource';

interface Setting {
  name: string;
  override: StrategyConfigOverride;
  cashCents: number;
  commission?: { rate: number; minimumCents: number };
  execution?: ExecutionModel;
}

const SETTINGS: Setting[] = [
  { name: 'default', override: {}, cashCents: 10_000_000 },
  {
    name: 'wide-band-frac',
    override: {
      trigger: { upThreshold: 0.05, downThreshold: 0.04 },
      guardrails: { minStockPct: 0.1, maxStockPct: 0.9, maxTradePctOfPosition: 1 },
      orderPolicy: { qtyStep: 0, minNotional: 10 },
    },
    cashCents: 2_600_120,
  },
  {
    name: 'target-lot-clip',
    override: {
      sizing: { strategy: 'target_allocation', targetStockPct: 0.6 },
      guardrails: { maxTradePctOfPosition: 0.25, maxDailyNotional: 5000 },
      orderPolicy: { qtyStep: 1, lotSize: 5, minNotional: 1000, actionBelowMin: 'clip' },
    },
    cashCents: 5_000_000,
    commission: { rate: 0.001, minimumCents: 100 },
    execution: { fill: 'next_open', slippageBps: 5, volumeCap: null },
  },
  {
    name: 'tight-min-reject',
    override: {
      trigger: { upThreshold: 0.02, downThreshold: 0.02 },
      sizing: { rebalanceRatio: 3 },
      guardrails: { minStockPct: 0.4, maxStockPct: 0.6, maxTradePctOfPosition: 1 },
      orderPolicy: { qtyStep: 0.5, minNotional: 500, actionBelowMin: 'reject' },
    },
    cashCents: 1_000_000,
    commission: { rate: 0.0005, minimumCents: 0 },
  },
  {
    name: 'volume-cap-open',
    override: { guardrails: { maxStockPct: 0.95, maxTradePctOfPosition: 1 }, orderPolicy: { qtyStep: 0.1 } },
    cashCents: 100_000_000,
    commission: { rate: 0.0001, minimumCents: 100 },
    execution: { fill: 'next_open', slippageBps: 20, volumeCap: 0.0007 },
  },
];

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const dumpAt = process.argv.indexOf('--dump');
  const dump = dumpAt >= 0 ? process.argv[dumpAt + 1] : undefined;
  if (dump !== undefined) mkdirSync(dump, { recursive: true });
  const source = new BundledBarSource();
  const dir = join(__dirname, '..', 'resources', 'data', 'prices');
  const symbols = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => f.slice(0, -4))
    .sort();
  for (const setting of SETTINGS) {
    for (const symbol of symbols) {
      const spec: SimulationSpec = {
        positions: [positionSpec(symbol, setting.cashCents)],
        from: '1990-01-01',
        to: '2100-12-31',
        interval: '1d',
        config: mergeConfig(DEFAULT_STRATEGY_CONFIG, setting.override),
        commission: { rate: 0.0001, minimumCents: 0, ...setting.commission, scope: 'GLOBAL' },
        execution: setting.execution ?? DEFAULT_EXECUTION,
        riskFreePerPeriod: 0,
      };
      const loaded = await loadHistory(source, source, [symbol], spec.from, spec.to, '1d');
      if (!loaded.ok) throw new Error(loaded.message);
      const outcome = runSimulation(spec, loaded.history);
      if (!outcome.ok) throw new Error(outcome.message);
      const r = outcome.result;
      console.log(
        [
          setting.name,
          symbol,
          `all=${hash(r)}`,
          `trades=${hash(r.trades)}`,
          `equity=${hash(r.equity)}`,
          `metrics=${hash(r.metrics)}`,
          `n=${r.trades.length}`,
        ].join(' '),
      );
      if (dump !== undefined)
        writeFileSync(join(dump, `${setting.name}-${symbol}.json`), JSON.stringify(r.trades));
    }
  }
}

void main();
