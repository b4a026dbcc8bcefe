import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { contract, type Channel } from '../../shared/ipc/contract';

/**
 * The Electron shell: window and IPC wiring only. Everything it calls runs in plain Node as well
 * (see main/headless.ts); the rest of the shell (tray, notifications, dialogs) builds on this.
 */
const startedAt = Date.now();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

function registerHandlers(): void {
  const handlers: { [C in Channel]: () => unknown } = {
    'app.getStatus': () => ({
      version: app.getVersion(),
      mode: 'electron',
      startedAt,
      dataDir: app.getPath('userData'),
    }),
  };
  for (const channel of Object.keys(contract) as Channel[]) {
    ipcMain.handle(channel, (_event, payload: unknown) => {
      const parsed = contract[channel].request.safeParse(payload ?? {});
      if (!parsed.success) return { ok: false, code: 'validation', message: parsed.error.message };
      return { ok: true, value: handlers[channel]() };
    });
  }
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  void app.whenReady().then(() => {
    registerHandlers();
    createWindow();
  });
}
