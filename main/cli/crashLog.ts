import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDirectorySync } from '../adapters/files/ensureDirectory';
import { DEFAULT_DATA_DIR } from '../composition/dataDir';

/**
 * Where an unexpected error's details go (a stack trace is for the log, not the terminal):
 * `<data folder>/logs/cli-errors.log` (VB_HOME or the default folder), else the system's temporary
 * folder. Returns the file written, or null when none could be.
 */
export function writeCrashLog(error: unknown, argv: readonly string[]): string | null {
  const entry = `${new Date().toISOString()} vb ${argv.join(' ')}\n${
    error instanceof Error ? (error.stack ?? error.message) : String(error)
  }\n\n`;
  const home = process.env.VB_HOME ?? DEFAULT_DATA_DIR;
  for (const dir of [path.join(home, 'logs'), os.tmpdir()]) {
    try {
      ensureDirectorySync(dir);
      const file = path.join(dir, 'cli-errors.log');
      fs.appendFileSync(file, entry);
      return file;
    } catch {
      // Try the next place.
    }
  }
  return null;
}
