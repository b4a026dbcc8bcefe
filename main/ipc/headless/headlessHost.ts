import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { HostServices, PreferencesStore } from '../HostServices';
import { JsonPreferencesStore } from './JsonPreferencesStore';

export interface HeadlessHostOptions {
  dataDir: string;
  version: string;
  logDir?: string;
  tickIntervalMs: number;
  preferences?: PreferencesStore;
  /** One-time download links of the loopback server (ADR 0078); without them exports have no link. */
  downloads?: { issue(file: string): string | null };
}

/** Where headless exports go: the data folder's `exports/`; the loopback server offers them for download. */
export function exportsDirOf(dataDir: string): string {
  return join(dataDir, 'exports');
}

/**
 * The host services of headless mode: no dialogs (exports get a fresh name in `exports/`), no file
 * manager, no login items; preferences in `preferences.json` of the data folder.
 */
export function createHeadlessHost(options: HeadlessHostOptions): HostServices {
  const exportsDir = exportsDirOf(options.dataDir);
  return {
    mode: 'headless',
    version: options.version,
    startedAt: Date.now(),
    logDir: options.logDir ?? join(options.dataDir, 'logs'),
    tickIntervalMs: () => options.tickIntervalMs,
    preferences: options.preferences ?? new JsonPreferencesStore(join(options.dataDir, 'preferences.json')),
    chooseExportFile: (suggestedName) => {
      mkdirSync(exportsDir, { recursive: true });
      return Promise.resolve(freshName(exportsDir, basename(suggestedName)));
    },
    downloadPathOf: (file) => {
      const full = resolve(file);
      return full.startsWith(resolve(exportsDir) + sep) ? (options.downloads?.issue(full) ?? null) : null;
    },
    openFolder: () => Promise.resolve(false),
    launchAtLogin: null,
    restartApp: null,
    nativeDialogs: false,
  };
}

/** `name`, or `name-2`, `name-3`… before the extension, whichever does not exist yet. */
function freshName(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(dir, name);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dir, `${stem}-${n}${ext}`);
  return candidate;
}
