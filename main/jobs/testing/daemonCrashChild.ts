/**
 * Child process of the crash campaign (issue 19): the headless daemon on the demo's replay provider, its
 * virtual clock fast (a 5-minute tick every few real ms), with the demo portfolio, until SIGKILLed.
 * argv[2] = data folder, argv[3] = a first replayed session (first start only: later starts resume).
 * Prints "READY" once two ticks have evaluated the positions, so a kill lands mid-run.
 */
import { runDaemon } from '../../cli/commands/daemon';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: daemonCrashChild <data dir>');
  const { backend } = await runDaemon(
    {
      dataDir,
      provider: 'replay',
      replaySpeed: 60_000,
      ...(process.argv[3] ? { replayStart: process.argv[3] } : {}),
      demo: true,
      stdoutLogs: false,
      say: () => undefined,
    },
    { workerPollMs: 50 },
  );
  let ticks = 0;
  backend.events.subscribe((event) => {
    if (event.type === 'tickCompleted' && event.report.evaluated > 0 && ++ticks === 2)
      process.stdout.write('READY\n');
  });
}

main().catch((err: unknown) => {
  process.stdout.write(`CRASH ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
