/**
 * Start-up of the command line (issue 15, ADR 0066): `vb --help` as a whole process (the launcher's
 * staleness check, loading the built bundle, printing the help), against a floor measured in the same
 * run: `node -e ''`, Node's own start. Median wall time over several runs of each, taken in turn so a
 * busy machine slows both alike; the goal is under 0.3 s.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface StartupBenchResult {
  runs: number;
  /** Median wall time of `vb --help`, ms. */
  helpMs: number;
  /** Median wall time of `node -e ''`, ms. */
  nodeMs: number;
}

/** Wall time of one whole process, ms. */
function timeProcess(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return wallMs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export function runStartupBench(runs = 15): StartupBenchResult {
  const help = [path.join(ROOT, 'scripts', 'launch.cjs'), 'vb', '--help'];
  const empty = ['-e', ''];
  // The first start builds when the build is missing or stale; it is not timed.
  timeProcess(help);
  const helpTimes: number[] = [];
  const nodeTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    helpTimes.push(timeProcess(help));
    nodeTimes.push(timeProcess(empty));
  }
  return { runs, helpMs: median(helpTimes), nodeMs: median(nodeTimes) };
}

export function formatStartupBench(r: StartupBenchResult): string {
  return `startup: vb --help ${r.helpMs.toFixed(0)} ms, node -e '' ${r.nodeMs.toFixed(0)} ms, ratio ${(r.helpMs / r.nodeMs).toFixed(2)}x (median of ${r.runs} whole processes each; goal: --help under 300 ms)`;
}
