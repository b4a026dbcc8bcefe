import { bridgeTransport, type Bridge } from './bridgeTransport';
import { createIpcClient, type IpcClient } from './ipcClient';
import { loopbackTransport } from './loopbackTransport';

const TOKEN_KEY = 'vb.token';

export type Connection =
  { ok: true; client: IpcClient; mode: 'electron' | 'browser' } | { ok: false; message: string };

/**
 * The desktop app has `window.vb` (preload); a browser page served by the headless backend gets the
 * token once in its URL (`?token=`), keeps it for the tab's session and removes it from the address bar.
 */
export function connectToBackend(win: Window = window): Connection {
  const bridge = (win as unknown as { vb?: Bridge }).vb;
  if (bridge) return { ok: true, client: createIpcClient(bridgeTransport(bridge)), mode: 'electron' };
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  const token = fromUrl ?? win.sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    return {
      ok: false,
      message:
        'This page needs the access token of the headless backend. Open the address it printed when it started (it ends with ?token=…).',
    };
  }
  return {
    ok: true,
    client: createIpcClient(loopbackTransport({ origin: win.location.origin, token })),
    mode: 'browser',
  };
}
