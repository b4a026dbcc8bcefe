import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from './testing/electronMock';
import { denyPermissions, hardenContents } from './hardenContents';
import { isAppUrl, isTrustedSender, secureWebPreferences, type RendererLocation } from './security';

vi.mock('electron', () => import('./testing/electronMock').then((m) => m.electronMock));

const file: RendererLocation = { kind: 'file', file: '/opt/vb/out/renderer/index.html' };
const own = pathToFileURL('/opt/vb/out/renderer/index.html').href;
const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' };

describe('window security', () => {
  it('sandboxes the renderer: isolation on, node off, sandbox on, web security on, no webview', () => {
    const prefs = secureWebPreferences('/opt/vb/out/preload/index.js');
    expect(prefs).toMatchObject({
      preload: '/opt/vb/out/preload/index.js',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('knows the app’s own page, in the build and on the dev server', () => {
    expect(isAppUrl(own, file)).toBe(true);
    expect(isAppUrl(`${own}#/positions/abc`, file)).toBe(true);
    expect(isAppUrl(pathToFileURL('/opt/vb/out/renderer/other.html').href, file)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', file)).toBe(false);
    expect(isAppUrl('https://evil.example/', file)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/events', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
    expect(isAppUrl(undefined, dev)).toBe(false);
  });

  it('trusts IPC only from the app’s own top-level frame', () => {
    expect(isTrustedSender({ senderFrame: { url: own, parent: null } }, file)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: own, parent: {} } }, file)).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } }, file)).toBe(
      false,
    );
    expect(isTrustedSender({ senderFrame: null }, file)).toBe(false);
    expect(isTrustedSender({}, file)).toBe(false);
  });

  it('blocks navigation away, redirects, new windows and webviews; hash routes stay allowed', () => {
    const contents = new FakeWebContents();
    hardenContents(contents as never, file);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', `${own}#/settings`)).toBe(false);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    let webview = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webview = true) });
    expect(webview).toBe(true);
  });

  it('denies every permission request and check', () => {
    const decisions: boolean[] = [];
    const session = {
      request: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
      check: null as null | (() => boolean),
      setPermissionRequestHandler(h: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
        this.request = h;
      },
      setPermissionCheckHandler(h: () => boolean) {
        this.check = h;
      },
      on: () => undefined,
    };
    denyPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.request?.({}, permission, (ok) => decisions.push(ok));
    }
    expect(decisions).toEqual([false, false, false, false, false]);
    expect(session.check?.()).toBe(false);
  });
});
