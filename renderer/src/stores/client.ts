import type { IpcFailure } from '../../../shared/ipc/result';
import type { IpcClient } from '../lib/ipcClient';

/**
 * The one IPC client of the page, set once at start-up (src/main.tsx) or by a test. Only stores use
 * it (STYLE habit 10): components select from stores and call their actions.
 */
let current: IpcClient | null = null;

export function setIpcClient(client: IpcClient | null): void {
  current = client;
}

export function ipc(): IpcClient {
  if (!current) throw new Error('the IPC client is not connected');
  return current;
}

/** A failure's words for an error banner. */
export function failureText(failure: IpcFailure): string {
  return failure.code === 'unavailable' && failure.message === 'Failed to fetch'
    ? 'The backend is not reachable.'
    : failure.message;
}

/** Runs `fn` at most once per `ms`, trailing: a burst of pushes refreshes a page once. */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  return () => {
    const now = Date.now();
    if (timer !== null) return;
    const wait = Math.max(0, last + ms - now);
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      fn();
    }, wait);
  };
}
