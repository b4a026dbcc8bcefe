/**
 * Starts the built command line or headless daemon (ADR 0066): `node scripts/launch.cjs vb …` (npm run
 * cli, the `vb` bin) or `node scripts/launch.cjs headless …` (npm run headless). When there is no build,
 * or a source file it was made from is newer than it, it first builds (scripts/build-cli.mjs, a few
 * seconds, said on stderr), so a fresh clone and an edited tree both run as they are. Then it loads
 * the bundle: no TypeScript is compiled on a normal start.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const outRoot = path.join(root, 'out', 'cli');

function readPointer() {
  try {
    return JSON.parse(fs.readFileSync(path.join(outRoot, 'current.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** Why the build cannot be used as it is, or null. */
function staleness(pointer, entry) {
  if (pointer === null) return 'there is no build yet';
  if (!fs.existsSync(path.join(outRoot, pointer.dir, `${entry}.js`))) return 'the build is incomplete';
  for (const input of pointer.inputs) {
    let modified;
    try {
      modified = fs.statSync(path.join(root, input)).mtimeMs;
    } catch {
      return `${input} is gone`;
    }
    if (modified > pointer.builtAt) return `${input} changed`;
  }
  return null;
}

function launch(entry) {
  let pointer = readPointer();
  const why = staleness(pointer, entry);
  if (why !== null) {
    process.stderr.write(`building the command line (${why})…\n`);
    const built = spawnSync(process.execPath, [path.join(__dirname, 'build-cli.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    pointer = readPointer();
    if (built.status !== 0 || pointer === null) {
      process.stderr.write('error: the command line could not be built; run `npm ci`, then try again\n');
      process.exit(1);
    }
  }
  require(path.join(outRoot, pointer.dir, `${entry}.js`));
}

module.exports = { launch, staleness, readPointer };

if (require.main === module) {
  const entry = process.argv[2];
  if (entry !== 'vb' && entry !== 'headless') {
    process.stderr.write('usage: node scripts/launch.cjs vb|headless [arguments]\n');
    process.exit(2);
  }
  // The entry reads process.argv.slice(2): drop the entry's name.
  process.argv.splice(2, 1);
  launch(entry);
}
