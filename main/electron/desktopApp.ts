import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import type { TradingStatusDto } from '../../shared/ipc/dto/trading';
import type { Notification as BackendNotification } from '../../shared/ports/Notifier';
import type { Backend } from '../composition/Backend';
import type { BackendOptions } from '../composition/createBackend';
import { createIpc, type Ipc } from '../ipc/createIpc';
import { createSimulationService } from '../ipc/simulation';
import { createElectronHost } from './electronHost';
import { denyPermissions, hardenContents } from './hardenContents';
import { forwardPushes, registerIpc } from './ipcBridge';
import { DesktopNotifier } from './notifications';
import { ElectronPreferencesStore } from './preferencesStore';
import { secureWebPreferences, type RendererLocation } from './security';
import { trayMenuTemplate, trayStatusLine } from './tray';
import { trayIconBitmap } from './trayIcon';
import { restoreWindowState, type WindowState } from './windowState';

export interface DesktopDeps {
  createBackend: (options: BackendOptions) => Promise<Backend>;
  /** Where the built app lives (`out/main`): the preload and the page are found from it. */
  outDir: string;
  /** Set by `electron-vite dev`: the renderer's dev server. */
  devServerUrl?: string | undefined;
  log?: (message: string, detail?: unknown) => void;
}

export interface Desktop {
  backend: Backend;
  ipc: Ipc;
  window(): BrowserWindow | null;
  showWindow(): void;
  /** Quits for real: stops the backend gracefully, then exits. */
  quit(): Promise<void>;
}

/**
 * The Electron shell (SPEC 6): one instance; a hardened window whose bounds are remembered; the backend
 * keeps trading when the window is closed (close-to-tray); a tray with status, pause/resume, evaluate
 * now, open and quit; desktop notifications, mutable per kind; preferences in electron-store. Returns
 * null when another instance already runs (that one is brought to the front).
 */
export async function startDesktop(deps: DesktopDeps): Promise<Desktop | null> {
  const log = deps.log ?? ((message: string, detail?: unknown) => console.error(message, detail ?? ''));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();

  const location: RendererLocation = deps.devServerUrl
    ? { kind: 'dev', url: deps.devServerUrl }
    : { kind: 'file', file: path.join(deps.outDir, '..', 'renderer', 'index.html') };
  denyPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, location));

  const preferences = new ElectronPreferencesStore();
  const prefs = preferences.get();
  const dataDir = app.getPath('userData');
  const tickIntervalMs = prefs.tickIntervalMinutes * 60_000;
  let win: BrowserWindow | null = null;
  let quitting = false;

  const showWindow = (): void => {
    if (!win || win.isDestroyed()) win = createWindow();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const notifier = new DesktopNotifier(
    {
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
    },
    () => preferences.get(),
    (n: BackendNotification) => {
      showWindow();
      if (n.positionId)
        void win?.webContents.executeJavaScript(
          `location.hash = ${JSON.stringify(`#/positions/${n.positionId}`)}`,
        );
    },
    log,
  );

  let backend: Backend;
  try {
    backend = await deps.createBackend({
      dataDir,
      provider: prefs.provider === 'yahoo' ? 'yahoo' : 'replay',
      tickIntervalMs,
      notifier,
    });
  } catch (err) {
    dialog.showErrorBox(
      'Volatility Balancing cannot start',
      err instanceof Error ? err.message : String(err),
    );
    app.exit(1);
    return null;
  }

  const host = createElectronHost({
    app,
    dialog,
    shell,
    window: () => win,
    preferences,
    tickIntervalMs,
    logDir: path.join(dataDir, 'logs'),
    startedAt: Date.now(),
    // After the IPC answer has gone out: stop the backend, then start again (a staged restore applies).
    restart: () => setTimeout(() => void quit({ relaunch: true }), 100),
  });
  const ipc = createIpc({
    backend,
    host,
    simulations: (pushes) => createSimulationService(backend, pushes),
    responseCheck: app.isPackaged ? 'warn' : 'strict',
    log,
  });
  registerIpc(ipcMain, ipc.dispatch, location, log);
  forwardPushes(ipc.hub, () => (win && !win.isDestroyed() ? win.webContents : null));
  app.setLoginItemSettings({ openAtLogin: prefs.launchAtLogin });

  // ── tray ──────────────────────────────────────────────────────────────────────────────────
  const tray = new Tray(
    nativeImage.createFromBitmap(trayIconBitmap(32), { width: 32, height: 32, scaleFactor: 2 }),
  );
  let trading: TradingStatusDto | null = null;
  const call = (channel: 'trading.pauseTrading' | 'trading.resumeTrading' | 'trading.evaluateNow') =>
    void ipc.dispatch(channel, {}, { transport: 'electron' }).then((r) => {
      if (!r.ok) log(`tray: ${channel} failed`, r.message);
    });
  const refreshTray = (): void => {
    tray.setToolTip(`Volatility Balancing — ${trayStatusLine(trading)}`);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(trading, {
          pause: () => call('trading.pauseTrading'),
          resume: () => call('trading.resumeTrading'),
          evaluateNow: () => call('trading.evaluateNow'),
          open: showWindow,
          quit: () => void quit(),
        }),
      ),
    );
  };
  ipc.hub.subscribe((push, payload) => {
    if (push === 'trading.statusChanged') {
      trading = payload as TradingStatusDto;
      refreshTray();
    }
  });
  tray.on('click', showWindow);
  void ipc.dispatch('trading.getStatus', {}, { transport: 'electron' }).then((r) => {
    if (r.ok) trading = r.value as TradingStatusDto;
    refreshTray();
  });

  // ── window ────────────────────────────────────────────────────────────────────────────────
  function createWindow(): BrowserWindow {
    const state: WindowState = restoreWindowState(
      preferences.windowState(),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const created = new BrowserWindow({
      ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Volatility Balancing',
      backgroundColor: prefs.theme === 'dark' ? '#0e131a' : '#f4f6f9',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(path.join(deps.outDir, '..', 'preload', 'index.js')),
    });
    if (state.maximized) created.maximize();
    created.once('ready-to-show', () => created.show());
    const save = (): void => {
      if (created.isDestroyed() || created.isMinimized()) return;
      const bounds = created.getNormalBounds();
      preferences.saveWindowState({ ...bounds, maximized: created.isMaximized() });
    };
    let saveTimer: NodeJS.Timeout | undefined;
    const saveSoon = () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(save, 500);
    };
    created.on('resize', saveSoon);
    created.on('move', saveSoon);
    created.on('close', (event) => {
      save();
      if (quitting) return;
      // Close-to-tray: the backend keeps trading; the tray's Quit really quits.
      event.preventDefault();
      created.hide();
      notifyStillRunning();
    });
    if (location.kind === 'dev') void created.loadURL(location.url);
    else void created.loadFile(location.file);
    return created;
  }

  let toldAboutTray = false;
  function notifyStillRunning(): void {
    if (toldAboutTray || !Notification.isSupported()) return;
    toldAboutTray = true;
    new Notification({
      title: 'Volatility Balancing keeps trading',
      body: 'The window is closed; the live loop runs on in the tray. Use the tray menu to open it or to quit.',
      silent: true,
    }).show();
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────
  let stopping: Promise<void> | null = null;
  async function quit(options: { relaunch?: boolean } = {}): Promise<void> {
    quitting = true;
    stopping ??= (async () => {
      try {
        await ipc.close();
        await backend.stop();
      } catch (err) {
        log('stopping the backend failed', err);
      }
      tray.destroy();
      if (options.relaunch) app.relaunch();
      app.exit(0);
    })();
    return stopping;
  }
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('before-quit', (event) => {
    if (stopping) return;
    event.preventDefault();
    void quit();
  });
  // Closing the last window must not quit: the app lives in the tray.
  app.on('window-all-closed', () => undefined);

  backend.start();
  win = createWindow();
  return { backend, ipc, window: () => win, showWindow, quit };
}
