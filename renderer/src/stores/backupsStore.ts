import { create } from 'zustand';
import type { BackupListDto } from '../../../shared/ipc/dto/app';
import { ipcBackup } from './backupActions';
import { failureText, ipc } from './client';

interface BackupsState {
  list: BackupListDto | null;
  error: string | null;
  /** The backup being verified and staged. */
  staging: string | null;
  /** What the last staging did: the confirmation, or why the backup was refused. */
  outcome: { ok: boolean; message: string } | null;
  restarting: boolean;
  /** Headless: the daemon must be restarted by hand. */
  restartMessage: string | null;
  load(): Promise<void>;
  /** Backs up now, then lists the backups again. */
  backup(): Promise<void>;
  stage(name: string): Promise<boolean>;
  restart(): Promise<void>;
  dismiss(): void;
}

/** Backups in the data folder and the restore staged for the next start (SPEC 6 "Backup and restore"). */
export const useBackupsStore = create<BackupsState>()((set, get) => ({
  list: null,
  error: null,
  staging: null,
  outcome: null,
  restarting: false,
  restartMessage: null,
  async load() {
    const r = await ipc().invoke('backup.listBackups', {});
    set(r.ok ? { list: r.value, error: null } : { error: failureText(r) });
  },
  async backup() {
    await ipcBackup();
    await get().load();
  },
  async stage(name) {
    set({ staging: name, outcome: null, restartMessage: null });
    const r = await ipc().invoke('backup.stageRestore', { name });
    set({
      staging: null,
      outcome: r.ok
        ? {
            ok: true,
            message: `Restore of ${name} staged. It is verified again and applied at the next start; the current database is kept as a .bak file.`,
          }
        : { ok: false, message: failureText(r) },
    });
    await get().load();
    return r.ok;
  },
  async restart() {
    set({ restarting: true, restartMessage: null });
    const r = await ipc().invoke('app.restartApp', {});
    if (!r.ok) set({ restarting: false, restartMessage: failureText(r) });
    else set({ restarting: r.value.restarting, restartMessage: r.value.restarting ? null : r.value.message });
  },
  dismiss() {
    set({ outcome: null, restartMessage: null });
  },
}));
