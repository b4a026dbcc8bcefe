import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreMarkerOf, pendingRestoreFile, stageRestore, backupsDirOf } from '../composition/backup';
import { backupDatabase } from '../db/backupRestore';
import { seededLedger } from '../db/testing/seededLedger';
import { countEvents, raisePositionCash } from '../db/testing/tamper';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { captureCli } from './testing/captureCli';

const root = tempDir('vb-cli-backup-');
afterAll(() => removeDir(root));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function dataDirWithDemo(name: string) {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  const t = await seededLedger(path.join(dir, 'demo.db'), 3);
  return { dir, t };
}

describe('vb backup (issue 20, ADR 0121)', () => {
  it('never creates a database where there was none: a mistyped --data-dir is exit 2', async () => {
    const dir = path.join(root, 'empty');
    fs.mkdirSync(dir);
    const { code, err, out } = await captureCli(['backup', '--data-dir', dir]);
    expect(code, err).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/no demo database .*demo\.db to back up/);
    expect(out).toBe('');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('copies the database as it is and never applies a staged restore', async () => {
    const { dir, t } = await dataDirWithDemo('staged');
    const older = path.join(backupsDirOf(dir), 'older.db');
    fs.mkdirSync(path.dirname(older));
    await backupDatabase(t.db, older);
    const staged = stageRestore(dir, t.file, older);
    expect(staged.ok).toBe(true);
    t.close();
    const before = sha(t.file);
    const dest = path.join(root, 'staged-copy.db');
    const { code, out, err } = await captureCli(['backup', dest, '--data-dir', dir]);
    expect(code, err).toBe(0);
    expect(out).toMatch(/no program held the database/);
    expect(sha(t.file)).toBe(before);
    expect(fs.existsSync(restoreMarkerOf(t.file))).toBe(true); // still staged for the next start
    expect(fs.existsSync(pendingRestoreFile(dir))).toBe(true);
    expect(countEvents(dest)).toBe(countEvents(t.file));
  });

  it('says when the app or the daemon holds the database, and copies it while it runs', async () => {
    const { dir, t } = await dataDirWithDemo('held');
    try {
      const dest = path.join(root, 'held-copy.db');
      const { code, out, err } = await captureCli(['backup', dest, '--data-dir', dir]);
      expect(code, err).toBe(0);
      expect(out).toMatch(/in use by the app or the daemon: the copy was taken with SQLite's online backup/);
      expect(fs.existsSync(dest)).toBe(true);
    } finally {
      t.close();
    }
  });
});

describe('vb restore', () => {
  it('a refused restore names what failed, exits 2 and leaves the database untouched', async () => {
    const { dir, t } = await dataDirWithDemo('refused');
    const bad = path.join(root, 'raised-cash.db');
    await backupDatabase(t.db, bad);
    t.close();
    raisePositionCash(bad, 100_000_000);
    const before = sha(t.file);
    const { code, err } = await captureCli(['restore', bad, '--data-dir', dir]);
    expect(code, err).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/restore refused \(replay_mismatch\).*cash_cents/);
    expect(sha(t.file)).toBe(before);
  });
});
