import { existsSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

type Resolve = (request: string, ...rest: unknown[]) => string;

/**
 * In development (`npm start`) the Electron main process must load better-sqlite3 built for Electron's
 * ABI, while node_modules keeps the Node build for `npm test`. scripts/ensure-electron-native.mjs builds
 * that copy into `.native/`; this redirects the addon's load (`bindings` asks for
 * `…/better-sqlite3/build/Release/better_sqlite3.node`) to it. Packaged apps do not need it: electron-builder
 * rebuilds node_modules for Electron. (Requested instead: a `nativeBinding` option of openDatabase.)
 * Returns the binary used (and how to undo the redirect), or null when there is no .native build.
 */
export function useElectronSqliteBuild(appPath: string): { binary: string; restore(): void } | null {
  const built = path.join(
    appPath,
    '.native',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!existsSync(built)) return null;
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const original = loader._resolveFilename;
  const suffix = path.join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request.endsWith(suffix) && !request.startsWith(path.join(appPath, '.native'))) return built;
    return original.call(this, request, ...rest);
  };
  return { binary: built, restore: () => void (loader._resolveFilename = original) };
}
