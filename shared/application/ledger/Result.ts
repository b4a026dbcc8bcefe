/**
 * Expected failures are values (STYLE habit 2); exceptions are for bugs.
 * - validation: the input is malformed (wrong type, out of range, unknown field);
 * - not_found: an id that does not exist in the caller's tenant (another tenant's ids included);
 * - conflict: the request is well-formed but the current state forbids it (closed position, duplicate…);
 * - insufficient_funds: a withdrawal larger than the cash available.
 */
export type ErrorCode = 'validation' | 'not_found' | 'conflict' | 'insufficient_funds';

/** One refused field: its path in the input ("initialCash", "config.trigger.downThreshold") and the message. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type Failure = { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] };
export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: FieldIssue[]): Failure {
  return issues && issues.length > 0 ? { ok: false, code, message, issues } : { ok: false, code, message };
}
