import path from 'node:path';
import pino from 'pino';
import type { LogFields, Logger } from '../../../shared/ports/Logger';

export interface FileLoggerOptions {
  /** The app's data folder: logs go to `<dataDir>/logs/vb.<date>.<n>.log`. */
  dataDir: string;
  level?: 'debug' | 'info' | 'warn' | 'error';
  /** Also print to stdout (headless mode); off by default. */
  stdout?: boolean;
  /** Rotated files kept; 14 by default. */
  keepFiles?: number;
}

/** The Logger port on pino: JSON lines, one field set per line (tick id, correlation id, tenant…). */
export class PinoLogger implements Logger {
  constructor(private readonly log: pino.Logger) {}

  debug(msg: string, fields?: LogFields): void {
    this.log.debug(fields ?? {}, msg);
  }
  info(msg: string, fields?: LogFields): void {
    this.log.info(fields ?? {}, msg);
  }
  warn(msg: string, fields?: LogFields): void {
    this.log.warn(fields ?? {}, msg);
  }
  error(msg: string, fields?: LogFields): void {
    this.log.error(fields ?? {}, msg);
  }
  child(bindings: LogFields): Logger {
    return new PinoLogger(this.log.child(bindings));
  }
}

export interface FileLogger {
  logger: Logger;
  /** The folder the log files are in (the UI links to it). */
  dir: string;
  /** Writes out what is buffered; call before exit. */
  flush(): Promise<void>;
}

/**
 * Logs rotated daily and at 10 MB by pino-roll (SPEC 6 "Logs"), in a worker thread so writing never
 * blocks the loop; with `stdout`, the same lines go to standard output too (headless mode).
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const dir = path.join(options.dataDir, 'logs');
  const level = options.level ?? 'info';
  const targets: pino.TransportTargetOptions[] = [
    {
      target: 'pino-roll',
      level,
      options: {
        file: path.join(dir, 'vb'),
        extension: '.log',
        frequency: 'daily',
        dateFormat: 'yyyy-MM-dd',
        size: '10m',
        mkdir: true,
        limit: { count: options.keepFiles ?? 14 },
      },
    },
  ];
  if (options.stdout) targets.push({ target: 'pino/file', level, options: { destination: 1 } });
  const transport = pino.transport({ targets });
  const root = pino(
    { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    transport,
  );
  return {
    logger: new PinoLogger(root),
    dir,
    flush: () =>
      new Promise<void>((resolve) => {
        root.flush(() => resolve());
      }),
  };
}

/** Lines kept in memory: for tests that check what was logged. */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; msg: string; fields: LogFields }[] = [];
  constructor(
    private readonly bindings: LogFields = {},
    lines?: MemoryLogger['lines'],
  ) {
    if (lines) this.lines = lines;
  }
  debug(msg: string, fields?: LogFields): void {
    this.push('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.push('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.push('warn', msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.push('error', msg, fields);
  }
  child(bindings: LogFields): Logger {
    return new MemoryLogger({ ...this.bindings, ...bindings }, this.lines);
  }
  private push(level: string, msg: string, fields?: LogFields): void {
    this.lines.push({ level, msg, fields: { ...this.bindings, ...fields } });
  }
}
