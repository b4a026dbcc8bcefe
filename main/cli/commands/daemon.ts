import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Backend } from '../../composition/Backend';
import type { BackendOptions } from '../../composition/createBackend';
import { checkDataDir, DEFAULT_DATA_DIR } from '../../composition/dataDir';
import type { ProviderChoice } from '../../composition/marketDataChoice';
import type { CliContext } from '../CliContext';
import { BadInput } from '../exitCodes';
import { backupFile, choice, count, dataDir, date, inputFile, number, port, valueOption } from '../values';

export interface DaemonOptions {
  dataDir: string;
  provider: ProviderChoice;
  replayStart?: string;
  replaySpeed?: number;
  /** Create the demo portfolio when the database has no portfolio (the offline demo). */
  demo: boolean;
  /** Stop by itself after this many seconds (demos, smoke tests); run until a signal otherwise. */
  durationSec?: number;
  /** Print log lines to stdout as well as to the rotated files. */
  stdoutLogs: boolean;
  /** Stops the daemon when aborted (the CLI's Ctrl-C signal); SIGINT and SIGTERM always do. */
  signal?: AbortSignal;
  say?: (line: string) => void;
  /** Runs first when stopping (e.g. closing the UI server), before the backend stops. */
  beforeStop?: () => Promise<void>;
}

/**
 * The headless backend (SPEC 6): the same backend as the desktop app, as a long-running process.
 * SIGINT/SIGTERM stop it gracefully: no new tick or intent starts, the one in flight finishes (its
 * transaction commits), timers stop and the database is closed. `stopped` resolves then.
 */
export async function runDaemon(
  options: DaemonOptions,
  overrides: Partial<BackendOptions> = {},
): Promise<{ backend: Backend; stopped: Promise<void> }> {
  const say = options.say ?? defaultSay;
  const { createBackend } = await import('../../composition/createBackend');
  const backend = await createBackend({
    dataDir: options.dataDir,
    provider: options.provider,
    replay: { startDate: options.replayStart, speed: options.replaySpeed },
    logToStdout: options.stdoutLogs,
    ...overrides,
  });
  if (options.demo && backend.queries.portfolios().length === 0) {
    const demo = backend.useCases.createDemoPortfolio();
    if (demo.ok)
      say(
        `created the demo portfolio: ${demo.value.positions.map((p) => p.symbol).join(', ')}, $25,000 each`,
      );
  }
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | null = null;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const stop = (why: string): Promise<void> => {
    stopping ??= (async () => {
      clearTimeout(timer);
      for (const signal of SIGNALS) process.removeListener(signal, onSignal);
      say(`stopping (${why}): finishing the work in flight…`);
      await options.beforeStop?.();
      await backend.stop();
      say('stopped cleanly');
      markStopped();
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals): void => void stop(signal);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  options.signal?.addEventListener('abort', () => void stop('cancelled'), { once: true });
  backend.start();
  const status = backend.trading.status();
  say(
    `running: provider ${backend.provider}, database ${backend.databaseFile}, clock ${new Date(status.now).toISOString()}; ` +
      `logs in ${backend.dataDir}/logs. Ctrl+C stops.`,
  );
  if (options.durationSec !== undefined) {
    timer = setTimeout(
      () => void stop(`--duration ${options.durationSec}s elapsed`),
      options.durationSec * 1000,
    );
  }
  return { backend, stopped };
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function defaultSay(line: string): void {
  process.stdout.write(`[volatility-balancing] ${line}\n`);
}

/** Options shared by `daemon`, `backup`, `restore` and `settings`, each with an environment variable. */
export function dataDirOption(): Option {
  return valueOption('--data-dir <dir>', 'data folder (database, logs, backups)', dataDir('--data-dir'), {
    value: DEFAULT_DATA_DIR,
    text: DEFAULT_DATA_DIR,
  }).env('VB_HOME');
}
export function providerOption(): Option {
  return valueOption(
    '--provider <name>',
    'market data: replay (offline demo) or yahoo (live)',
    choice<ProviderChoice>('--provider', ['replay', 'yahoo']),
    { value: 'replay' as ProviderChoice, text: 'replay' },
  ).env('VB_PROVIDER');
}

/** The data folder of a command that must not make one (backup, restore): it has to be there. */
export function existingDataDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (!existsSync(resolved))
    throw new BadInput(
      `--data-dir ${resolved}: there is no data folder here; give the folder that holds your database (--data-dir or VB_HOME)`,
    );
  if (!statSync(resolved).isDirectory())
    throw new BadInput(
      `--data-dir ${resolved}: is a file, not a folder; give the folder that holds your database`,
    );
  return resolved;
}

interface DaemonFlags {
  dataDir: string;
  provider: ProviderChoice;
  replayStart?: string;
  replaySpeed?: number;
  demo: boolean;
  duration?: number;
  quiet?: boolean;
  serveUi?: boolean;
  port: number;
  tickMs?: number;
  strict?: boolean;
}

/** `daemon`: runs the live loop headless until a signal (or --duration); resolves once stopped cleanly. */
export function daemonCommand(ctx?: CliContext): Command {
  const command = new Command('daemon')
    .description('run the trading loop without the desktop app (Ctrl+C or SIGTERM stops it cleanly)')
    .addOption(dataDirOption())
    .addOption(providerOption())
    .addOption(
      valueOption(
        '--replay-start <date>',
        'demo: first session replayed (starts the replay over)',
        date('--replay-start'),
      ).env('VB_REPLAY_START'),
    )
    .addOption(
      valueOption(
        '--replay-speed <x>',
        'demo: virtual time per real time (300 = a trading day in ~80 s)',
        number('--replay-speed', { min: 0, aboveMin: true, max: 1_000_000 }),
      ).env('VB_REPLAY_SPEED'),
    )
    .addOption(new Option('--no-demo', 'do not create the demo portfolio in an empty database'))
    .addOption(
      valueOption(
        '--duration <seconds>',
        'stop by itself after this many seconds',
        number('--duration', { min: 0, aboveMin: true }),
      ),
    )
    .addOption(new Option('--quiet', 'log to the files only, not to stdout'))
    .addOption(
      new Option(
        '--serve-ui',
        'serve the UI and its API on 127.0.0.1 (build it first: npm run build); prints one JSON line with the address and its token',
      ),
    )
    .addOption(
      valueOption('--port <n>', 'with --serve-ui: the port (0 = any free one)', port('--port'), {
        value: 0,
        text: '0',
      }),
    )
    .addOption(
      valueOption(
        '--tick-ms <ms>',
        'tick interval in (virtual) ms; default: Settings › tick interval, else 5 min',
        count('--tick-ms', { min: 1 }),
      ),
    )
    .addOption(new Option('--strict', 'with --serve-ui: an answer its schema refuses is an error (tests)'));
  return command.action(async (opts: DaemonFlags) => {
    // The data folder first: one sentence and exit 2 when it cannot be used, never a hang (/proc).
    const usable = checkDataDir(opts.dataDir);
    if (!usable.ok) throw new BadInput(`--data-dir: ${usable.message}`);
    const [{ JsonPreferencesStore }, { defaultRendererDir, serveBackend }] = await Promise.all([
      import('../../ipc/headless/JsonPreferencesStore'),
      import('../../ipc/loopback/serveHeadless'),
    ]);
    // The Settings page stores provider and tick interval for the next start; flags and env win.
    const preferenceStore = new JsonPreferencesStore(path.join(usable.dir, 'preferences.json'));
    if (preferenceStore.problem !== null)
      (ctx ? ctx.io.err : (t: string) => process.stderr.write(t))(`warning: ${preferenceStore.problem}\n`);
    const preferences = preferenceStore.get();
    const provider: ProviderChoice =
      command.getOptionValueSource('provider') === 'default'
        ? preferences.provider === 'yahoo'
          ? 'yahoo'
          : 'replay'
        : opts.provider;
    const tickIntervalMs = opts.tickMs ?? preferences.tickIntervalMinutes * 60_000;
    const rendererDir = defaultRendererDir();
    if (opts.serveUi && !existsSync(path.join(rendererDir, 'index.html'))) {
      throw new BadInput(`the UI is not built (${rendererDir} is missing): run \`npm run build\` first`);
    }
    let served: Awaited<ReturnType<typeof serveBackend>> | null = null;
    const { backend, stopped } = await runDaemon(
      {
        dataDir: usable.dir,
        provider,
        replayStart: opts.replayStart,
        replaySpeed: opts.replaySpeed,
        demo: opts.demo && provider === 'replay',
        durationSec: opts.duration,
        stdoutLogs: !(opts.quiet ?? false),
        beforeStop: async () => {
          await served?.close();
        },
        ...(ctx ? { signal: ctx.signal, say: (line: string) => ctx.io.out(`${line}\n`) } : {}),
      },
      { tickIntervalMs },
    );
    if (opts.serveUi) {
      served = await serveBackend(backend, {
        port: opts.port,
        tickIntervalMs,
        rendererDir,
        responseCheck: opts.strict ? 'strict' : 'warn',
      });
      const { origin, uiUrl, token } = served.server;
      process.stdout.write(`${JSON.stringify({ url: origin, uiUrl, token, dataDir: backend.dataDir })}\n`);
    }
    await stopped;
  });
}

/**
 * `backup [dest]`: a consistent copy of the database as it is (ADR 0121): it never applies a staged
 * restore and never creates a database; it says whether the app or daemon held the file meanwhile.
 */
export function backupCommand(ctx?: CliContext): Command {
  const say = ctx ? (line: string) => ctx.io.out(`${line}\n`) : defaultSay;
  return new Command('backup')
    .description('copy the database consistently (SQLite online backup) to a file, even while the app runs')
    .argument('[dest]', 'backup file (default: <data-dir>/backups/<db>-<stamp>.db)', backupFile('[dest]'))
    .addOption(dataDirOption())
    .addOption(providerOption())
    .action(async (dest: string | undefined, opts: { dataDir: string; provider: ProviderChoice }) => {
      const dir = existingDataDir(opts.dataDir);
      const [{ databaseFileFor }, { defaultBackupFile }, { backupDatabaseFile }, { ensureDirectorySync }] =
        await Promise.all([
          import('../../composition/createBackend'),
          import('../../composition/backup'),
          import('../../db/backupFile'),
          import('../../adapters/files/ensureDirectory'),
        ]);
      const dbFile = databaseFileFor(dir, opts.provider);
      if (!existsSync(dbFile))
        throw new BadInput(
          `there is no ${opts.provider === 'yahoo' ? 'live' : 'demo'} database ${dbFile} to back up: check --data-dir and --provider (nothing was created)`,
        );
      const target = path.resolve(dest ?? defaultBackupFile(dir, dbFile, new Date()));
      if (dest === undefined) ensureDirectorySync(path.dirname(target));
      const done = await backupDatabaseFile(dbFile, target);
      const { signBackupHead } = await import('../../composition/backupHead');
      signBackupHead(dir, done.file);
      say(
        done.holder === 'running'
          ? `the database ${dbFile} is in use by the app or the daemon: the copy was taken with SQLite's online backup while it runs, consistent as of its end`
          : `no program held the database ${dbFile}: it was locked for the copy (SQLite's online backup)`,
      );
      say(`backup written: ${done.file} (${done.pages} pages)`);
    });
}

/** `restore <file>`: verifies a backup's hash chains, then puts it in place of the database. */
export function restoreCommand(ctx?: CliContext): Command {
  const say = ctx ? (line: string) => ctx.io.out(`${line}\n`) : defaultSay;
  return new Command('restore')
    .description('replace the database with a verified backup (stop the app or daemon first)')
    .argument('<file>', 'backup file to restore', inputFile('<file>'))
    .addOption(dataDirOption())
    .addOption(providerOption())
    .action(async (file: string, opts: { dataDir: string; provider: ProviderChoice }) => {
      const dir = existingDataDir(opts.dataDir);
      const [{ restoreBackup }, { databaseFileFor }] = await Promise.all([
        import('../../composition/backup'),
        import('../../composition/createBackend'),
      ]);
      const result = await restoreBackup(file, databaseFileFor(dir, opts.provider), dir);
      // A refused restore is bad input (exit 2): the file given is not a backup we can trust.
      if (!result.ok) throw new BadInput(`restore refused (${result.code}): ${result.message}`);
      say(`restored ${file}: ${result.tenants.map((t) => `${t.events} events verified`).join(', ')}`);
      if (result.replacedFileMovedTo) say(`the previous database was kept as ${result.replacedFileMovedTo}`);
    });
}

/** Registers `daemon`, `backup` and `restore` on the `vb` program (main/cli/commands/index.ts). */
export function registerDaemon(program: Command, ctx: CliContext): void {
  program.addCommand(daemonCommand(ctx));
  program.addCommand(backupCommand(ctx));
  program.addCommand(restoreCommand(ctx));
}
