/**
 * Draining n intents (n initial-allocation orders, each claimed, quoted, sent to the paper broker and
 * booked in its own fill transaction: trade, order, position, OrderFilled + AnchorUpdated +
 * PositionUpdated) against the floor of inserting the same number of event rows raw in one transaction.
 * A second line shows a second floor, not the ratio: the same raw rows committed one fill's
 * rows at a time (n commits), the part of the drain that one transaction per fill makes unavoidable.
 */
import type { DomainEvent } from '../shared/domain/DomainEvent';
import { slotTickId } from '../shared/application/trading/tickId';
import { BENCH_START, benchHarness, rawInsertInCommitsMs, rawInsertMs } from './liveBench';

export interface DrainBenchResult {
  n: number;
  /** FULL (the app's default: every commit reaches the disk) or NORMAL (the CPU cost alone, nearly). */
  synchronous: 'FULL' | 'NORMAL';
  events: number;
  drainMs: number;
  rawMs: number;
  ratio: number;
  /** The same raw rows, one commit per fill's rows (n commits): the floor one transaction per fill sets. */
  rawPerFillMs: number;
}

export async function runDrainBench(
  n = 1_000,
  rounds = 2,
  synchronous: 'FULL' | 'NORMAL' = 'FULL',
): Promise<DrainBenchResult> {
  let drainMs = Infinity;
  let rawMs = Infinity;
  let rawPerFillMs = Infinity;
  let events = 0;
  for (let round = 0; round < rounds; round++) {
    const h = await benchHarness(n, false, 2, synchronous);
    try {
      const tick = await h.tick(slotTickId(BENCH_START));
      if (tick.tenants[0]?.ordersCreated !== n)
        throw new Error(`tick created ${tick.tenants[0]?.ordersCreated} of ${n} orders`);
      const t0 = performance.now();
      const drained = await h.drain();
      drainMs = Math.min(drainMs, performance.now() - t0);
      const filled = drained.outcomes.filter((o) => o.kind === 'filled');
      if (filled.length !== n) throw new Error(`drain filled ${filled.length} of ${n}`);
      const written: DomainEvent[] = filled.flatMap((o) => (o.kind === 'filled' ? o.events : []));
      events = written.length;
      rawMs = Math.min(rawMs, rawInsertMs(h, written, round));
      rawPerFillMs = Math.min(
        rawPerFillMs,
        rawInsertInCommitsMs(h, written, written.length / n, `raw-per-fill-${round}`),
      );
    } finally {
      h.close();
    }
  }
  return { n, synchronous, events, drainMs, rawMs, ratio: drainMs / rawMs, rawPerFillMs };
}

export function printDrainBench(r: DrainBenchResult): void {
  const name = `drain.${r.n}${r.synchronous === 'FULL' ? '' : '.sync-normal'}`;
  console.log(
    `${name}: drain ${r.drainMs.toFixed(1)} ms, raw ${r.rawMs.toFixed(1)} ms (${r.events} event rows), ratio ${r.ratio.toFixed(2)}`,
  );
  console.log(
    `${name} (second floor, one commit per fill): the same raw rows in ${r.n} commits ${r.rawPerFillMs.toFixed(1)} ms, drain/that ${(r.drainMs / r.rawPerFillMs).toFixed(2)}`,
  );
}

if (require.main === module) {
  void (async () => {
    printDrainBench(await runDrainBench());
    printDrainBench(await runDrainBench(1_000, 2, 'NORMAL'));
  })();
}
