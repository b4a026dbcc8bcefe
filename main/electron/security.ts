import { pathToFileURL } from 'node:url';
import type { WebPreferences } from 'electron';

/**
 * The renderer's sandbox (SPEC 6): context isolation on, node integration off, sandbox on, web
 * security on, no <webview>, no remote content; the preload is the only bridge.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Where the app's own page lives: the built `index.html` (file://) or the dev server of
 * `electron-vite dev`. IPC senders and navigations are checked against it.
 */
export type RendererLocation = { kind: 'file'; file: string } | { kind: 'dev'; url: string };

export function isAppUrl(url: string | undefined | null, location: RendererLocation): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return parsed.origin === new URL(location.url).origin;
  const own = new URL(pathToFileURL(location.file).href);
  return (
    parsed.protocol === 'file:' &&
    parsed.host === own.host &&
    decodeURIComponent(parsed.pathname) === decodeURIComponent(own.pathname)
  );
}

/** What an IPC event tells about its sender (a subset of Electron's IpcMainInvokeEvent). */
export interface SenderInfo {
  senderFrame?: { url: string; parent: unknown } | null;
}

/** Only the app's own top-level page may call main: not a subframe, not a page it navigated to. */
export function isTrustedSender(event: SenderInfo, location: RendererLocation): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url, location);
}
