import type { Session, WebContents } from 'electron';
import { isAppUrl, type RendererLocation } from './security';

/**
 * Blocks everything a page could use to leave the app: navigation away from its own URL (hash changes
 * stay allowed: the router uses them), redirects, new windows, <webview>s; and denies every permission
 * request (camera, notifications from the page, geolocation…).
 */
export function hardenContents(contents: WebContents, location: RendererLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, location)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
