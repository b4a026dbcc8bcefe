import { createHash } from 'node:crypto';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import type { SimulationResult } from '../../../shared/simulation/SimulationResult';
import type { SimulationSpec, SymbolHistory } from '../../../shared/simulation/SimulationSpec';
import type { ReplayTotals } from '../../../shared/simulation/SimulatedPosition';
import { simSpec } from '../../../shared/simulation/testing/bars';

/**
 * Digests of volatility balancing's results on every bundled symbol (issue 18: the strategy interface
 * must leave them identical, trade for trade). Each case is run detailed (trades, events, timeline,
 * equity, metrics) and as a summary (the sweep's replay: daily equity and totals); the digest is a
 * SHA-256 of their JSON. `vbIdentity.digests.json` holds the figures of the engine before the strategy
 * interface existed.
 */
export interface VbRunner {
  detailed(spec: SimulationSpec, history: readonly SymbolHistory[]): SimulationResult;
  summary(
    spec: SimulationSpec,
    history: readonly SymbolHistory[],
  ): { dailyEquityCents: Float64Array; totals: ReplayTotals };
}

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export async function loadBundled(): Promise<Map<string, SymbolHistory>> {
  const source = new BundledBarSource();
  const out = new Map<string, SymbolHistory>();
  for (const symbol of await source.listSymbols()) {
    const bars = await source.getBars(symbol, '1990-01-01', '2100-12-31', '1d');
    const dividends = await source.getDividends(symbol, '1990-01-01', '2100-12-31');
    if (!bars.ok || !dividends.ok) throw new Error(`cannot load ${symbol}`);
    out.set(symbol, { bars: bars.bars, dividends: dividends.dividends });
  }
  return out;
}

/** The cases: each symbol alone with the defaults and with next-open fills, slippage and a volume cap; all together. */
export function vbCases(symbols: readonly string[]): { name: string; spec: SimulationSpec }[] {
  const cases: { name: string; spec: SimulationSpec }[] = [];
  for (const s of symbols) {
    cases.push({ name: `${s} close`, spec: simSpec([s]) });
    cases.push({
      name: `${s} next_open slippage cap`,
      spec: simSpec([s], {
        cash: 250_000_000,
        execution: { fill: 'next_open', slippageBps: 7, volumeCap: 0.0001 },
        config: { trigger: { upThreshold: 0.05, downThreshold: 0.04 } },
      }),
    });
  }
  cases.push({ name: 'portfolio', spec: simSpec([...symbols], { from: '2003-01-01', to: '2019-12-31' }) });
  return cases;
}

export function vbDigests(
  runner: VbRunner,
  history: Map<string, SymbolHistory>,
): Record<string, { trades: string; events: string; equity: string; metrics: string; summary: string }> {
  const out: Record<
    string,
    { trades: string; events: string; equity: string; metrics: string; summary: string }
  > = {};
  for (const { name, spec } of vbCases([...history.keys()].sort())) {
    const h = spec.positions.map((p) => history.get(p.symbol) as SymbolHistory);
    const r = runner.detailed(spec, h);
    const s = runner.summary(spec, h);
    out[name] = {
      trades: sha(r.trades),
      events: sha([r.events, r.timeline, r.positions]),
      equity: sha(r.equity),
      metrics: sha([r.metrics, r.monthlyReturns]),
      summary: sha([Array.from(s.dailyEquityCents), s.totals]),
    };
  }
  return out;
}
