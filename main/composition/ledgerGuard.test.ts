import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/ports/Notifier';
import { settle, VirtualClock } from '../adapters/clock/VirtualClock';
import { MemoryLogger } from '../adapters/logging/PinoLogger';
import { ScriptedMarketData } from '../adapters/marketData/ScriptedMarketData';
import { cutNewestEvent, raisePositionCash } from '../db/testing/tamper';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { ny, pricePath } from '../jobs/testing/liveHarness';
import type { Backend } from './Backend';
import { backupsDirOf, stageRestore } from './backup';
import { chainHeadFileOf } from './chainHeadFile';
import { createBackend } from './createBackend';

const DAY = '2024-06-03';
let dir = '';
const running: Backend[] = [];
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop();
  removeDir(dir);
});

async function start(at = ny(DAY, 9, 31)) {
  const clock = new VirtualClock(at);
  const md = new ScriptedMarketData({
    clock,
    script: { AAPL: pricePath(ny(DAY, 9, 30), Array<number>(400).fill(100)) },
  });
  const notifications: Notification[] = [];
  const backend = await createBackend({
    dataDir: dir,
    marketData: md,
    clock,
    logger: new MemoryLogger(),
    workerPollMs: 60_000,
    notifier: { notify: (n) => notifications.push(n) },
  });
  running.push(backend);
  return { backend, clock, notifications };
}

async function seeded() {
  dir = tempDir('vb-guard-');
  const { backend } = await start();
  const portfolio = backend.useCases.createPortfolio({ name: 'Mine' });
  if (!portfolio.ok) throw new Error(portfolio.message);
  const position = backend.useCases.createPosition({
    portfolioId: portfolio.value.id,
    symbol: 'AAPL',
    initialCash: 10_000,
  });
  if (!position.ok) throw new Error(position.message);
  await backend.stop();
  running.splice(0);
  return { file: backend.databaseFile, positionId: position.value.id, tenantId: backend.tenantId };
}

describe('start-up and daily self-checks (issue 19, ADR 0076)', () => {
  it('passes a ledger the app wrote and keeps its chain head outside the database', async () => {
    const { file } = await seeded();
    const { backend } = await start();
    expect(backend.integrity.status()).toMatchObject({ state: 'ok', kind: 'startup', problems: [] });
    expect(fs.existsSync(chainHeadFileOf(file))).toBe(true);
  });

  it('a position whose cash_cents was raised by $1,000,000 in the file: trading halts, the UI and a notification say where', async () => {
    const { file, positionId, tenantId } = await seeded();
    raisePositionCash(file, 100_000_000, positionId);
    const { backend, clock, notifications } = await start();
    const status = backend.integrity.status();
    expect(status.state).toBe('failed');
    expect(status.haltedTenants).toEqual([tenantId]);
    expect(status.problems).toEqual([
      expect.objectContaining({ check: 'replay', where: `position AAPL (${positionId}), cash_cents` }),
    ]);
    expect(notifications.map((n) => n.kind)).toContain('ledgerCheckFailed');
    // Halted: ticks evaluate nothing for the tenant; an order by hand is refused; nothing is repaired.
    backend.start();
    await clock.advanceTo(ny(DAY, 9, 46));
    await settle();
    expect(backend.queries.events({ types: ['EvaluationEvent'] })).toEqual([]);
    expect(backend.queries.position(positionId)?.cashCents).toBe(1_000_000 + 100_000_000);
    const evidence = backend.integrity.evidence();
    expect(evidence).toMatchObject({ status: { state: 'failed' } });
  });

  it('the newest events cut off from the file are detected against the head kept outside it', async () => {
    const { file, tenantId } = await seeded();
    const cut = cutNewestEvent(file);
    const { backend } = await start();
    expect(backend.integrity.status()).toMatchObject({ state: 'failed', haltedTenants: [tenantId] });
    expect(backend.integrity.status().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'head', detail: expect.stringContaining(`event ${cut}`) as string }),
      ]),
    );
  });

  it('a staged restore refused at start-up is shown and notified; the database is unchanged', async () => {
    const { file } = await seeded();
    const { backend } = await start();
    const backup = path.join(backupsDirOf(dir), 'copy.db');
    await backend.backup(backup);
    expect(stageRestore(dir, file, backup).ok).toBe(true);
    await backend.stop();
    running.splice(0);
    // The staged copy is damaged after staging (as a disk could).
    raisePositionCash(path.join(backupsDirOf(dir), 'pending-restore.db'), 100_000_000);
    const before = fs.readFileSync(file);
    const again = await start();
    expect(again.backend.integrity.status().restore).toMatchObject({
      outcome: 'refused',
      from: backup,
      code: 'replay_mismatch',
    });
    expect(again.notifications.map((n) => n.kind)).toContain('restoreRefused');
    expect(again.notifications.find((n) => n.kind === 'restoreRefused')?.body).toMatch(/is unchanged/);
    expect(again.backend.integrity.status().state).toBe('ok');
    await again.backend.stop();
    running.splice(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('the first start after a restore runs the full check, then the head is kept again', async () => {
    const { file } = await seeded();
    const { backend } = await start();
    const backup = path.join(backupsDirOf(dir), 'copy.db');
    await backend.backup(backup);
    expect(stageRestore(dir, file, backup).ok).toBe(true);
    await backend.stop();
    running.splice(0);
    const again = await start();
    expect(again.backend.integrity.status()).toMatchObject({
      state: 'ok',
      kind: 'after restore',
      restore: { outcome: 'applied' },
    });
    expect(again.backend.integrity.status().scope).toMatch(/integrity_check/);
  });

  it('checks again daily while running: a change made to the file meanwhile halts trading', async () => {
    const { file, positionId } = await seeded();
    const { backend, clock, notifications } = await start();
    backend.start();
    await clock.advanceTo(ny(DAY, 9, 41));
    await settle();
    expect(backend.integrity.status().state).toBe('ok');
    raisePositionCash(file, 100_000_000, positionId);
    await clock.advanceTo(ny('2024-06-04', 9, 41));
    await settle();
    expect(backend.integrity.status()).toMatchObject({ state: 'failed', kind: 'daily' });
    expect(notifications.map((n) => n.kind)).toContain('ledgerCheckFailed');
  });
});
