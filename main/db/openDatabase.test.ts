import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from './DatabaseOpenError';
import { listPreMigrationBackups } from './backups';
import { APPLICATION_ID, openDatabase, type AppDatabase } from './openDatabase';
import { exited, spawnTs, waitForLine } from './testing/childProcess';
import { MIGRATIONS_FOLDER, removeDir, tempDir } from './testing/testDatabase';

const HOLD = path.join(__dirname, 'testing', 'holdDatabase.ts');

const dirs: string[] = [];
const dbs: AppDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function newDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

async function open(file: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<AppDatabase> {
  const db = await openDatabase({ file, migrationsFolder });
  dbs.push(db);
  return db;
}

async function openError(file: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<DatabaseOpenError> {
  try {
    dbs.push(await openDatabase({ file, migrationsFolder }));
  } catch (err) {
    if (err instanceof DatabaseOpenError) return err;
    throw err;
  }
  throw new Error('expected openDatabase to fail');
}

/** A copy of the migrations folder holding only the first `n` migrations (an older build). */
function migrationsUpTo(n: number): string {
  const folder = path.join(newDir(), 'migrations');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, n);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('openDatabase', () => {
  it('creates a new file with WAL, foreign keys, the schema and the append-only triggers', async () => {
    const file = path.join(newDir(), 'sub', 'app.db');
    const db = await open(file);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const names = (
      db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    for (const t of [
      'tenants',
      'portfolios',
      'positions',
      'orders',
      'trades',
      'order_intents',
      'events',
      'sim_runs',
      'events_no_update',
      'events_no_delete',
    ]) {
      expect(names).toContain(t);
    }
    expect(db.preMigrationBackup).toBeNull(); // a new, empty file needs no backup
  });

  it('reopens an up-to-date file without migrating or backing up', async () => {
    const file = path.join(newDir(), 'app.db');
    (await open(file)).close();
    dbs.length = 0;
    const again = await open(file);
    expect(again.preMigrationBackup).toBeNull();
    expect(listPreMigrationBackups(file)).toEqual([]);
  });

  it('backs up an existing database before applying pending migrations, keeping the last few', async () => {
    const file = path.join(newDir(), 'app.db');
    // An older build (one migration fewer) made the file.
    const old = await openDatabase({ file, migrationsFolder: migrationsUpTo(1) });
    old.sqlite.prepare("INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Kept', 1)").run();
    old.close();
    for (let run = 0; run < 3; run += 1) {
      const db = await openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER, keepBackups: 2 });
      expect(db.preMigrationBackup).not.toBeNull();
      const backup = new Database(db.preMigrationBackup ?? '', { readonly: true });
      expect(backup.prepare('SELECT name FROM tenants').all()).toEqual([{ name: 'Kept' }]);
      expect(backup.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get()).toEqual({
        n: 0,
      });
      backup.close();
      expect(
        db.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'").get(),
      ).toEqual({ n: 2 });
      const olderFile = db.preMigrationBackup ?? '';
      db.close();
      // Put the older build's file back (whatever the migrations since), as if it had written the file again.
      fs.copyFileSync(olderFile, file);
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      await new Promise((r) => setTimeout(r, 5)); // distinct backup timestamps
    }
    expect(listPreMigrationBackups(file)).toHaveLength(2);
  });

  it('refuses a second instance in the same process with a clear message, and allows it after close', async () => {
    const file = path.join(newDir(), 'app.db');
    const first = await open(file);
    const err = await openError(file);
    expect(err.code).toBe('locked');
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/another Volatility Balancing instance is already using/i);
    first.close();
    await expect(open(file)).resolves.toBeDefined();
  });

  it('refuses a second instance in another process; the lock goes when the holder is SIGKILLed', async () => {
    const file = path.join(newDir(), 'app.db');
    const holder = spawnTs(HOLD, [file, 'hold']);
    try {
      await waitForLine(holder, /^OPEN/);
      const err = await openError(file);
      expect(err.code).toBe('locked');
      holder.kill('SIGKILL');
      await exited(holder);
      const db = await open(file);
      expect(db.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      // and the other way round: a child is refused while we hold it
      const second = spawnTs(HOLD, [file, 'try']);
      expect(await waitForLine(second, /^(OPEN|ERROR|CRASH)/)).toMatch(
        /^ERROR locked Another Volatility Balancing instance/,
      );
      await exited(second);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.each([
    ['garbage bytes', (file: string) => fs.writeFileSync(file, Buffer.alloc(8192, 0x5a))],
    [
      'a damaged page in a real database',
      (file: string) => {
        const db = new Database(file);
        db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
        const insert = db.prepare('INSERT INTO t VALUES (?)');
        db.transaction(() => {
          for (let i = 0; i < 2000; i += 1) insert.run(`row ${i} ${'x'.repeat(50)}`);
        })();
        db.close();
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096 * 3);
        fs.closeSync(fd);
      },
    ],
  ])(
    'never touches a corrupt file (%s): it stops with where the file is and how to restore',
    async (_name, damage) => {
      const dir = newDir();
      const file = path.join(dir, 'app.db');
      damage(file);
      fs.writeFileSync(`${file}.pre-migration-20250101T000000000Z.bak`, 'backup');
      const before = fs.readFileSync(file);
      const err = await openError(file);
      expect(err.code).toBe('corrupt');
      expect(err.message).toContain(file);
      expect(err.message).toContain(`${file}.pre-migration-20250101T000000000Z.bak`);
      expect(err.message).toMatch(/restore/i);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      // The lock was released: once the file is replaced, the app opens.
      fs.rmSync(file);
      await expect(open(file)).resolves.toBeDefined();
    },
  );

  it('explains that there is no automatic backup when there is none', async () => {
    const file = path.join(newDir(), 'app.db');
    fs.writeFileSync(file, 'not a database at all, just text '.repeat(200));
    const err = await openError(file);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/No automatic backup exists/);
  });

  it("refuses an unreadable path and another application's SQLite file, without changing them", async () => {
    const dir = newDir();
    const asDir = path.join(dir, 'is-a-directory.db');
    fs.mkdirSync(asDir);
    expect((await openError(asDir)).code).toMatch(/unreadable|corrupt/);

    const foreign = path.join(dir, 'other.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const before = fs.readFileSync(foreign);
    const err = await openError(foreign);
    expect(err.code).toBe('not_ours');
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);
  });

  it('refuses a database migrated by a newer build', async () => {
    const file = path.join(newDir(), 'app.db');
    const db = await open(file);
    db.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', 9_999_999_999_999);
    db.close();
    dbs.length = 0;
    const err = await openError(file);
    expect(err.code).toBe('too_new');
  });
});

describe('openDatabase nativeBinding', () => {
  it('loads the better-sqlite3 addon from the given path (how Electron gets its own ABI build)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-native-'));
    const addon = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
    const db = await openDatabase({ file: path.join(dir, 'a.db'), nativeBinding: addon });
    expect(db.sqlite.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
    await expect(
      openDatabase({ file: path.join(dir, 'b.db'), nativeBinding: path.join(dir, 'missing.node') }),
    ).rejects.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
