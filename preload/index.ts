import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isPush, PUSH_CHANNEL, type ChannelName, type PushName } from '../shared/ipc/channels';

/**
 * The sandboxed renderer's only door to main (SPEC 6): exactly `invoke(channel, request)` for the
 * contract's request channels and `subscribe(push, listener)` for its pushes — nothing else, and no
 * Electron object crosses the bridge. Main validates every payload and checks the sender again.
 */
export interface Bridge {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  /** Returns the unsubscribe function. */
  subscribe(push: PushName, listener: (payload: unknown) => void): () => void;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(PUSH_CHANNEL, (_event: IpcRendererEvent, message: unknown) => {
  if (message === null || typeof message !== 'object') return;
  const { push, payload } = message as { push?: unknown; payload?: unknown };
  if (!isPush(push)) return;
  for (const listener of listeners.get(push) ?? []) listener(payload);
});

export const bridge: Bridge = {
  invoke(channel, request) {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  subscribe(push, listener) {
    if (!isPush(push)) throw new Error(`Unknown push: ${String(push)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let set = listeners.get(push);
    if (!set) listeners.set(push, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('vb', bridge);
