import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../composition/Backend';
import { createIpc, type Ipc } from '../createIpc';
import { createHeadlessHost, exportsDirOf } from '../headless/headlessHost';
import { JsonPreferencesStore } from '../headless/JsonPreferencesStore';
import { createSimulationService } from '../simulation';
import { DownloadTickets } from './downloadTickets';
import { startLoopbackServer, type LoopbackServer } from './server';

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer; `out/renderer` of the project by default. Null serves the API only. */
  rendererDir?: string | null;
  /** The tick interval the backend was created with (shown on the Dashboard). */
  tickIntervalMs: number;
  version?: string;
  /** `strict` turns an answer its schema refuses into an error (tests); `warn` (default) logs it. */
  responseCheck?: 'strict' | 'warn';
  log?: (message: string, detail?: unknown) => void;
}

export interface Served {
  server: LoopbackServer;
  ipc: Ipc;
  /** Stops serving (the backend is the caller's to stop). */
  close(): Promise<void>;
}

/**
 * Serves a running backend over the loopback transport (SPEC 6 headless mode), with the UI: call it from
 * the headless entry, print `server.uiUrl`, and open that address in a browser on the same machine.
 */
export async function serveBackend(backend: Backend, options: ServeOptions): Promise<Served> {
  const preferences = new JsonPreferencesStore(path.join(backend.dataDir, 'preferences.json'));
  const downloads = new DownloadTickets(exportsDirOf(backend.dataDir));
  const host = createHeadlessHost({
    dataDir: backend.dataDir,
    version: options.version ?? packageVersion(),
    tickIntervalMs: options.tickIntervalMs,
    preferences,
    downloads,
  });
  const ipc = createIpc({
    backend,
    host,
    simulations: (pushes) => createSimulationService(backend, pushes),
    responseCheck: options.responseCheck ?? 'warn',
    ...(options.log ? { log: options.log } : {}),
  });
  const rendererDir = options.rendererDir === undefined ? defaultRendererDir() : options.rendererDir;
  const server = await startLoopbackServer({
    dispatch: ipc.dispatch,
    hub: ipc.hub,
    port: options.port ?? 0,
    rendererDir,
    downloads,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    server,
    ipc,
    close: async () => {
      await server.close();
      await ipc.close();
    },
  };
}

function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export function defaultRendererDir(): string {
  return path.join(projectRoot(), 'out', 'renderer');
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
}
