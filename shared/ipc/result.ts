/**
 * Expected failures cross IPC as values (STYLE habit 2); exceptions are for bugs and reach the renderer
 * as `internal` with their message only.
 * - validation: the payload does not match the channel's schema, or a use case refused a value;
 * - not_found / conflict / insufficient_funds: the ledger's refusals (shared/application/ledger/Result);
 * - unknown_channel: no such channel in the contract;
 * - forbidden: the sender is not the app's own page (Electron) or the token/Host/Origin is wrong (loopback);
 * - cancelled: the user dismissed a dialog (e.g. the save dialog of an export);
 * - unavailable: the feature needs something this host lacks (e.g. launch at login in headless mode);
 * - internal: a bug; the message is logged in main.
 */
export const IPC_ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'insufficient_funds',
  'unknown_channel',
  'forbidden',
  'cancelled',
  'unavailable',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** One problem of a refused payload, addressed to a form field (`path` joined with dots). */
export interface IpcIssue {
  path: string;
  message: string;
}

export interface IpcFailure {
  ok: false;
  code: IpcErrorCode;
  message: string;
  /** Per-field problems of a validation failure, so forms can show each beside its field. */
  issues?: IpcIssue[];
}

export type IpcResult<T> = { ok: true; value: T } | IpcFailure;

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function ipcFail(code: IpcErrorCode, message: string, issues?: IpcIssue[]): IpcFailure {
  return issues && issues.length > 0 ? { ok: false, code, message, issues } : { ok: false, code, message };
}
