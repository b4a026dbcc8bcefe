import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { commitTempFileSync, tempNameOf } from '../adapters/files/atomicFile';
import { ensureDirectory } from '../adapters/files/ensureDirectory';

export type WriteOutcome =
  { ok: true; files: string[] } | { ok: false; code: 'WRITE_FAILED'; message: string };

/**
 * Writes every file or none: each is written to a temporary name first and renamed into place only
 * when all were written (flushed first: ADR 0075); on failure the temporary files are removed.
 */
export async function writeAllOrNothing(
  outputs: readonly { file: string; data: string | Buffer }[],
): Promise<WriteOutcome> {
  const temps: string[] = [];
  try {
    for (const o of outputs) {
      await ensureDirectory(path.dirname(path.resolve(o.file)));
      const temp = tempNameOf(path.resolve(o.file));
      temps.push(temp);
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(o.data);
      } finally {
        await handle.close();
      }
    }
    // Each flushed, renamed into place and its folder flushed (ADR 0075).
    for (let i = 0; i < outputs.length; i++)
      commitTempFileSync(temps[i] as string, path.resolve((outputs[i] as { file: string }).file));
    return { ok: true, files: outputs.map((o) => o.file) };
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    return {
      ok: false,
      code: 'WRITE_FAILED',
      message: `cannot write ${outputs.map((o) => o.file).join(', ')}: ${writeErrorWords(e)}`,
    };
  }
}

/** Why a file could not be written, in words (not the temporary name the system error names). */
export function writeErrorWords(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a file is in the way of its folder';
    case 'EISDIR':
      return 'a folder has that name';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return (e as Error).message;
  }
}
