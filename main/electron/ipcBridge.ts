import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, PUSH_CHANNEL } from '../../shared/ipc/channels';
import { ipcFail } from '../../shared/ipc/result';
import type { Dispatch } from '../ipc/dispatch';
import type { PushHub } from '../ipc/pushes/PushHub';
import { isTrustedSender, type RendererLocation } from './security';

/**
 * Registers one `ipcMain.handle` per contract channel. Every call is checked twice before any handler
 * runs: the sender must be the app's own top-level page (not a subframe, not a page it was navigated
 * to), and the payload must match the channel's schema (in `dispatch`). Only the result — a value or
 * a typed error — crosses back; an exception becomes `internal` with its message only.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  location: RendererLocation,
  log: (message: string, detail?: unknown) => void = () => undefined,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event, location)) {
        log(`IPC ${channel} refused: untrusted sender`, event.senderFrame?.url);
        return ipcFail('forbidden', 'IPC is open to the app’s own page only');
      }
      return dispatch(channel, payload, { transport: 'electron' });
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Something pushes can be sent to: the main window's webContents. */
export interface PushTarget {
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
}

/** Forwards every push to the window on one channel (preload fans it out by name). */
export function forwardPushes(hub: PushHub, target: () => PushTarget | null): () => void {
  return hub.subscribe((push, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(PUSH_CHANNEL, { push, payload });
  });
}
