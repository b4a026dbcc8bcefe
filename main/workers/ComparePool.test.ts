import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import { loadHistory } from '../../shared/simulation';
import type { CompareEntry } from '../../shared/simulation/strategy';
import { compareStrategies, sizerChoice, strategyChoice } from '../../shared/simulation/strategy';
import { simSpec } from '../../shared/simulation/testing/bars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { ComparePool, runCompare } from './ComparePool';

/** The compare on worker threads (rows prepared once per worker, equity transferred) = the in-thread compare. */
let history: SymbolHistory[];
const spec: SimulationSpec = simSpec(['KO', 'PEP'], { from: '2008-01-01', to: '2016-12-31' });
const entries: CompareEntry[] = [
  { strategy: strategyChoice('vb') },
  { strategy: strategyChoice('macd') },
  { strategy: strategyChoice('rsi'), sizer: sizerChoice('kelly') },
  { strategy: strategyChoice('bollinger') },
];

beforeAll(async () => {
  const source = new BundledBarSource();
  const loaded = await loadHistory(source, source, ['KO', 'PEP'], spec.from, spec.to, '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  history = loaded.history;
});

describe('runCompare', () => {
  it('gives the in-thread compare, row for row, with progress', async () => {
    const progress: number[] = [];
    const pooled = await runCompare(
      spec,
      history,
      entries,
      {},
      { workers: 2, onProgress: (d) => progress.push(d) },
    );
    const local = compareStrategies(spec, history, entries);
    expect(pooled.ok && local.ok).toBe(true);
    expect(pooled).toEqual(local);
    expect(progress).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it('keeps its threads between compares: the second compare is the same, a cancelled one starts new threads', async () => {
    const pool = new ComparePool(2);
    try {
      const local = compareStrategies(spec, history, entries);
      expect(await pool.compare(spec, history, entries)).toEqual(local);
      expect(await pool.compare(spec, history, entries)).toEqual(local);
      const abort = new AbortController();
      const cancelled = pool.compare(spec, history, entries, {}, { signal: abort.signal });
      abort.abort();
      expect(await cancelled).toMatchObject({ ok: false, code: 'CANCELLED' });
      const other = entries.slice(1, 3);
      expect(await pool.compare(spec, history, other)).toEqual(compareStrategies(spec, history, other));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reports a spec the workers cannot run as the in-thread compare does', async () => {
    const bad = { ...spec, from: '2016-01-01', to: '2008-01-01' };
    const pooled = await runCompare(bad, history, entries, {}, { workers: 2 });
    const local = compareStrategies(bad, history, entries);
    expect(pooled.ok).toBe(false);
    expect(pooled).toEqual(local);
  }, 60_000);
});
