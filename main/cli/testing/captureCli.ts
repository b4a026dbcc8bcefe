import type { CliIo } from '../CliContext';
import { runCli } from '../index';

export interface CliRun {
  code: number;
  /** What the command wrote on stdout. */
  out: string;
  /** What it wrote on stderr. */
  err: string;
}

/** Runs `vb …` in this process with its output captured (tests). `signal` stops a command that would run on. */
export async function captureCli(
  args: readonly string[],
  signal: AbortSignal = new AbortController().signal,
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += s), err: (s) => (err += s), interactive: false };
  const code = await runCli(args, io, signal);
  return { code, out, err };
}
