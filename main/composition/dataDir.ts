import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDirectorySync } from '../adapters/files/ensureDirectory';

/** The app's data folder unless `--data-dir` or VB_HOME says otherwise. */
export const DEFAULT_DATA_DIR = path.join(os.homedir(), '.volatility-balancing');

export type DataDirCheck = { ok: true; dir: string } | { ok: false; message: string };

/**
 * Whether the data folder can be used: made if missing (with its `logs` folder) and written to (a
 * probe file, removed at once). Fails fast with a sentence instead of hanging or failing deep inside
 * the logger or SQLite. Checked by the daemon before anything else is opened.
 */
export function checkDataDir(dir: string): DataDirCheck {
  const resolved = path.resolve(dir);
  const fail = (why: string): DataDirCheck => ({
    ok: false,
    message: `the data folder ${resolved} cannot be used (${why}); give a folder you can write to with --data-dir or VB_HOME`,
  });
  try {
    ensureDirectorySync(path.join(resolved, 'logs'));
  } catch (e) {
    return fail(reason(e));
  }
  const probe = path.join(resolved, `.write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
  } catch (e) {
    return fail(reason(e));
  } finally {
    fs.rmSync(probe, { force: true });
  }
  return { ok: true, dir: resolved };
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'a folder cannot be made there';
    case 'ENOTDIR':
      return 'a file is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code ?? (e as Error).message;
  }
}
