import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { fileStamp } from '../db/backups';
import type { PreferencesDto } from '../../shared/ipc/dto/settings';
import type { PreferencesStore } from '../ipc/HostServices';
import { mergeStoredPreferences } from '../ipc/preferences';
import type { WindowState } from './windowState';

interface Stored {
  preferences?: unknown;
  window?: unknown;
}

/**
 * The desktop's preferences in electron-store (`preferences.json` in the user-data folder): the app's
 * settings and the window's last bounds. Trading data never goes here (SPEC 6); it lives in SQLite.
 */
export class ElectronPreferencesStore implements PreferencesStore {
  private readonly store: Store<Stored>;
  private current: PreferencesDto;
  /** Why the file could not be read (it was moved aside, not silently reset; ADR 0075), or null. */
  readonly problem: string | null = null;

  constructor() {
    let store: Store<Stored>;
    try {
      store = new Store<Stored>({ name: 'preferences', clearInvalidConfig: false });
    } catch (err) {
      // A damaged file is kept beside it and reported, then a fresh one is started.
      const file = path.join(app.getPath('userData'), 'preferences.json');
      const keptAs = `${file}.unreadable-${fileStamp(new Date())}`;
      if (fs.existsSync(file)) fs.renameSync(file, keptAs);
      this.problem = `the preferences file ${file} could not be read (${(err as Error).message}); it was kept as ${keptAs} and the defaults are used`;
      console.error(this.problem);
      store = new Store<Stored>({ name: 'preferences', clearInvalidConfig: false });
    }
    this.store = store;
    this.current = mergeStoredPreferences(this.store.get('preferences'));
  }

  get(): PreferencesDto {
    return this.current;
  }

  set(preferences: PreferencesDto): void {
    this.store.set('preferences', preferences);
    this.current = preferences;
  }

  windowState(): unknown {
    return this.store.get('window');
  }

  saveWindowState(state: WindowState): void {
    this.store.set('window', state);
  }
}
