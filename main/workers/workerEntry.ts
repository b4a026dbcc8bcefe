import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Where a worker's entry file is and how to start it: the built `.js` beside this file when there is
 * one (the packaged app), else the `.ts` source through a small bootstrap that registers tsx's
 * CommonJS hook first (the CLI under tsx, tests).
 */
export function workerEntry(name: string): { file: string; options: WorkerOptions } {
  const js = path.join(__dirname, `${name}.js`);
  if (existsSync(js)) return { file: js, options: {} };
  return {
    file: path.join(__dirname, 'tsWorkerBootstrap.mjs'),
    options: { workerData: { tsEntry: path.join(__dirname, `${name}.ts`) } },
  };
}
