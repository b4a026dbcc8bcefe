import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreMarkerOf } from '../../composition/backup';
import { tamperWithFirstEvent } from '../../db/testing/tamper';
import type { BackupListDto } from '../../../shared/ipc/dto/app';
import type { EvaluationPageDto, EventPageDto } from '../../../shared/ipc/dto/events';
import type { PortfolioDto, PositionDto } from '../../../shared/ipc/dto/ledger';
import type { SettingsDto } from '../../../shared/ipc/dto/settings';
import type { DashboardDto } from '../../../shared/ipc/dto/trading';
import { seedClosedHolds, seedEvaluations } from '../testing/seedEvaluations';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

describe('IPC handlers over the ledger', () => {
  let t: TestIpc;
  beforeEach(async () => {
    t = await openTestIpc();
  });
  afterEach(async () => {
    await t.close();
    expect(t.logged).toEqual([]);
  });

  async function portfolio(): Promise<PortfolioDto> {
    const r = await t.call('portfolio.createPortfolio', { name: 'Core' });
    expect(r.ok).toBe(true);
    return r.value as PortfolioDto;
  }

  async function position(portfolioId: string, symbol = 'AAPL', initialCash = 10_000): Promise<PositionDto> {
    const r = await t.call('position.createPosition', { portfolioId, symbol, initialCash });
    expect(r).toMatchObject({ ok: true });
    return r.value as PositionDto;
  }

  it('reports the first run until a portfolio exists', async () => {
    expect(await t.call('app.getStatus', {})).toMatchObject({
      ok: true,
      value: { mode: 'headless', firstRun: true, marketData: 'scripted', version: '0.0.0-test' },
    });
    await portfolio();
    expect(await t.call('app.getStatus', {})).toMatchObject({ ok: true, value: { firstRun: false } });
  });

  it('creates the demo portfolio with its positions', async () => {
    const r = await t.call('app.createDemoPortfolio', {});
    expect(r).toMatchObject({ ok: true, value: { name: 'Demo', positionCount: 4 } });
    const list = await t.call('position.listPositions', {});
    expect((list.value as PositionDto[]).map((p) => p.symbol)).toEqual(['AAPL', 'JPM', 'KO', 'MSFT']);
  });

  it('creates a position and answers its view (no price before the first evaluation)', async () => {
    const p = await portfolio();
    const created = await position(p.id, 'msft', 12_345.67);
    expect(created).toMatchObject({
      symbol: 'MSFT',
      status: 'ACTIVE',
      cashCents: 1_234_567,
      anchor: null,
      lastPrice: null,
      // No shares yet: the value is the cash, known without a price.
      valueCents: 1_234_567,
      stockPct: 0,
      triggers: null,
    });
    expect(created.effectiveConfig.trigger).toEqual({ upThreshold: 0.03, downThreshold: 0.03 });
  });

  it('answers bad form input with per-field issues and writes nothing', async () => {
    const p = await portfolio();
    const shape = await t.call('position.createPosition', {
      portfolioId: p.id,
      symbol: 'AAPL',
      initialCash: 'lots',
    });
    expect(shape).toMatchObject({ ok: false, code: 'validation' });
    expect(shape.issues?.[0]?.path).toBe('initialCash');

    const cents = await t.call('position.createPosition', {
      portfolioId: p.id,
      symbol: 'AAPL',
      initialCash: 10.123,
    });
    expect(cents).toMatchObject({ ok: false, code: 'validation' });
    expect(cents.issues).toEqual([
      { path: 'initialCash', message: expect.stringContaining('at most 2 decimals') },
    ]);

    const symbol = await t.call('position.createPosition', {
      portfolioId: p.id,
      symbol: 'A B',
      initialCash: 100,
    });
    expect(symbol.issues?.[0]?.path).toBe('symbol');

    const none = await t.call('position.createPosition', {
      portfolioId: p.id,
      symbol: 'AAPL',
      initialCash: 0,
    });
    expect(none).toMatchObject({
      ok: false,
      code: 'validation',
      message: 'A position needs initial cash or shares already held',
      issues: [{ path: 'initialCash', message: 'A position needs initial cash or shares already held' }],
    });
    expect((await t.call('position.listPositions', {})).value).toEqual([]);
  });

  it('refuses an unknown symbol on position creation and writes nothing', async () => {
    const p = await portfolio();
    const r = await t.call('position.createPosition', {
      portfolioId: p.id,
      symbol: 'xyzq',
      initialCash: 1000,
    });
    expect(r).toMatchObject({
      ok: false,
      code: 'validation',
      issues: [{ path: 'symbol', message: expect.stringMatching(/^Unknown symbol "XYZQ"/) }],
    });
    expect((await t.call('position.listPositions', {})).value).toEqual([]);
  });

  it('refuses absurd but valid numbers with one message per field in the user’s units, no schema path', async () => {
    const p = await position((await portfolio()).id);
    const cases: { channel: string; payload: object; path: string; message: string }[] = [
      {
        channel: 'position.setAnchor',
        payload: { positionId: p.id, anchor: 5e-324, why: 'typo' },
        path: 'anchor',
        message: 'Anchor must be between $0.0001 and $10,000,000, with at most 4 decimals',
      },
      {
        channel: 'position.depositCash',
        payload: { positionId: p.id, amount: 1e15 },
        path: 'amount',
        message: 'Amount must be between $0.01 and $1,000,000,000, with at most 2 decimals (cents)',
      },
      {
        channel: 'position.createPosition',
        payload: { portfolioId: p.portfolioId, symbol: 'KO', initialCash: 1e300 },
        path: 'initialCash',
        message: 'Initial cash must be between $0 and $1,000,000,000, with at most 2 decimals (cents)',
      },
      {
        channel: 'position.changeConfig',
        payload: { positionId: p.id, override: { trigger: { downThreshold: 0.9 } } },
        path: 'override.trigger.downThreshold',
        message: 'Down threshold must be between 0.1 % and 50 %',
      },
    ];
    for (const c of cases) {
      const r = await t.call(c.channel, c.payload);
      expect(r, c.channel).toMatchObject({ ok: false, code: 'validation', message: c.message });
      expect(r.issues, c.channel).toEqual([{ path: c.path, message: c.message }]);
      expect(r.message).not.toMatch(/initialCash|downThreshold|override\./);
    }
    const two = await t.call('position.createPosition', {
      portfolioId: p.portfolioId,
      symbol: 'KO',
      initialCash: -1,
      existingShares: 1e-9,
    });
    expect(two.issues?.map((i) => i.path)).toEqual(['initialCash', 'existingShares']);
    expect(two.message).toBe(
      'Initial cash must be between $0 and $1,000,000,000, with at most 2 decimals (cents); ' +
        'Shares held must be between 0 and 1,000,000,000 shares, with at most 6 decimals',
    );
    const after = (await t.call('position.getPosition', { positionId: p.id })).value as PositionDto;
    expect(after).toMatchObject({ anchor: null, cashCents: p.cashCents });
    expect(((await t.call('position.listPositions', {})).value as PositionDto[]).length).toBe(1);
  });

  it('deposits and withdraws, refusing an overdraft', async () => {
    const p = await position((await portfolio()).id);
    expect(await t.call('position.depositCash', { positionId: p.id, amount: 500.5 })).toMatchObject({
      ok: true,
      value: { cashCents: 1_050_050 },
    });
    expect(await t.call('position.withdrawCash', { positionId: p.id, amount: 20_000 })).toMatchObject({
      ok: false,
      code: 'insufficient_funds',
    });
    expect(await t.call('position.withdrawCash', { positionId: p.id, amount: 500.5 })).toMatchObject({
      ok: true,
      value: { cashCents: 1_000_000 },
    });
  });

  it('sets the anchor with who and why, and shows the trigger prices', async () => {
    const p = await position((await portfolio()).id);
    const r = await t.call(
      'position.setAnchor',
      { positionId: p.id, anchor: 100, why: 'start here' },
      { transport: 'loopback' },
    );
    expect(r).toMatchObject({
      ok: true,
      value: { anchor: 100, triggers: { anchor: 100, buyBelow: 97, sellAbove: 103 } },
    });
    const events = await t.call('eventLog.listEvents', { filter: { types: ['AnchorSet'] } });
    expect((events.value as EventPageDto).items[0]?.summary).toBe(
      'Anchor set by hand unset → $100.00 by user (browser): start here',
    );
    const missingWhy = await t.call('position.setAnchor', { positionId: p.id, anchor: 100, why: '' });
    expect(missingWhy).toMatchObject({ ok: false, code: 'validation' });
  });

  it('pauses, resumes and closes a position, refusing illegal moves', async () => {
    const p = await position((await portfolio()).id);
    expect(await t.call('position.pausePosition', { positionId: p.id })).toMatchObject({
      value: { status: 'PAUSED' },
    });
    expect(await t.call('position.pausePosition', { positionId: p.id })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await t.call('position.resumePosition', { positionId: p.id })).toMatchObject({
      value: { status: 'ACTIVE' },
    });
    expect(await t.call('position.closePosition', { positionId: p.id, why: 'done' })).toMatchObject({
      value: { status: 'CLOSED' },
    });
    expect(await t.call('position.depositCash', { positionId: p.id, amount: 1 })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('changes a position config and previews trigger prices of a proposed override', async () => {
    const p = await position((await portfolio()).id);
    await t.call('position.setAnchor', { positionId: p.id, anchor: 50, why: 'test' });
    const preview = await t.call('position.previewTriggers', {
      positionId: p.id,
      override: { trigger: { downThreshold: 0.1, upThreshold: 0.2 } },
    });
    expect(preview).toEqual({
      ok: true,
      // No price known in this test: the check against the last price has nothing to say.
      value: { triggers: { anchor: 50, buyBelow: 45, sellAbove: 60 }, message: null, atLastPrice: null },
    });
    const invalid = await t.call('position.previewTriggers', {
      positionId: p.id,
      override: { guardrails: { minStockPct: 0.9, maxStockPct: 0.1 } },
    });
    expect(invalid).toMatchObject({
      ok: true,
      value: { triggers: null, message: 'Minimum stock share must not be above the maximum stock share' },
    });
    const changed = await t.call('position.changeConfig', {
      positionId: p.id,
      override: { trigger: { downThreshold: 0.05 } },
    });
    expect(changed).toMatchObject({
      ok: true,
      value: {
        configOverride: { trigger: { downThreshold: 0.05 } },
        triggers: { buyBelow: 47.5, sellAbove: 51.5 },
      },
    });
    const bad = await t.call('position.changeConfig', {
      positionId: p.id,
      override: { trigger: { downThreshold: 2 } },
    });
    expect(bad).toMatchObject({ ok: false, code: 'validation' });
  });

  it('collapses closed-market HOLDs into one row per closed period, in the timeline and the event log', async () => {
    const pf = await portfolio();
    const p = await position(pf.id);
    const target = { tenantId: t.lb.backend.tenantId, portfolioId: pf.id, positionId: p.id, symbol: 'AAPL' };
    const { store } = t.lb.store;
    // Thursday's last priced evaluations, the night (12 closed ticks), Friday's first.
    seedEvaluations(store, target, 3, { endTs: Date.UTC(2025, 0, 2, 20, 55) });
    seedClosedHolds(store, target, 12, Date.UTC(2025, 0, 3, 14, 25));
    seedEvaluations(store, target, 2, { endTs: Date.UTC(2025, 0, 3, 14, 35), seed: 7 });

    const timeline = (
      await t.call('timeline.listEvaluations', { positionId: p.id, collapseClosed: true, limit: 4 })
    ).value as EvaluationPageDto;
    expect(timeline.items.map((r) => r.collapsed?.count ?? 1)).toEqual([1, 1, 12, 1]);
    expect(timeline.items[2]).toMatchObject({
      ts: Date.UTC(2025, 0, 3, 14, 25),
      collapsed: { count: 12, fromTs: Date.UTC(2025, 0, 3, 13, 30) },
    });
    const plain = (await t.call('timeline.listEvaluations', { positionId: p.id, limit: 100 }))
      .value as EvaluationPageDto;
    expect(plain.items).toHaveLength(17);

    const log = (await t.call('eventLog.listEvents', { collapseClosed: true, limit: 5 }))
      .value as EventPageDto;
    const closed = log.items.find((e) => e.collapsed);
    expect(closed).toMatchObject({
      summary: 'Market closed 2025-01-03 08:30 → 2025-01-03 09:25: 12 HOLDs on 12 ticks, nothing could trade',
      collapsed: { events: 24, evaluations: 12, ticks: 12 },
    });
    expect(log.items.filter((e) => e.collapsed)).toHaveLength(1);
  });

  it('pages a long evaluation timeline newest first without repeating rows', async () => {
    const pf = await portfolio();
    const p = await position(pf.id);
    seedEvaluations(
      t.lb.store.store,
      { tenantId: t.lb.backend.tenantId, portfolioId: pf.id, positionId: p.id, symbol: 'AAPL' },
      1200,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await t.call('timeline.listEvaluations', { positionId: p.id, cursor, limit: 250 });
      expect(r.ok).toBe(true);
      const page = r.value as EvaluationPageDto;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect([...seen].sort().reverse()).toEqual(seen);

    const trades = await t.call('timeline.listEvaluations', {
      positionId: p.id,
      actions: ['BUY', 'SELL'],
      limit: 50,
    });
    const items = (trades.value as EvaluationPageDto).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.evaluation.action !== 'HOLD')).toBe(true);

    const view = await t.call('position.getPosition', { positionId: p.id });
    expect(view).toMatchObject({
      ok: true,
      value: { lastAction: expect.any(String), lastPrice: expect.any(Number) },
    });
    const chart = await t.call('position.getChart', { positionId: p.id, limit: 100 });
    expect(chart).toMatchObject({ ok: true, value: { truncated: true } });
  });

  it('filters and searches the event log, and exports it to a file', async () => {
    const p = await position((await portfolio()).id);
    await t.call('position.depositCash', { positionId: p.id, amount: 42 });
    const search = await t.call('eventLog.listEvents', { filter: { search: 'deposited +$42.00' } });
    expect((search.value as EventPageDto).items.map((e) => e.type)).toEqual(['CashDeposited']);
    const byType = await t.call('eventLog.listEvents', {
      filter: { types: ['PositionOpened'], positionId: p.id },
    });
    expect((byType.value as EventPageDto).items).toHaveLength(1);
    const future = await t.call('eventLog.listEvents', { filter: { from: '2099-01-01' } });
    expect((future.value as EventPageDto).items).toEqual([]);
    const badRange = await t.call('eventLog.listEvents', {
      filter: { from: '2025-02-01', to: '2025-01-01' },
    });
    expect(badRange).toMatchObject({ ok: false, code: 'validation', issues: [{ path: 'filter.to' }] });

    const exported = await t.call('report.exportEvents', { filter: {}, format: 'csv' });
    expect(exported).toMatchObject({
      ok: true,
      value: { downloadPath: expect.stringMatching(/^\/downloads\/[A-Za-z0-9_-]{43}$/) }, // a one-time id (ADR 0078)
    });
    const { file, bytes } = exported.value as { file: string; bytes: number };
    const csv = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(csv)).toBe(bytes);
    expect(csv.split('\r\n')[0]).toBe(
      'id,ts,recorded_at,type,symbol,position_id,correlation_id,summary,payload,hash',
    );
    expect(csv).toContain('CashDeposited,AAPL');

    expect(await t.call('eventLog.verifyChain', {})).toMatchObject({
      ok: true,
      value: { ok: true, count: expect.any(Number) },
    });
  });

  it('shows the dashboard of a portfolio', async () => {
    const pf = await portfolio();
    await position(pf.id, 'AAPL', 1000);
    await position(pf.id, 'KO', 2000);
    const r = await t.call('portfolio.getDashboard', { portfolioId: pf.id });
    const d = r.value as DashboardDto;
    expect(d.cashCents).toBe(300_000);
    // Cash only, no shares yet: the value is known without any price (issue 15: never blank).
    expect(d.valueCents).toBe(300_000);
    expect(d.unpriced).toEqual([]);
    // Neither has traded yet: both buy at the next tick with the market open.
    expect(d.awaitingFirstTrade.map((a) => a.symbol)).toEqual(['AAPL', 'KO']);
    expect(d.nextTradeAt).toBeGreaterThan(t.lb.backend.trading.status().now);
    expect(d.allocation.map((a) => a.symbol)).toEqual(['AAPL', 'KO']);
    expect(d.recent.some((e) => e.type === 'PositionOpened')).toBe(true);
    expect(await t.call('portfolio.getDashboard', { portfolioId: 'nope' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('keeps values when the market is closed: the last known quote, as of its time; shares without any price are shown apart', async () => {
    const pf = await portfolio();
    const aapl = await position(pf.id, 'AAPL', 1000);
    const ko = (
      await t.call('position.createPosition', {
        portfolioId: pf.id,
        symbol: 'KO',
        initialCash: 500,
        existingShares: 10,
      })
    ).value as PositionDto;
    const { store } = t.lb.store;
    const target = {
      tenantId: t.lb.backend.tenantId,
      portfolioId: pf.id,
      positionId: aapl.id,
      symbol: 'AAPL',
    };
    // A priced evaluation, then the market closes: HOLD market_closed without a price.
    seedEvaluations(store, target, 1, { endTs: Date.UTC(2025, 0, 2, 20, 55) });
    const priced = (await t.call('position.getPosition', { positionId: aapl.id })).value as PositionDto;
    expect(priced).toMatchObject({ lastPriceLive: true, lastPriceAt: Date.UTC(2025, 0, 2, 20, 55) });
    seedClosedHolds(store, target, 1, Date.UTC(2025, 0, 2, 23, 0));
    store.uow.transaction(() =>
      store.quotes.append(null, [
        {
          symbol: 'AAPL',
          ts: Date.UTC(2025, 0, 2, 21, 0),
          bid: 99.9,
          ask: 100.1,
          last: 100,
          source: 'scripted',
          tickId: null,
        },
      ]),
    );
    const closed = (await t.call('position.getPosition', { positionId: aapl.id })).value as PositionDto;
    expect(closed).toMatchObject({
      lastAction: 'HOLD',
      lastPrice: 100,
      lastPriceAt: Date.UTC(2025, 0, 2, 21, 0),
      lastPriceLive: false,
      valueCents: 100_000,
    });
    expect((await t.call('position.getPosition', { positionId: ko.id })).value).toMatchObject({
      lastPrice: null,
      valueCents: null,
    });
    const d = (await t.call('portfolio.getDashboard', { portfolioId: pf.id })).value as DashboardDto;
    expect(d).toMatchObject({
      valueCents: 150_000,
      cashCents: 150_000,
      stockValueCents: 0,
      pricesAsOf: null,
      unpriced: [{ positionId: ko.id, symbol: 'KO', qty: 10 }],
    });
  });

  it('pauses and resumes trading, pushing the status', async () => {
    expect(await t.call('trading.pauseTrading', {})).toMatchObject({
      ok: true,
      value: { paused: true, mode: 'scripted' },
    });
    expect(t.lb.calls.pause).toBe(1);
    expect(t.pushes.at(-1)).toMatchObject({ push: 'trading.statusChanged', payload: { paused: true } });
    expect(await t.call('trading.resumeTrading', {})).toMatchObject({ ok: true, value: { paused: false } });
    expect(await t.call('trading.evaluateNow', {})).toMatchObject({
      ok: true,
      value: { tickId: 'manual:1' },
    });
  });

  it('stores preferences and writes price policy and extended hours to every portfolio', async () => {
    const pf = await portfolio();
    const r = await t.call('settings.updateSettings', {
      pricePolicy: 'LAST',
      extendedHours: true,
      theme: 'dark',
      notifications: { fills: false },
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        preferences: {
          pricePolicy: 'LAST',
          theme: 'dark',
          notifications: { fills: false, rejections: true },
        },
      },
    });
    const list = await t.call('portfolio.listPortfolios', {});
    expect((list.value as PortfolioDto[]).find((p) => p.id === pf.id)?.config.execution).toMatchObject({
      pricePolicy: 'LAST',
      allowExtendedHours: true,
    });
    expect(t.pushes.at(-1)).toMatchObject({ push: 'settings.changed', payload: { theme: 'dark' } });
    const bad = await t.call('settings.updateSettings', { tickIntervalMinutes: 0 });
    expect(bad).toMatchObject({ ok: false, code: 'validation', issues: [{ path: 'tickIntervalMinutes' }] });
    const login = await t.call('settings.updateSettings', { launchAtLogin: true });
    expect(login).toMatchObject({ ok: false, code: 'unavailable' });
    const restart = await t.call('settings.updateSettings', { tickIntervalMinutes: 1 });
    expect((restart.value as SettingsDto).pendingRestart).toContain('next time');
  });

  it('turns backend facts into pushes', async () => {
    const p = await position((await portfolio()).id);
    t.lb.emit({
      type: 'notification',
      notification: {
        kind: 'fill',
        title: 'Bought 1 AAPL',
        body: 'at 1',
        tenantId: null,
        positionId: p.id,
        symbol: 'AAPL',
        at: 5,
      },
    });
    expect(t.pushes.at(-1)).toEqual({
      push: 'notification.posted',
      payload: {
        kind: 'fill',
        title: 'Bought 1 AAPL',
        body: 'at 1',
        positionId: p.id,
        symbol: 'AAPL',
        at: 5,
      },
    });
  });

  it('backs up into backups/, lists the backups and stages a verified restore', async () => {
    await portfolio();
    expect(await t.call('backup.listBackups', {})).toMatchObject({
      ok: true,
      value: { backups: [], staged: null },
    });
    const made = await t.call('backup.createBackup', {});
    expect(made).toMatchObject({ ok: true });
    const file = (made.value as { file: string }).file;
    expect(file.startsWith(join(t.lb.backend.dataDir, 'backups'))).toBe(true);

    const list = (await t.call('backup.listBackups', {})).value as BackupListDto;
    expect(list.backups).toHaveLength(1);
    const name = list.backups[0]?.name as string;
    expect(list.backups[0]?.bytes).toBeGreaterThan(0);

    expect(await t.call('backup.stageRestore', { name })).toEqual({
      ok: true,
      value: { stagedFrom: file, restartRequired: true },
    });
    expect(existsSync(restoreMarkerOf(t.lb.backend.databaseFile))).toBe(true);
    expect(((await t.call('backup.listBackups', {})).value as BackupListDto).staged).toMatchObject({
      from: file,
    });
  });

  it('refuses to stage a path, a missing backup or one whose hash chain fails', async () => {
    await portfolio();
    expect(await t.call('backup.stageRestore', { name: '../ledger.db' })).toMatchObject({
      ok: false,
      code: 'validation',
    });
    expect(await t.call('backup.stageRestore', { name: 'nope.db' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const made = await t.call('backup.createBackup', {});
    const file = (made.value as { file: string }).file;
    tamperWithFirstEvent(file, t.lb.backend.tenantId);
    const name = file.slice(file.lastIndexOf('/') + 1);
    const refused = await t.call('backup.stageRestore', { name });
    expect(refused).toMatchObject({ ok: false, code: 'validation' });
    expect(refused.message).toMatch(/event-log check/);
    expect(existsSync(restoreMarkerOf(t.lb.backend.databaseFile))).toBe(false);
  });

  it('restarts the app where the host can, and says to restart the daemon in headless mode', async () => {
    expect(await t.call('app.restartApp', {})).toMatchObject({
      ok: true,
      value: { restarting: false, message: expect.stringMatching(/restart the daemon/) as unknown },
    });
    let restarted = 0;
    const desktop = await openTestIpc({ mode: 'electron', restartApp: () => (restarted += 1) });
    try {
      expect(await desktop.call('app.restartApp', {})).toMatchObject({
        ok: true,
        value: { restarting: true },
      });
      expect(restarted).toBe(1);
    } finally {
      await desktop.close();
    }
  });

  it('answers unknown channels and ids with typed errors', async () => {
    expect(await t.call('nope.nothing', {})).toMatchObject({ ok: false, code: 'unknown_channel' });
    expect(await t.call('position.getPosition', { positionId: 'missing' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(
      await t.call('simulation.startSimulation', {
        setup: { symbols: ['ZZZZ'], from: '2020-01-01', to: '2020-02-01', initialCash: 1 },
      }),
    ).toMatchObject({ ok: false, code: 'validation', issues: [{ path: 'setup.symbols' }] });
    expect(await t.call('simulation.getRun', { runId: 'nope' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
