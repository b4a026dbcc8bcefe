// `npm start` runs this first: it builds a copy of better-sqlite3 for Electron's ABI into .native/,
// so the desktop app can open SQLite in dev while node_modules keeps the Node build that `npm test`
// uses. The Electron main process loads the .native/ build (main/electron/nativeSqlite.ts); packaged
// apps get their own rebuild from electron-builder (npmRebuild). Skips the work when up to date.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(root, '.native');
const moduleDir = path.join(nativeDir, 'node_modules', 'better-sqlite3');
const binary = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(nativeDir, 'stamp.json');

const versionOf = (pkg) =>
  JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const electron = versionOf('electron');
const sqlite = versionOf('better-sqlite3');
const wanted = { electron, sqlite, platform: process.platform, arch: process.arch };

if (!existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'))) {
  console.error(
    'The Electron binary is not installed (was ELECTRON_SKIP_BINARY_DOWNLOAD set?). Without it the desktop app cannot start;\n' +
      'run the same backend headless with the UI in a browser instead:\n' +
      '  npm run build && npm run headless -- --serve-ui',
  );
  process.exit(1);
}

if (existsSync(binary) && existsSync(stampFile)) {
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  if (JSON.stringify(stamp) === JSON.stringify(wanted)) {
    console.log(`better-sqlite3 ${sqlite} for Electron ${electron}: up to date in .native/`);
    process.exit(0);
  }
}

console.log(
  `building better-sqlite3 ${sqlite} for Electron ${electron} (${process.platform}-${process.arch}) into .native/ …`,
);
rmSync(nativeDir, { recursive: true, force: true });
mkdirSync(path.dirname(moduleDir), { recursive: true });
cpSync(path.join(root, 'node_modules', 'better-sqlite3'), moduleDir, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});
writeFileSync(
  path.join(nativeDir, 'package.json'),
  JSON.stringify(
    { name: 'vb-electron-native', private: true, dependencies: { 'better-sqlite3': sqlite } },
    null,
    2,
  ),
);

const { rebuild } = await import('@electron/rebuild');
await rebuild({
  buildPath: nativeDir,
  electronVersion: electron,
  onlyModules: ['better-sqlite3'],
  force: true,
});

if (!existsSync(binary)) {
  console.error(`the rebuild finished but ${path.relative(root, binary)} is missing`);
  process.exit(1);
}
writeFileSync(stampFile, JSON.stringify(wanted));
console.log(`done: ${path.relative(root, binary)}`);
