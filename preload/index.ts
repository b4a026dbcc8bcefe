import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ChannelName } from '../shared/ipc/channels';

/** Exposes exactly the contract's channels to the sandboxed renderer, nothing else. */
const allowed = new Set<string>(CHANNELS);

contextBridge.exposeInMainWorld('vb', {
  invoke(channel: ChannelName, request: unknown): Promise<unknown> {
    if (!allowed.has(channel)) return Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
});
