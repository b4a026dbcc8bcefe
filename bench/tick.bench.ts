/**
 * One tick over n active positions (scripted quotes, every evaluation a HOLD inside the band: the
 * common case) against the floor of inserting the same number of event rows raw in one transaction.
 * The tick reads the positions, asks the provider once, logs the quotes, and per position writes an
 * EvaluationEvent (id, hash chain, JSON; the log's unique index keeps one per (tick, position)), in one
 * transaction.
 */
import { slotTickId } from '../shared/application/trading/tickId';
import { BENCH_START, benchHarness, rawInsertMs } from './liveBench';

export interface TickBenchResult {
  n: number;
  synchronous: 'FULL' | 'NORMAL';
  tickMs: number;
  rawMs: number;
  ratio: number;
}

export async function runTickBench(
  n = 1_000,
  rounds = 5,
  synchronous: 'FULL' | 'NORMAL' = 'FULL',
): Promise<TickBenchResult> {
  const h = await benchHarness(n, true, rounds + 1, synchronous);
  try {
    let tickMs = Infinity;
    let rawMs = Infinity;
    for (let round = 0; round <= rounds; round++) {
      h.clock.set(BENCH_START + round * 5 * 60_000);
      const t0 = performance.now();
      const result = await h.tick(slotTickId(h.clock.now()));
      const elapsed = performance.now() - t0;
      const tenant = result.tenants[0];
      if (tenant?.evaluated !== n) throw new Error(`tick evaluated ${tenant?.evaluated} of ${n}`);
      const raw = rawInsertMs(h, tenant.evaluations, round);
      if (round === 0) continue; // warm-up
      tickMs = Math.min(tickMs, elapsed);
      rawMs = Math.min(rawMs, raw);
    }
    return { n, synchronous, tickMs, rawMs, ratio: tickMs / rawMs };
  } finally {
    h.close();
  }
}

export function printTickBench(r: TickBenchResult): void {
  console.log(
    `tick.${r.n}${r.synchronous === 'FULL' ? '' : '.sync-normal'}: tick ${r.tickMs.toFixed(1)} ms, raw ${r.rawMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}`,
  );
}

if (require.main === module) {
  void (async () => {
    printTickBench(await runTickBench());
    printTickBench(await runTickBench(1_000, 5, 'NORMAL'));
  })();
}
