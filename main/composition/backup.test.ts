import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPortfolio, createTenant, type Result } from '../../shared/application/ledger';
import { backupDatabase } from '../db/backupRestore';
import { tamperWithFirstEvent } from '../db/testing/tamper';
import { openTestStore, removeDir, type TestStore } from '../db/testing/testDatabase';
import { listBackups, pendingRestoreFile, restoreMarkerOf, stagedRestoreOf, stageRestore } from './backup';

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

/** A data folder (the test store's dir) with one tenant and a backup in `backups/`. */
async function withBackup() {
  const t = await openTestStore();
  stores.push(t);
  const tenant = value(createTenant(t.deps, { name: 'Alice' }));
  value(createPortfolio(t.deps, { tenantId: tenant.id, name: 'Core' }));
  const backup = path.join(t.dir, 'backups', 'ledger-1.db');
  fs.mkdirSync(path.dirname(backup), { recursive: true });
  await backupDatabase(t.db, backup);
  return { t, tenantId: tenant.id, backup };
}

function nothingStaged(t: TestStore): void {
  expect(fs.existsSync(restoreMarkerOf(t.file))).toBe(false);
  expect(fs.existsSync(pendingRestoreFile(t.dir))).toBe(false);
  expect(stagedRestoreOf(t.file)).toBeNull();
}

describe('listBackups', () => {
  it('lists the .db files of backups/, newest first, without the staged copy', async () => {
    const { t, backup } = await withBackup();
    const older = path.join(t.dir, 'backups', 'ledger-0.db');
    fs.copyFileSync(backup, older);
    fs.utimesSync(older, new Date('2024-01-01'), new Date('2024-01-01'));
    fs.writeFileSync(path.join(t.dir, 'backups', 'notes.txt'), 'x');
    fs.copyFileSync(backup, pendingRestoreFile(t.dir));
    const list = listBackups(t.dir);
    expect(list.map((b) => b.name)).toEqual(['ledger-1.db', 'ledger-0.db']);
    expect(list[0]?.bytes).toBe(fs.statSync(backup).size);
    expect(list[1]?.modifiedAt).toBe(Date.parse('2024-01-01'));
  });

  it('is empty without a backups folder', () => {
    expect(listBackups(path.join(__dirname, 'no-such-folder'))).toEqual([]);
  });
});

describe('stageRestore', () => {
  it('verifies a good backup, copies it and writes the marker', async () => {
    const { t, backup } = await withBackup();
    const result = stageRestore(t.dir, t.file, backup, () => 1234);
    expect(result).toEqual({ ok: true, staged: { from: backup, stagedAt: 1234 } });
    expect(stagedRestoreOf(t.file)).toEqual({ from: backup, stagedAt: 1234 });
    expect(fs.readFileSync(pendingRestoreFile(t.dir))).toEqual(fs.readFileSync(backup));
    expect(fs.existsSync(backup)).toBe(true);
  });

  it('refuses a tampered backup and stages nothing', async () => {
    const { t, tenantId, backup } = await withBackup();
    tamperWithFirstEvent(backup, tenantId);
    const result = stageRestore(t.dir, t.file, backup);
    expect(result).toMatchObject({ ok: false, code: 'chain_broken' });
    nothingStaged(t);
  });

  it('refuses a file outside backups/, the staged copy itself, and a missing file', async () => {
    const { t, backup } = await withBackup();
    const outside = path.join(t.dir, 'elsewhere.db');
    fs.copyFileSync(backup, outside);
    expect(stageRestore(t.dir, t.file, outside)).toMatchObject({ ok: false, code: 'outside_backups' });
    expect(stageRestore(t.dir, t.file, path.join(t.dir, 'backups', '..', 'elsewhere.db'))).toMatchObject({
      ok: false,
      code: 'outside_backups',
    });
    expect(stageRestore(t.dir, t.file, pendingRestoreFile(t.dir))).toMatchObject({
      ok: false,
      code: 'outside_backups',
    });
    expect(stageRestore(t.dir, t.file, path.join(t.dir, 'backups', 'gone.db'))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const garbage = path.join(t.dir, 'backups', 'garbage.db');
    fs.writeFileSync(garbage, Buffer.alloc(4096, 7));
    expect(stageRestore(t.dir, t.file, garbage)).toMatchObject({ ok: false, code: 'corrupt' });
    nothingStaged(t);
  });
});
