/**
 * Builds the command line and the headless daemon to plain JavaScript (ADR 0066): `vb` (main/cli.ts),
 * `headless` (main/headless.ts) and the worker threads they start, bundled with esbuild the way the
 * app's main process is built, into a fresh folder `out/cli/build-<stamp>-<pid>/` with the database
 * migrations beside them. `out/cli/current.json` then points at it (written to a temporary file and
 * renamed, so a launcher never reads half a build) and lists every source file the bundles were made
 * from, which scripts/launch.cjs compares with the sources to rebuild when one is newer.
 *
 * `node scripts/build-cli.mjs` (also part of `npm run build`); the launcher runs it on first use.
 */
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = path.join(root, 'out', 'cli');
const startedAt = Date.now();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// commander is read on every start, --help included: bundled, it needs no lookup in node_modules.
const BUNDLED = new Set(['commander']);
const name = `build-${startedAt}-${process.pid}`;
const outdir = path.join(outRoot, name);
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    vb: 'main/cli.ts',
    headless: 'main/headless.ts',
    sweepWorker: 'main/workers/sweepWorker.ts',
    simulationWorker: 'main/workers/simulationWorker.ts',
    compareWorker: 'main/workers/compareWorker.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Other dependencies stay in node_modules, loaded when a command first needs them (not for --help).
  external: [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter(
    (d) => !BUNDLED.has(d),
  ),
  metafile: true,
  logLevel: 'warning',
});
// The migrations are read from disk beside the bundle (main/db/openDatabase.ts).
cpSync(path.join(root, 'main/db/migrations'), path.join(outdir, 'migrations'), { recursive: true });

const inputs = [
  ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')),
  'scripts/build-cli.mjs',
  'package.json',
  ...readdirSync(path.join(root, 'main/db/migrations'), { recursive: true })
    .map((f) => path.join('main/db/migrations', String(f)))
    .filter((f) => statSync(path.join(root, f)).isFile()),
].sort();
const pointer = path.join(outRoot, 'current.json');
writeFileSync(
  `${pointer}.${process.pid}.tmp`,
  `${JSON.stringify({ dir: name, builtAt: startedAt, inputs }, null, 1)}\n`,
);
renameSync(`${pointer}.${process.pid}.tmp`, pointer);

// Older builds go, but the two newest before this one stay: a daemon started from one may still
// start its worker threads from its folder.
const builds = readdirSync(outRoot)
  .filter((d) => d.startsWith('build-') && d !== name)
  .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
for (const old of builds.slice(2)) rmSync(path.join(outRoot, old), { recursive: true, force: true });
