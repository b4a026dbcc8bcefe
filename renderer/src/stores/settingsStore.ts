import { create } from 'zustand';
import type { PreferencesDto, PreferencesPatchDto, SettingsDto } from '../../../shared/ipc/dto/settings';
import type { IpcIssue } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';

interface SettingsState {
  settings: SettingsDto | null;
  error: string | null;
  saving: boolean;
  saved: boolean;
  issues: IpcIssue[];
  load(): Promise<void>;
  update(patch: PreferencesPatchDto): Promise<boolean>;
  /** Push: settings.changed (another window, or the tray). */
  received(preferences: PreferencesDto): void;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  error: null,
  saving: false,
  saved: false,
  issues: [],
  async load() {
    const r = await ipc().invoke('settings.getSettings', {});
    set(r.ok ? { settings: r.value, error: null } : { error: failureText(r) });
  },
  async update(patch) {
    set({ saving: true, saved: false, issues: [], error: null });
    const r = await ipc().invoke('settings.updateSettings', patch);
    if (r.ok) set({ settings: r.value, saving: false, saved: true });
    // Field problems show beside their fields; only the rest is a banner.
    else
      set({
        saving: false,
        error: r.issues && r.issues.length > 0 ? null : failureText(r),
        issues: r.issues ?? [],
      });
    return r.ok;
  },
  received(preferences) {
    const settings = get().settings;
    if (settings) set({ settings: { ...settings, preferences } });
  },
}));
