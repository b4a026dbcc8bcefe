import { z } from 'zod';

/**
 * The one IPC contract (SPEC 6): every channel with its request and response schema. The preload
 * bridge, the main-process handlers and the loopback transport are all derived from this object, so a
 * channel without a handler is a type error. Names: `area.verbNoun` for requests.
 */
export const contract = {
  'app.getStatus': {
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'headless']),
      startedAt: z.number(),
      dataDir: z.string(),
    }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

/** Expected failures cross IPC as values (STYLE habit 2). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
