import type { Result } from '../../../shared/application/ledger/Result';
import { ipcFail, ipcOk, type IpcIssue, type IpcResult } from '../../../shared/ipc/result';

/**
 * A use case's result as an IPC result. A validation failure carries its per-field issues (paths in the
 * use case's input, which are the request's fields), so a form shows each message beside its field; a
 * failure without them is split from its message as before.
 */
export function fromResult<T, U>(result: Result<T>, map: (value: T) => U, request?: object): IpcResult<U> {
  if (result.ok) return ipcOk(map(result.value));
  if (result.code !== 'validation') return ipcFail(result.code, result.message, result.issues);
  return ipcFail(
    'validation',
    result.message,
    result.issues ?? issuesFromMessage(result.message, request ? Object.keys(request) : []),
  );
}

/**
 * Per-field issues of a ledger message: parts `field.path: message`, or a message that opens with the
 * name of one of the request's fields (`initialCash must be …`).
 */
export function issuesFromMessage(message: string, fields: readonly string[] = []): IpcIssue[] {
  const issues: IpcIssue[] = [];
  for (const part of message.split('; ')) {
    const labelled = /^(?:config: )?([A-Za-z][\w.]*): (.+)$/.exec(part);
    if (labelled) {
      issues.push({ path: labelled[1] as string, message: labelled[2] as string });
      continue;
    }
    const field = fields.find((f) => part.startsWith(`${f} `));
    if (field) issues.push({ path: field, message: part });
  }
  return issues;
}

export function notFound(what: string, id: string): IpcResult<never> {
  return ipcFail('not_found', `${what} ${id} not found`);
}
