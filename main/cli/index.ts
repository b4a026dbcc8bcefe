import { Command, CommanderError } from 'commander';
import type { CliContext, CliIo } from './CliContext';
import { processIo, RunError, UsageError } from './CliContext';
import { COMMANDS } from './commands';

/** The `vb` program with every command of `commands/` registered. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('vb')
    .description('Volatility Balancing: simulate, sweep and validate the strategy on history')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) })
    .showHelpAfterError();
  for (const register of COMMANDS) register(program, ctx);
  for (const command of program.commands)
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) });
  return program;
}

/**
 * Runs the CLI and returns the exit code: 0 done, 1 the run failed (cancelled, cannot write),
 * 2 bad usage or bad input (nothing was written).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo(),
  signal?: AbortSignal,
): Promise<number> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  if (signal === undefined) process.once('SIGINT', onSigint);
  const ctx: CliContext = { io, signal: signal ?? controller.signal };
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RunError) {
      io.err(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
