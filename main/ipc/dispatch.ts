import type { z } from 'zod';
import { userMessageOf } from '../../shared/domain/InputLimits';
import { isChannel } from '../../shared/ipc/channels';
import { contract, type Channel, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { ipcFail, type IpcIssue, type IpcResult } from '../../shared/ipc/result';

/** Who is calling: the Electron window, or a page/CLI over the loopback transport. */
export interface CallContext {
  transport: 'electron' | 'loopback';
}

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  ctx: CallContext,
) => IpcResult<ResponseOf<C>> | Promise<IpcResult<ResponseOf<C>>>;

/** One handler per channel of the contract: a channel without a handler is a type error. */
export type Handlers = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: unknown, payload: unknown, ctx: CallContext) => Promise<IpcResult<unknown>>;

export interface DispatchOptions {
  /**
   * What to do when a handler answers something its response schema refuses (a bug in main):
   * `strict` answers `internal` (tests, development), `warn` logs and sends it anyway (production).
   */
  responseCheck?: 'strict' | 'warn';
  log?: (message: string, detail?: unknown) => void;
}

/**
 * The one entry point of both transports: checks the channel name, validates the payload with the
 * channel's schema (a bad one is answered `validation` with per-field issues, and no handler runs),
 * runs the handler, and turns an exception into `internal` carrying only its message.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const responseCheck = options.responseCheck ?? 'strict';
  const log = options.log ?? ((message, detail) => console.error(message, detail));
  return async (channel, payload, ctx) => {
    if (!isChannel(channel)) return ipcFail('unknown_channel', `Unknown IPC channel: ${describe(channel)}`);
    const spec = contract[channel];
    const parsed = (spec.request as z.ZodType).safeParse(payload);
    if (!parsed.success) return validationFailure(parsed.error);
    let result: IpcResult<unknown>;
    try {
      result = await (handlers[channel] as (r: unknown, c: CallContext) => Promise<IpcResult<unknown>>)(
        parsed.data,
        ctx,
      );
    } catch (err) {
      log(`IPC handler ${channel} failed`, err);
      return ipcFail('internal', err instanceof Error ? err.message : String(err));
    }
    if (!result.ok) return result;
    const checked = (spec.response as z.ZodType).safeParse(result.value);
    if (checked.success) return { ok: true, value: checked.data };
    log(`IPC handler ${channel} answered a value its schema refuses`, issuesOf(checked.error));
    return responseCheck === 'strict'
      ? ipcFail(
          'internal',
          `the backend answered ${channel} with an invalid value: ${summary(issuesOf(checked.error))}`,
        )
      : result;
  };
}

export function validationFailure(error: z.ZodError) {
  const issues = issuesOf(error);
  return ipcFail('validation', summary(issues), issues);
}

/** One issue per field, each in the user's words (shared/domain/InputLimits `userMessageOf`). */
function issuesOf(error: z.ZodError): IpcIssue[] {
  const seen = new Set<string>();
  const issues: IpcIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    issues.push({ path, message: userMessageOf(issue) });
  }
  return issues;
}

/** The messages alone: each names its field in words, so no schema path is shown to a person. */
function summary(issues: IpcIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => i.message)
    .join('; ');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}
