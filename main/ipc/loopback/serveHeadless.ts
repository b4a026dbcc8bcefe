import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../composition/Backend';
import { createBackend } from '../../composition/createBackend';
import { createIpc, type Ipc } from '../createIpc';
import { createHeadlessHost, exportsDirOf } from '../headless/headlessHost';
import { JsonPreferencesStore } from '../headless/JsonPreferencesStore';
import { createSimulationService } from '../simulation';
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
  const host = createHeadlessHost({
    dataDir: backend.dataDir,
    version: options.version ?? packageVersion(),
    tickIntervalMs: options.tickIntervalMs,
    preferences,
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
    downloadsDir: exportsDirOf(backend.dataDir),
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

interface Flags {
  dataDir: string;
  port: number;
  /** Unset: the preference (Settings › provider). */
  provider?: 'replay' | 'yahoo';
  replayStart?: string;
  replaySpeed?: number;
  tickMs?: number;
  demo: boolean;
  rendererDir?: string;
  strict: boolean;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { dataDir: path.resolve('.vb-headless'), port: 0, demo: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--data-dir') flags.dataDir = path.resolve(value());
    else if (arg === '--port') flags.port = Number(value());
    else if (arg === '--provider') flags.provider = value() === 'yahoo' ? 'yahoo' : 'replay';
    else if (arg === '--replay-start') flags.replayStart = value();
    else if (arg === '--replay-speed') flags.replaySpeed = Number(value());
    else if (arg === '--tick-ms') flags.tickMs = Number(value());
    else if (arg === '--renderer-dir') flags.rendererDir = path.resolve(value());
    else if (arg === '--demo') flags.demo = true;
    else if (arg === '--strict') flags.strict = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return flags;
}

/**
 * `npx tsx main/ipc/loopback/serveHeadless.ts [--data-dir d] [--port 0] [--provider replay|yahoo]
 * [--replay-start 2020-02-20] [--replay-speed 300] [--tick-ms 300000] [--demo] [--strict]`: the headless backend
 * with the UI in a browser. Prints one JSON line `{ "url", "uiUrl", "token", "dataDir" }` once serving.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const preferences = new JsonPreferencesStore(path.join(flags.dataDir, 'preferences.json')).get();
  const tickIntervalMs = flags.tickMs ?? preferences.tickIntervalMinutes * 60_000;
  const backend = await createBackend({
    dataDir: flags.dataDir,
    provider: flags.provider ?? (preferences.provider === 'yahoo' ? 'yahoo' : 'replay'),
    replay: { startDate: flags.replayStart, speed: flags.replaySpeed },
    tickIntervalMs,
  });
  if (flags.demo && backend.queries.portfolios().length === 0) backend.useCases.createDemoPortfolio();
  const served = await serveBackend(backend, {
    port: flags.port,
    tickIntervalMs,
    responseCheck: flags.strict ? 'strict' : 'warn',
    ...(flags.rendererDir ? { rendererDir: flags.rendererDir } : {}),
  });
  backend.start();
  process.stdout.write(
    JSON.stringify({
      url: served.server.origin,
      uiUrl: served.server.uiUrl,
      token: served.server.token,
      dataDir: backend.dataDir,
    }) + '\n',
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await served.close();
    await backend.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
