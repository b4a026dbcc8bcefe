import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useElectronSqliteBuild } from './nativeSqlite';

type Resolve = (request: string, parent?: unknown) => string;
const resolve = (request: string) =>
  (Module as unknown as { _resolveFilename: Resolve })._resolveFilename(request, null);

describe('the Electron build of better-sqlite3 in development', () => {
  const app = mkdtempSync(path.join(tmpdir(), 'vb-native-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('does nothing without a .native build', () => {
    expect(useElectronSqliteBuild(app)).toBeNull();
  });

  it('sends the addon load to the .native build, and nothing else', () => {
    const dir = path.join(app, '.native', 'node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'better_sqlite3.node'), '');
    const redirect = useElectronSqliteBuild(app);
    try {
      expect(redirect?.binary).toBe(path.join(dir, 'better_sqlite3.node'));
      expect(
        resolve(path.join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
      ).toBe(redirect?.binary);
      expect(resolve('node:path')).toBe('node:path');
    } finally {
      redirect?.restore();
    }
    expect(() =>
      resolve(path.join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
    ).toThrow();
  });
});
