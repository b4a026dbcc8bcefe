import type { PreferencesDto } from '../../shared/ipc/dto/settings';

/** A file type offered by a save dialog, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Where the app's preferences live: electron-store on the desktop, a JSON file in headless mode. */
export interface PreferencesStore {
  get(): PreferencesDto;
  set(preferences: PreferencesDto): void;
}

/**
 * What the shell running the backend provides to the handlers: the Electron main process (dialogs,
 * the file manager, login items) or the headless process (files in the data folder, none of the
 * desktop features). Handlers never import `electron`; they call these.
 */
export interface HostServices {
  mode: 'electron' | 'headless';
  version: string;
  startedAt: number;
  logDir: string;
  /** The live loop's tick interval, as the shell configured the backend. */
  tickIntervalMs(): number;
  preferences: PreferencesStore;
  /**
   * The file an export is written to: the desktop asks with a native save dialog (null = cancelled);
   * headless mode picks a new file in the data folder's `exports/`.
   */
  chooseExportFile(suggestedName: string, filter: FileFilter): Promise<string | null>;
  /** A URL path the browser page can download `file` from (loopback mode), else null. */
  downloadPathOf(file: string): string | null;
  /** Opens a folder in the system's file manager; false when this host cannot. */
  openFolder(dir: string): Promise<boolean>;
  /** Launch at login, where the host supports it. */
  launchAtLogin: { set(enabled: boolean): void } | null;
  /**
   * Stops the backend and starts the app again (desktop: relaunch), e.g. to apply a staged restore;
   * null where the host cannot restart itself (headless: the daemon is restarted by hand).
   */
  restartApp: (() => void) | null;
  /** Native dialogs exist (desktop). */
  nativeDialogs: boolean;
}
