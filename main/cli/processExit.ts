/**
 * Exits with `code` once stdout and stderr have taken everything written (a pipe on some systems
 * writes asynchronously, and `process.exit` would cut a long `--json` short). Worker threads (the
 * log writer) would otherwise keep the process alive after the work is done.
 */
export function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = (): void => {
    pending--;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
