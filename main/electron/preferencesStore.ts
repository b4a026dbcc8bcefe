import Store from 'electron-store';
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
  private readonly store = new Store<Stored>({ name: 'preferences', clearInvalidConfig: true });
  private current: PreferencesDto = mergeStoredPreferences(this.store.get('preferences'));

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
