import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDirectory, ensureDirectorySync } from './ensureDirectory';

/**
 * THE way the app writes a file other than its SQLite database (ADR 0075): the clock of the demo,
 * preferences, the chain head, exports, reports and backups. The bytes go to a temporary file in the
 * same folder (a rename never crosses file systems), are flushed to disk (`fsync`), the temporary file
 * is renamed over the target, and the folder itself is flushed so the rename survives a power cut. A
 * reader sees the old file or the new one, never an empty or half-written one, whenever the process
 * is killed.
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  ensureDirectorySync(dir);
  sweepStaleTemps(target);
  const temp = tempNameOf(target);
  try {
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fsyncDirSync(dir);
}

/** {@link writeFileAtomicSync} without blocking the event loop. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await ensureDirectory(dir);
  sweepStaleTemps(target);
  const temp = tempNameOf(target);
  try {
    const handle = await fs.promises.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
  fsyncDirSync(dir);
}

/**
 * Puts a file that was written elsewhere (a stream, SQLite's backup API) in place the same way:
 * flushes `temp`, renames it over `file`, flushes the folder. `temp` must be in the same folder.
 */
export function commitTempFileSync(temp: string, file: string): void {
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDirSync(path.dirname(path.resolve(file)));
}

/** A temporary name beside `file`, unique per process and call, that `listBackups`-style scans skip. */
export function tempNameOf(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

const swept = new Set<string>();

/** Once per target and process: removes temporary files a killed writer left beside it. */
function sweepStaleTemps(target: string): void {
  if (swept.has(target)) return;
  swept.add(target);
  const prefix = `${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /^\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length)))
      fs.rmSync(path.join(path.dirname(target), name), { force: true });
  }
}

/** Flushes a folder's entries (a rename) to disk; a platform that cannot open folders (Windows) skips it. */
function fsyncDirSync(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder (EINVAL); the rename itself is still atomic.
  } finally {
    fs.closeSync(fd);
  }
}

/** What reading a small state file found: nothing there yet, its text, or why it cannot be used. */
export type StateFileRead<T> =
  { state: 'missing' } | { state: 'ok'; value: T } | { state: 'unreadable'; message: string };

/**
 * Reads a JSON state file the app wrote with {@link writeFileAtomicSync}. A file that is not there is
 * `missing` (a first start); a file that is there but empty, not JSON or not of the expected shape is
 * `unreadable` with a sentence saying which file and why: the caller reports it and never silently
 * starts over from defaults.
 */
export function readJsonStateFile<T>(file: string, parse: (value: unknown) => T | null): StateFileRead<T> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', message: `${file} cannot be read: ${(err as Error).message}` };
  }
  if (text.trim() === '') return { state: 'unreadable', message: `${file} is empty` };
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (err) {
    return { state: 'unreadable', message: `${file} is not JSON (${(err as Error).message})` };
  }
  const value = parse(json);
  return value === null
    ? { state: 'unreadable', message: `${file} does not hold what the app wrote there` }
    : { state: 'ok', value };
}

/** A state file the app cannot trust: refused rather than reset (exit 2 on the command line). */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
