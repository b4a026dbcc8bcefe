import path from 'node:path';
import type { App, BrowserWindow, Dialog, Shell } from 'electron';
import type { FileFilter, HostServices, PreferencesStore } from '../ipc/HostServices';

export interface ElectronHostDeps {
  app: Pick<App, 'getVersion' | 'getPath' | 'setLoginItemSettings'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  window: () => BrowserWindow | null;
  preferences: PreferencesStore;
  tickIntervalMs: number;
  logDir: string;
  startedAt: number;
  /** Stops the backend, then relaunches the app (desktopApp.ts). */
  restart: () => void;
}

/** The desktop's host services: native save dialogs, the file manager, login items. */
export function createElectronHost(deps: ElectronHostDeps): HostServices {
  return {
    mode: 'electron',
    version: deps.app.getVersion(),
    startedAt: deps.startedAt,
    logDir: deps.logDir,
    tickIntervalMs: () => deps.tickIntervalMs,
    preferences: deps.preferences,
    chooseExportFile: async (suggestedName: string, filter: FileFilter) => {
      const options = {
        title: 'Save',
        defaultPath: path.join(deps.app.getPath('documents'), suggestedName),
        filters: [filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      };
      const win = deps.window();
      const answer = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    downloadPathOf: () => null,
    openFolder: async (dir: string) => (await deps.shell.openPath(dir)) === '',
    launchAtLogin: { set: (enabled: boolean) => deps.app.setLoginItemSettings({ openAtLogin: enabled }) },
    restartApp: deps.restart,
    nativeDialogs: true,
  };
}
