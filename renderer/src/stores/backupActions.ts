import { ipc } from './client';
import { useExportsStore } from './exportsStore';

/** A consistent copy of the database, taken while trading runs (SPEC 6). */
export function ipcBackup(): Promise<void> {
  return useExportsStore.getState().run('backup', () => ipc().invoke('backup.createBackup', {}));
}
