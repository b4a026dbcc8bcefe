import { isPush } from '../../../shared/ipc/channels';
import type { ConnectionState, Transport } from './ipcClient';

export interface LoopbackTransportOptions {
  /** Origin of the loopback server, e.g. `http://127.0.0.1:4173` (the page's own origin in browser mode). */
  origin: string;
  token: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** Reconnect delays grow up to this; 5 s by default. */
  maxBackoffMs?: number;
}

/**
 * The contract over the loopback server (main/ipc/loopback): `POST /ipc/<channel>` with the token in a
 * header, and one WebSocket for every push (token as a subprotocol, since a browser cannot set headers
 * on it), reconnected with backoff when the backend restarts.
 */
export function loopbackTransport(options: LoopbackTransportOptions): Transport {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const Socket = options.WebSocket ?? WebSocket;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let attempts = 0;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of connectionListeners) l(state);
  };

  const connect = () => {
    const url = options.origin.replace(/^http/, 'ws') + '/ipc/push';
    const ws = new Socket(url, ['vb.v1', `vb.token.${options.token}`]);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      setState('open');
    };
    ws.onmessage = (event: MessageEvent) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const { push, payload } = (message ?? {}) as { push?: unknown; payload?: unknown };
      if (!isPush(push)) return;
      for (const l of listeners.get(push) ?? []) l(payload);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      setState('closed');
      attempts += 1;
      const delay = Math.min(options.maxBackoffMs ?? 5000, 250 * 2 ** Math.min(attempts, 6));
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    async invoke(channel, request) {
      const response = await doFetch(`${options.origin}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vb-token': options.token },
        body: JSON.stringify(request ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error(`the backend answered ${response.status} ${response.statusText}`);
      }
    },
    subscribe(push, listener) {
      let set = listeners.get(push);
      if (!set) listeners.set(push, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    downloadUrl(path) {
      // A one-time download id (ADR 0078): the token never goes into a URL.
      return `${options.origin}${path}`;
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => {
        connectionListeners.delete(listener);
      };
    },
  };
}
