/**
 * What a command may touch: its output streams and the process's cancel signal. Tests pass their own.
 * `out` is for the result only (with `--json`, nothing but the JSON); `err` for progress, warnings,
 * the files written and errors.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: the progress bar then redraws in place. */
  interactive: boolean;
}

export interface CliContext {
  io: CliIo;
  /** Aborted on Ctrl-C, so long runs stop cleanly. */
  signal: AbortSignal;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  };
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise (so logs stay
 * short). `done` prints the final state and a newline.
 */
export class ProgressBar {
  private lastDecile = -1;

  constructor(
    private readonly io: CliIo,
    private readonly label: string,
  ) {}

  update(done: number, total: number): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (this.io.interactive) {
      this.io.err(`\r${this.render(fraction, done, total)}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.io.err(`${this.render(fraction, done, total)}\n`);
    }
  }

  done(total: number): void {
    this.update(total, total);
    if (this.io.interactive) this.io.err('\n');
  }

  private render(fraction: number, done: number, total: number): string {
    const width = 30;
    const filled = Math.round(fraction * width);
    const pct = String(Math.floor(fraction * 100)).padStart(3);
    return `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${done}/${total}`;
  }
}

/**
 * The names commands written before ADR 0065 throw (backtest, indicators): the same classes as
 * `BadInput` (exit 2) and `RunFailed` (exit 1) of ./exitCodes.ts, which new code uses.
 */
export { BadInput as UsageError, RunFailed as RunError } from './exitCodes';
