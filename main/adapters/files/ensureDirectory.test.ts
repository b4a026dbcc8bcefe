import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDirectory, ensureDirectorySync } from './ensureDirectory';

const dir = mkdtempSync(path.join(tmpdir(), 'vb-dirs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ensureDirectory', () => {
  it('makes every missing level and accepts a folder that exists', async () => {
    const deep = path.join(dir, 'a', 'b', 'c');
    ensureDirectorySync(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await ensureDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('fails at once under /proc, where a recursive mkdir loops forever', () => {
    const started = Date.now();
    expect(() => ensureDirectorySync('/proc/vb-no-such/data')).toThrow(/ENOENT/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses a path through a file and makes nothing', () => {
    const file = path.join(dir, 'file');
    writeFileSync(file, 'x');
    expect(() => ensureDirectorySync(path.join(file, 'sub'))).toThrow(/ENOTDIR/);
    expect(existsSync(path.join(file, 'sub'))).toBe(false);
  });
});
