import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes `dir` and any missing parents, one level at a time, and throws the first failure as it is.
 *
 * Node's own `mkdir(dir, { recursive: true })` loops forever where a parent exists but refuses a
 * child with ENOENT (any path under /proc: mkdir says "no such file", the recursive walk finds the
 * parent and tries again): the headless daemon hung on `--data-dir /proc/x`. Every folder the app
 * makes goes through here.
 */
export function ensureDirectorySync(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const stat = statOrNull(at);
    if (stat !== null) {
      if (!stat.isDirectory()) throw notADirectory(at);
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (e) {
      // Made by someone else meanwhile: fine, if it is a folder.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statOrNull(folder)?.isDirectory()) throw e;
    }
  }
}

/** The same, for async callers (the work is a handful of system calls). */
export async function ensureDirectory(dir: string): Promise<void> {
  ensureDirectorySync(dir);
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function notADirectory(p: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOTDIR: not a directory, mkdir '${p}'`);
  error.code = 'ENOTDIR';
  error.path = p;
  return error;
}
