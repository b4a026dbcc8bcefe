import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { BackendOptions } from '../composition/createBackend';
import { dumpTables } from '../db/testing/testDatabase';
import { openLedgerBackend, type LedgerBackend } from '../ipc/testing/ledgerBackend';
import { startDesktop, type Desktop } from './desktopApp';
import { electronMock, FakeBrowserWindow, FakeNotification, FakeTray } from './testing/electronMock';

vi.mock('electron', () => import('./testing/electronMock').then((m) => m.electronMock));
vi.mock('electron-store', () => import('./testing/electronStoreMock'));

const OUT = '/opt/vb/out/main';
const PAGE = pathToFileURL('/opt/vb/out/renderer/index.html').href;
const trusted = { senderFrame: { url: `${PAGE}#/dashboard`, parent: null } };

type Invoke = (event: unknown, payload: unknown) => Promise<{ ok: boolean; code?: string; value?: unknown }>;
const invoke = (channel: string, payload: unknown, event: unknown = trusted) =>
  (electronMock.ipcMain.handlers.get(channel) as Invoke)(event, payload);

describe('the Electron shell (electron mocked)', () => {
  let lb: LedgerBackend;
  let desktop: Desktop;
  let backendOptions: BackendOptions | null = null;

  beforeAll(async () => {
    lb = await openLedgerBackend();
    const started = await startDesktop({
      outDir: OUT,
      createBackend: (options) => {
        backendOptions = options;
        return Promise.resolve(lb.backend);
      },
      log: () => undefined,
    });
    if (!started) throw new Error('the shell did not start');
    desktop = started;
    await new Promise((r) => setTimeout(r, 20));
  });

  afterAll(async () => {
    await desktop.ipc.close();
    await lb.close();
  });

  it('opens one hardened window on the built page with the sandboxed preload', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/vb/out/preload/index.js',
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.loaded).toEqual({ kind: 'file', target: '/opt/vb/out/renderer/index.html' });
    expect(win.visible).toBe(true);
    expect(electronMock.session.defaultSession.permissionRequestHandler).not.toBeNull();
  });

  it('starts the backend in the user-data folder with the preferences and the desktop notifier', () => {
    expect(backendOptions).toMatchObject({
      dataDir: '/tmp/vb-electron-test/userData',
      provider: 'replay',
      tickIntervalMs: 300_000,
    });
    expect(backendOptions?.notifier).toBeDefined();
  });

  it('registers a handler for every channel; answers the app’s page and refuses anyone else', async () => {
    expect(electronMock.ipcMain.handlers.size).toBeGreaterThan(30);
    expect(await invoke('app.getStatus', {})).toMatchObject({
      ok: true,
      value: { mode: 'electron', version: '9.9.9-test' },
    });
    const before = dumpTables(lb.store.db.sqlite);
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await invoke('portfolio.createPortfolio', { name: 'X' }, evil)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const subframe = { senderFrame: { url: PAGE, parent: {} } };
    expect(await invoke('portfolio.createPortfolio', { name: 'X' }, subframe)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(dumpTables(lb.store.db.sqlite)).toEqual(before);
  });

  it('rejects malformed payloads with a typed error and changes nothing', async () => {
    const before = dumpTables(lb.store.db.sqlite);
    for (const [channel, payload] of [
      ['portfolio.createPortfolio', { name: 42 }],
      ['portfolio.createPortfolio', 'Core'],
      ['position.depositCash', { positionId: 'p', amount: '100' }],
      ['position.setAnchor', { positionId: 'p', anchor: 100, why: 'x', extra: true }],
      ['settings.updateSettings', { theme: 'purple' }],
      ['trading.pauseTrading', { now: true }],
    ] as const) {
      expect(await invoke(channel, payload), channel).toMatchObject({ ok: false, code: 'validation' });
    }
    expect(dumpTables(lb.store.db.sqlite)).toEqual(before);
    expect(lb.calls.pause).toBe(0);
  });

  it('forwards pushes to the window', async () => {
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    await invoke('settings.updateSettings', { theme: 'dark' });
    expect(win.webContents.sent.at(-1)).toMatchObject({
      channel: 'vb:push',
      message: { push: 'settings.changed', payload: { theme: 'dark' } },
    });
  });

  it('puts status, pause/resume, evaluate now, open and quit in the tray, and they act', async () => {
    const tray = FakeTray.instances[0] as FakeTray;
    const labels = () => tray.menu?.items.map((i) => i.label).filter(Boolean);
    expect(labels()).toEqual([
      'Trading · data OK',
      'Pause trading',
      'Evaluate now',
      'Open Volatility Balancing',
      'Quit (stops trading)',
    ]);
    tray.menu?.items.find((i) => i.id === 'pause')?.click?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(lb.calls.pause).toBe(1);
    expect(labels()).toContain('Resume trading');
    tray.menu?.items.find((i) => i.id === 'resume')?.click?.();
    tray.menu?.items.find((i) => i.id === 'evaluate')?.click?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(lb.calls.resume).toBe(1);
    expect(lb.calls.evaluateNow).toBe(1);
  });

  it('shows a desktop notification on a fill, muted when the user turns fills off', async () => {
    const notify = (title: string) =>
      backendOptions?.notifier?.notify({
        kind: 'fill',
        title,
        body: 'b',
        tenantId: null,
        positionId: 'p1',
        symbol: 'AAPL',
        at: 1,
      });
    notify('Bought 61 AAPL @ 96.52');
    expect(FakeNotification.shown.map((n) => n.title)).toContain('Bought 61 AAPL @ 96.52');
    await invoke('settings.updateSettings', { notifications: { fills: false } });
    notify('Bought 1 AAPL @ 90');
    expect(FakeNotification.shown.map((n) => n.title)).not.toContain('Bought 1 AAPL @ 90');
  });

  it('keeps trading when the window is closed (close-to-tray), and the tray reopens it', () => {
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(win.close()).toBe(true);
    expect(win.visible).toBe(false);
    expect(electronMock.app.exitCode).toBeNull();
    expect(FakeNotification.shown.some((n) => n.title === 'Volatility Balancing keeps trading')).toBe(true);
    FakeTray.instances[0]?.menu?.items.find((i) => i.id === 'open')?.click?.();
    expect(win.visible).toBe(true);
  });

  it('quits for real from the tray: stops the backend and exits', async () => {
    const stop = vi.spyOn(lb.backend, 'stop');
    await desktop.quit();
    expect(stop).toHaveBeenCalledOnce();
    expect(electronMock.app.exitCode).toBe(0);
    expect(FakeTray.instances[0]?.destroyed).toBe(true);
  });
});
