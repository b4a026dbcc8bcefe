/**
 * Runs every benchmark in one process and prints one line each: the figure and its ratio to a floor
 * measured in the same run (`npm run bench`). Benchmarks are not tests: nothing here fails on speed.
 */
import { printEvaluateBench, runEvaluateBench } from './evaluate.bench';
import { printDrainBench, runDrainBench } from './drain.bench';
import { formatEventLogBench, runEventLogBench } from './eventLog.bench';
import { formatSimulationBench, runSimulationBench } from './simulation.bench';
import { formatSweepBench, runSweepBench } from './sweep.bench';
import { formatLabBench, runLabBench } from './lab.bench';
import { formatStartupBench, runStartupBench } from './startup.bench';
import { printTickBench, runTickBench } from './tick.bench';
import {
  formatAnalyticsBench,
  formatValidatorBench,
  runAnalyticsBench,
  runValidatorBench,
} from './risk.bench';

interface Bench {
  name: string;
  run: () => void | Promise<void>;
}

const benches: Bench[] = [
  { name: 'evaluate', run: () => printEvaluateBench(runEvaluateBench()) },
  { name: 'eventLog', run: async () => console.log(formatEventLogBench(await runEventLogBench(100_000))) },
  { name: 'tick', run: async () => printTickBench(await runTickBench(1_000)) },
  { name: 'drain', run: async () => printDrainBench(await runDrainBench(1_000)) },
  { name: 'simulation', run: async () => console.log(formatSimulationBench(await runSimulationBench())) },
  // 10 000 parameter sets take about a minute on 2 cores: `npx tsx bench/sweep.bench.ts --n 10000`.
  { name: 'sweep', run: async () => console.log(formatSweepBench(await runSweepBench(500))) },
  { name: 'startup', run: () => console.log(formatStartupBench(runStartupBench())) },
  { name: 'lab', run: async () => console.log(formatLabBench(await runLabBench())) },
  { name: 'riskAnalytics', run: () => console.log(formatAnalyticsBench(runAnalyticsBench())) },
  { name: 'orderValidator', run: () => console.log(formatValidatorBench(runValidatorBench())) },
];

/**
 * `run.js <name>` runs one benchmark; `run.js --list` prints their names, one a line, for
 * scripts/bench.mjs to run each in a process of its own; `run.js` alone runs them all here.
 */
async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === '--list') {
    for (const b of benches) console.log(b.name);
    return;
  }
  if (only !== undefined && !benches.some((b) => b.name === only)) {
    console.error(`no benchmark named ${only}: ${benches.map((b) => b.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  for (const b of benches) {
    if (only && b.name !== only) continue;
    await b.run();
  }
}

void main();
