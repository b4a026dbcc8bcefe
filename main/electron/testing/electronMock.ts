import { EventEmitter } from 'node:events';

/**
 * Test support: a fake of the parts of `electron` the shell uses, recording what it was asked to do.
 * Used with `vi.mock('electron', () => import('./testing/electronMock').then((m) => m.electronMock))`.
 */
type Listener = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  mainFrame = { url: '', parent: null };
  isDestroyed = () => false;
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
  executeJavaScript(code: string) {
    this.executed.push(code);
    return Promise.resolve();
  }
  executed: string[] = [];
}

class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  loaded: { kind: 'file' | 'url'; target: string } | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadFile(file: string) {
    this.loaded = { kind: 'file', target: file };
    this.emit('ready-to-show');
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = { kind: 'url', target: url };
    this.emit('ready-to-show');
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  /** What a user's click on the window's close button does. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
    return prevented;
  }
}

class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  menu: { items: { id?: string; label?: string; enabled?: boolean; click?: () => void }[] } | null = null;
  tooltip = '';
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    FakeTray.instances.push(this);
  }
  setContextMenu(menu: FakeTray['menu']) {
    this.menu = menu;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  destroy() {
    this.destroyed = true;
  }
}

class FakeNotification {
  static shown: { title: string; body: string }[] = [];
  private listeners: Listener[] = [];
  constructor(readonly options: { title: string; body: string }) {}
  static isSupported() {
    return true;
  }
  on(_event: string, listener: Listener) {
    this.listeners.push(listener);
  }
  show() {
    FakeNotification.shown.push({ title: this.options.title, body: this.options.body });
  }
  click() {
    for (const l of this.listeners) l();
  }
}

const appEvents = new EventEmitter();
const handlers = new Map<string, Listener>();

export const electronMock = {
  app: Object.assign(appEvents, {
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => `/tmp/vb-electron-test/${name}`,
    getVersion: () => '9.9.9-test',
    getAppPath: () => '/tmp/vb-electron-test/app',
    isPackaged: false,
    quit: () => undefined,
    relaunch: () => undefined,
    exitCode: null as number | null,
    exit(code: number) {
      this.exitCode = code;
    },
    enableSandbox: () => undefined,
    loginItems: [] as unknown[],
    setLoginItemSettings(settings: unknown) {
      this.loginItems.push(settings);
    },
  }),
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (items: unknown[]) => ({ items }) },
  nativeImage: { createFromBitmap: (buffer: Buffer, size: unknown) => ({ buffer, size }) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      permissionRequestHandler: null as Listener | null,
      permissionCheckHandler: null as Listener | null,
      setPermissionRequestHandler(h: Listener) {
        this.permissionRequestHandler = h;
      },
      setPermissionCheckHandler(h: Listener) {
        this.permissionCheckHandler = h;
      },
      on: () => undefined,
    },
  },
  ipcMain: {
    handlers,
    handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  dialog: {
    saveAnswer: { canceled: false, filePath: '/tmp/vb-electron-test/export.csv' } as {
      canceled: boolean;
      filePath?: string;
    },
    showSaveDialog(..._args: unknown[]) {
      return Promise.resolve(this.saveAnswer);
    },
    errors: [] as string[],
    showErrorBox(title: string, content: string) {
      this.errors.push(`${title}: ${content}`);
    },
  },
  shell: { openPath: () => Promise.resolve('') },
  contextBridge: { exposeInMainWorld: () => undefined },
  ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined },
};

export type ElectronMock = typeof electronMock;
export { FakeBrowserWindow, FakeNotification, FakeTray, FakeWebContents };
