/**
 * The one exit-code rule of the CLI (`vb …`) and the headless daemon (ADR 0065):
 *
 * - 0 done;
 * - 1 the run failed (cancelled, a file could not be written, a worker died, a bug);
 * - 2 bad input: a wrong flag or argument, a file that is not what it should be, a data folder that
 *   cannot be used, a database that is locked or not ours, a restore that was refused. Nothing was
 *   written.
 *
 * A command throws {@link BadInput} or {@link RunFailed} with one sentence saying what was wrong and
 * what to do; `runProgram` (./index.ts) prints it on one line of stderr and returns the code. Any other
 * error is a bug: its stack goes to a log file (./crashLog.ts), never to the terminal.
 */
import { CommanderError } from 'commander';
import { StateFileError } from '../adapters/files/atomicFile';
import { DatabaseOpenError } from '../db/DatabaseOpenError';

export const EXIT_DONE = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export type ExitCode = typeof EXIT_DONE | typeof EXIT_FAILED | typeof EXIT_BAD_INPUT;

/** Input the user gave is wrong (exit 2); the message says what and what to do. Nothing was written. */
export class BadInput extends Error {
  override readonly name = 'BadInput';
}

/** The run itself failed (exit 1): cancelled, a file could not be written, a worker died. */
export class RunFailed extends Error {
  override readonly name = 'RunFailed';
}

export interface Outcome {
  code: ExitCode;
  /** The one line to print (without "error: "); null when it was printed already (commander's own). */
  message: string | null;
  /** A bug rather than a refusal or a failure: its details belong in the log file. */
  unexpected: boolean;
}

/** SQLite's answers about a file the user pointed at, as opposed to a fault of ours. */
const SQLITE_BAD_FILE = new Set([
  'SQLITE_NOTADB',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** What an error thrown by a command means: its exit code and the line to print. */
export function outcomeOf(error: unknown): Outcome {
  if (error instanceof BadInput) return { code: EXIT_BAD_INPUT, message: error.message, unexpected: false };
  if (error instanceof RunFailed) return { code: EXIT_FAILED, message: error.message, unexpected: false };
  if (error instanceof CommanderError) {
    // Commander printed its message already (through the program's outputError). --help and
    // --version end with exit code 0; every other commander error is a usage error.
    return { code: error.exitCode === 0 ? EXIT_DONE : EXIT_BAD_INPUT, message: null, unexpected: false };
  }
  // A state file of the data folder that cannot be read is refused, never reset (ADR 0075).
  if (error instanceof StateFileError)
    return { code: EXIT_BAD_INPUT, message: oneLine(error.message), unexpected: false };
  if (error instanceof DatabaseOpenError) {
    // Nothing was changed (ADR 0004); only a failed migration is a failure rather than a refusal.
    return {
      code: error.code === 'migration_failed' ? EXIT_FAILED : EXIT_BAD_INPUT,
      message: oneLine(error.message),
      unexpected: false,
    };
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof sqliteCode === 'string' && SQLITE_BAD_FILE.has(sqliteCode)) {
    return {
      code: EXIT_BAD_INPUT,
      message: `the database cannot be used (${error.message}); check the --data-dir you gave, or stop the program that holds the database`,
      unexpected: false,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT_FAILED, message: oneLine(message), unexpected: true };
}

/** Several lines as one (messages are printed on a single line). */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}
