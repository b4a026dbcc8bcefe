import { Command } from 'commander';
import type { CliContext, CliIo } from './CliContext';
import { processIo } from './CliContext';
import { COMMANDS } from './commands';
import { writeCrashLog } from './crashLog';
import type { ExitCode } from './exitCodes';
import { oneLine, outcomeOf } from './exitCodes';

/** The `vb` program with every command of `commands/` registered. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('vb').description(
    'Volatility Balancing: simulate, sweep and validate the strategy on history; run the trading loop headless',
  );
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/**
 * How every command of `program` reports: help on stdout, errors as one line on stderr ending with
 * where the options are listed (never the whole help), and no process.exit (the caller decides).
 */
export function configureReporting(program: Command, io: CliIo): void {
  const setUp = (command: Command, path: string): void => {
    command.exitOverride().configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s) => io.err(`${oneLine(s)} (${path} --help lists the options)\n`),
    });
    for (const sub of command.commands) setUp(sub, `${path} ${sub.name()}`);
  };
  setUp(program, program.name());
}

/**
 * Runs a commander program and returns the exit code of ./exitCodes.ts (0 done, 1 failed, 2 bad
 * input). Errors are printed on one line; an unexpected one (a bug) says where its details were
 * logged, and its stack never reaches the terminal. Shared by `vb` and the headless daemon.
 */
export async function runProgram(program: Command, argv: readonly string[], io: CliIo): Promise<ExitCode> {
  configureReporting(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    const outcome = outcomeOf(e);
    if (outcome.unexpected) {
      const log = writeCrashLog(e, argv);
      io.err(
        `error: ${outcome.message ?? 'unexpected failure'}. This is a bug; ${
          log === null ? 'no log file could be written' : `the details are in ${log}`
        }.\n`,
      );
    } else if (outcome.message !== null) io.err(`error: ${outcome.message}\n`);
    return outcome.code;
  }
}

/**
 * Runs the CLI and returns the exit code: 0 done, 1 the run failed (cancelled, cannot write),
 * 2 bad usage or bad input (nothing was written).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo(),
  signal?: AbortSignal,
): Promise<ExitCode> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  if (signal === undefined) process.once('SIGINT', onSigint);
  const ctx: CliContext = { io, signal: signal ?? controller.signal };
  try {
    return await runProgram(buildProgram(ctx), argv, io);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
