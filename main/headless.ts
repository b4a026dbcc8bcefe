/**
 * Headless entry (`npm run headless`): the same backend as the desktop app, without Electron (SPEC 6).
 * Same options as `npx tsx main/cli.ts daemon --help`; with none it runs the offline demo.
 */
import { daemonCommand } from './cli/commands/daemon';

daemonCommand()
  .name('headless')
  .parseAsync(process.argv)
  .then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
