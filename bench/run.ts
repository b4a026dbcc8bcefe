/**
 * Runs every benchmark in one process and prints one line each: the figure and its ratio to a floor
 * measured in the same run (`npm run bench`). Benchmarks are not tests: nothing here fails on speed.
 */
import { printEvaluateBench, runEvaluateBench } from './evaluate.bench';
import { formatEventLogBench, runEventLogBench } from './eventLog.bench';

interface Bench {
  name: string;
  run: () => void | Promise<void>;
}

const benches: Bench[] = [
  { name: 'evaluate', run: () => printEvaluateBench(runEvaluateBench()) },
  { name: 'eventLog', run: async () => console.log(formatEventLogBench(await runEventLogBench(100_000))) },
];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const b of benches) {
    if (only && b.name !== only) continue;
    await b.run();
  }
}

void main();
