/**
 * `npm run bench [name…]`: bundles the benchmarks the way the app ships its main process (one bundle, as
 * electron-vite builds it; the worker threads as bundles of their own beside it), then runs them in
 * plain Node. Timing the code through tsx instead would add a getter call to every cross-module
 * function call, which the built app never pays.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'out', 'bench');
const outdir = path.join(benchDir, 'dist');
rmSync(benchDir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    run: 'bench/run.ts',
    sweepWorker: 'main/workers/sweepWorker.ts',
    simulationWorker: 'main/workers/simulationWorker.ts',
    compareWorker: 'main/workers/compareWorker.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  // Each bench file runs itself when it is the entry (`require.main === module`); in one bundle every
  // module is the entry, so that check is turned off here and bench/run.ts picks what runs.
  define: { 'require.main': 'undefined' },
  logLevel: 'warning',
});
// The database migrations are read from disk relative to the code: beside the bundle (the app's
// openDatabase) and one folder up (the test harness in main/db/testing the live benches open with).
for (const dir of [outdir, benchDir])
  cpSync(path.join(root, 'main/db/migrations'), path.join(dir, 'migrations'), { recursive: true });
// Each benchmark runs in a process of its own, as the app runs its simulations and sweeps in worker
// threads of their own: code V8 optimised for one (the live loop's evaluations, say) would otherwise
// shape the code another is timed with.
const run = path.join(outdir, 'run.js');
const asked = process.argv.slice(2);
const names =
  asked.length > 0
    ? asked
    : spawnSync(process.execPath, [run, '--list'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
let status = 0;
for (const name of names) {
  const result = spawnSync(process.execPath, [run, name], { stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
