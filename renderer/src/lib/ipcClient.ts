import type { Channel, Push, PushPayloadOf, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';

/** How the page reaches main: the preload bridge (Electron) or the loopback server (browser). */
export interface Transport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(push: string, listener: (payload: unknown) => void): () => void;
  /** Connection to the backend's push stream; the Electron bridge is always connected. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** A link that downloads a file main offers under `path` (browser mode); null in the desktop app. */
  downloadUrl(path: string): string | null;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The renderer's typed view of the contract: request and response types come from shared/ipc. */
export interface IpcClient {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  subscribe<P extends Push>(push: P, listener: (payload: PushPayloadOf<P>) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  downloadUrl(path: string): string | null;
}

export function createIpcClient(transport: Transport): IpcClient {
  return {
    async invoke(channel, request) {
      try {
        const answer = await transport.invoke(channel, request);
        if (isResult(answer)) return answer as IpcResult<never>;
        return { ok: false, code: 'internal', message: `malformed answer on ${channel}` };
      } catch (err) {
        return { ok: false, code: 'unavailable', message: errorText(err) };
      }
    },
    subscribe(push, listener) {
      return transport.subscribe(push, listener as (payload: unknown) => void);
    },
    onConnection: (listener) => transport.onConnection(listener),
    downloadUrl: (path) => transport.downloadUrl(path),
  };
}

function isResult(value: unknown): value is IpcResult<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function errorText(err: unknown): string {
  if (err instanceof Error)
    return err.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');
  return String(err);
}
