import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMarketData } from '../../composition/marketDataChoice';
import { exited, spawnTs, waitForLine } from '../../db/testing/childProcess';
import { readJsonStateFile, StateFileError, writeFileAtomic, writeFileAtomicSync } from './atomicFile';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const asNumber = (v: unknown) => (typeof v === 'number' ? v : null);

describe('atomic files (ADR 0075)', () => {
  it('writes the whole file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'a', 'b', 'state.json');
    writeFileAtomicSync(file, '1');
    await writeFileAtomic(file, '2');
    expect(fs.readFileSync(file, 'utf8')).toBe('2');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);
  });

  it('keeps the previous file when the write fails', () => {
    const folder = path.join(dir, 'ro');
    const file = path.join(folder, 'state.json');
    writeFileAtomicSync(file, '"old"');
    // A folder in the way of the target: the rename fails; the old content stays whole.
    const blocked = path.join(folder, 'blocked');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomicSync(blocked, 'x')).toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe('"old"');
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('tells a missing file from one that is empty, not JSON or of the wrong shape', () => {
    const file = path.join(dir, 'read.json');
    expect(readJsonStateFile(file, asNumber)).toEqual({ state: 'missing' });
    fs.writeFileSync(file, '');
    expect(readJsonStateFile(file, asNumber)).toMatchObject({
      state: 'unreadable',
      message: `${file} is empty`,
    });
    fs.writeFileSync(file, '{"virtualNow":');
    expect(readJsonStateFile(file, asNumber)).toMatchObject({ state: 'unreadable' });
    fs.writeFileSync(file, '"text"');
    expect(readJsonStateFile(file, asNumber)).toMatchObject({ state: 'unreadable' });
    fs.writeFileSync(file, '42');
    expect(readJsonStateFile(file, asNumber)).toEqual({ state: 'ok', value: 42 });
  });
});

describe("the demo's clock file", () => {
  it('an empty clock file (a kill during an in-place write) is refused, not taken as a first start', async () => {
    const dataDir = path.join(dir, 'empty-clock');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'demo-clock.json'), '');
    await expect(createMarketData('replay', { dataDir })).rejects.toThrow(StateFileError);
    await expect(createMarketData('replay', { dataDir })).rejects.toThrow(/demo-clock\.json is empty/);
    // Starting over on purpose is still possible.
    await expect(
      createMarketData('replay', { dataDir, replay: { startDate: '2020-03-02' } }),
    ).resolves.toBeDefined();
  });

  it('resumes no earlier than the newest event of the database when the file lags it', async () => {
    const dataDir = path.join(dir, 'lagging-clock');
    fs.mkdirSync(dataDir);
    const saved = Date.UTC(2020, 1, 20, 14, 30);
    fs.writeFileSync(path.join(dataDir, 'demo-clock.json'), JSON.stringify({ virtualNow: saved }));
    const newest = saved + 3 * 60 * 60_000;
    const chosen = await createMarketData('replay', { dataDir, notBefore: newest });
    expect(chosen.clock.now()).toBeGreaterThanOrEqual(newest);
    const behind = await createMarketData('replay', { dataDir, notBefore: saved - 60_000 });
    expect(behind.clock.now()).toBeGreaterThanOrEqual(saved);
    expect(behind.clock.now()).toBeLessThan(newest);
  });

  it('is always whole, however often the writer is killed mid-write', async () => {
    const dataDir = path.join(dir, 'killed');
    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'demo-clock.json');
    const child = path.join(__dirname, 'testing', 'clockWriterChild.ts');
    let last = 0;
    for (let round = 0; round < 6; round += 1) {
      const writer = spawnTs(child, [dataDir]);
      try {
        await waitForLine(writer, /^READY/);
        await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 80)));
      } finally {
        writer.kill('SIGKILL');
        await exited(writer);
      }
      const read = readJsonStateFile(file, (v) => (v as { virtualNow?: number }).virtualNow ?? null);
      expect(read.state).toBe('ok');
      const now = read.state === 'ok' ? read.value : 0;
      expect(now).toBeGreaterThanOrEqual(last); // the demo's time never goes back
      last = now;
    }
    expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
  }, 60_000);
});
