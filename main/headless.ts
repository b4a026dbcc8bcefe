/**
 * Headless entry: the same backend as the desktop app, without Electron (SPEC 6). Until the live loop
 * lands it reports what it would run on, and exits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
console.log(
  JSON.stringify({
    app: pkg.name,
    version: pkg.version,
    mode: 'headless',
    node: process.version,
    status: 'ready',
  }),
);
