import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ipcFail, ipcOk } from '../../../shared/ipc/result';
import {
  backupsDirOf,
  defaultBackupFile,
  listBackups,
  stagedRestoreOf,
  stageRestore,
} from '../../composition/backup';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';

type Channels = 'backup.createBackup' | 'backup.listBackups' | 'backup.stageRestore';

/**
 * Backups live in the data folder's `backups/` (as the CLI's): the UI lists them and stages a restore
 * of one, applied when the backend next starts (it holds the database open now).
 */
export function backupHandlers({ backend, host }: HandlerDeps): Pick<Handlers, Channels> {
  return {
    'backup.createBackup': async () => {
      const file = defaultBackupFile(backend.dataDir, backend.databaseFile, new Date());
      mkdirSync(path.dirname(file), { recursive: true });
      const result = await backend.backup(file);
      return ipcOk({
        file: result.file,
        bytes: statSync(result.file).size,
        downloadPath: host.downloadPathOf(result.file),
      });
    },
    'backup.listBackups': () =>
      ipcOk({
        dir: backupsDirOf(backend.dataDir),
        backups: listBackups(backend.dataDir).map(({ name, bytes, modifiedAt }) => ({
          name,
          bytes,
          modifiedAt,
        })),
        staged: stagedRestoreOf(backend.databaseFile),
      }),
    'backup.stageRestore': (req) => {
      const file = path.join(backupsDirOf(backend.dataDir), req.name);
      const result = stageRestore(backend.dataDir, backend.databaseFile, file);
      if (result.ok) return ipcOk({ stagedFrom: result.staged.from, restartRequired: true as const });
      return ipcFail(result.code === 'not_found' ? 'not_found' : 'validation', result.message);
    },
  };
}
