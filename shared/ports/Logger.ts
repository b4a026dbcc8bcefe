/** Structured fields of a log line: tick id, correlation id, tenant, position, counts… */
export type LogFields = Record<string, unknown>;

/**
 * Structured logging (SPEC 6 "Logs"): the application says what happened with fields, never formats
 * text for a file. `child` binds fields (e.g. `{ tickId }`) to every line logged through it.
 */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(bindings: LogFields): Logger;
}

/** A logger that drops everything: for tests and benchmarks that do not look at logs. */
export const SILENT_LOGGER: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => SILENT_LOGGER,
};
