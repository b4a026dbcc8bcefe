import type { ChannelName, PushName } from '../../../shared/ipc/channels';
import type { Transport } from './ipcClient';

/** `window.vb`, as preload/index.ts exposes it in the desktop app. */
export interface Bridge {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  subscribe(push: PushName, listener: (payload: unknown) => void): () => void;
}

export function bridgeTransport(bridge: Bridge): Transport {
  return {
    invoke: (channel, request) => bridge.invoke(channel as ChannelName, request),
    subscribe: (push, listener) => bridge.subscribe(push as PushName, listener),
    onConnection: (listener) => {
      listener('open');
      return () => {};
    },
    downloadUrl: () => null,
  };
}
