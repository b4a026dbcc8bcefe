import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ipcOk } from '../../../shared/ipc/result';
import type { Dispatch } from '../dispatch';
import { createPushHub } from '../pushes/PushHub';
import { DownloadTickets } from './downloadTickets';
import { startLoopbackServer, type LoopbackServer } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  server: LoopbackServer,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function ipc(
  server: LoopbackServer,
  channel: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return send(server, `/ipc/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vb-token': server.token,
      host: `127.0.0.1:${server.port}`,
      ...headers,
    },
    body: JSON.stringify(payload),
  });
}

function connect(server: LoopbackServer, protocols: string[], headers: Record<string, string> = {}) {
  return new WebSocket(`ws://127.0.0.1:${server.port}/ipc/push`, protocols, { headers });
}

function opened(ws: WebSocket): Promise<'open' | number> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

describe('loopback transport', () => {
  const hub = createPushHub(() => {});
  const calls: { channel: unknown; payload: unknown }[] = [];
  const dispatch: Dispatch = (channel, payload) => {
    calls.push({ channel, payload });
    if (channel === 'app.nope')
      return Promise.resolve({ ok: false, code: 'unknown_channel', message: 'nope' });
    return Promise.resolve(ipcOk({ echoed: payload }));
  };
  let dir: string;
  let server: LoopbackServer;
  let clockMs = 0;
  let downloads: DownloadTickets;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vb-loopback-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    mkdirSync(join(dir, 'downloads'));
    writeFileSync(
      join(dir, 'renderer', 'index.html'),
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; connect-src \'self\'" /></head><body></body></html>',
    );
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    writeFileSync(join(dir, 'downloads', 'report.csv'), 'a,b\n1,2\n');
    downloads = new DownloadTickets(join(dir, 'downloads'), () => clockMs);
    server = await startLoopbackServer({
      dispatch,
      hub,
      rendererDir: join(dir, 'renderer'),
      downloads,
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 with a random token and offers the UI URL carrying it', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.uiUrl).toBe(`${server.origin}/?token=${server.token}`);
  });

  it('answers a request with the token, Host and Origin of this server', async () => {
    const reply = await ipc(server, 'app.getStatus', { a: 1 }, { origin: server.origin });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: { a: 1 } } });
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(calls.at(-1)).toEqual({ channel: 'app.getStatus', payload: { a: 1 } });
  });

  it('accepts localhost as the Host and Origin, and Bearer authorization', async () => {
    const reply = await ipc(
      server,
      'app.getStatus',
      {},
      {
        host: `localhost:${server.port}`,
        origin: `http://localhost:${server.port}`,
        'x-vb-token': '',
        authorization: `Bearer ${server.token}`,
      },
    );
    expect(reply.status).toBe(200);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const before = calls.length;
    for (const token of ['', 'wrong', server.token.slice(1)]) {
      const reply = await ipc(server, 'app.getStatus', {}, { 'x-vb-token': token });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(calls.length).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const before = calls.length;
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      '127.0.0.1',
      `[::1]:${server.port}`,
    ]) {
      const reply = await ipc(server, 'app.getStatus', {}, { host });
      expect(reply.status, host).toBe(403);
    }
    const page = await send(server, '/', { headers: { host: `rebound.example:${server.port}` } });
    expect(page.status).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('refuses cross-site requests (foreign Origin, or a cross-site fetch without Origin)', async () => {
    const before = calls.length;
    for (const origin of [
      'http://evil.example',
      `https://127.0.0.1:${server.port}`,
      'null',
      `http://127.0.0.1:${server.port + 1}`,
    ]) {
      const reply = await ipc(server, 'app.getStatus', {}, { origin });
      expect(reply.status, origin).toBe(403);
    }
    const noOrigin = await ipc(server, 'app.getStatus', {}, { 'sec-fetch-site': 'cross-site' });
    expect(noOrigin.status).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('requires POST with a JSON body of reasonable size', async () => {
    const get = await send(server, '/ipc/app.getStatus', { headers: { 'x-vb-token': server.token } });
    expect(get.status).toBe(405);
    const form = await ipc(
      server,
      'app.getStatus',
      {},
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(form.status).toBe(415);
    const notJson = await send(server, '/ipc/app.getStatus', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vb-token': server.token },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, code: 'validation' });
    const huge = await ipc(server, 'app.getStatus', { blob: 'x'.repeat(2 << 20) });
    expect(huge.status).toBe(413);
  });

  it('answers an unknown channel with 404 and the typed error', async () => {
    const reply = await ipc(server, 'app.nope', {});
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'unknown_channel' });
  });

  it('serves the renderer with a strict CSP naming its own push socket, and nothing outside it', async () => {
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.body).toContain(`ws://127.0.0.1:${server.port}`);
    expect(page.body).not.toContain(`connect-src 'self'"`);
    expect(page.headers['x-frame-options']).toBe('DENY');
    const asset = await send(server, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    for (const path of ['/../secret.txt', '/assets/..%2F..%2Fsecret.txt', '/%2e%2e/secret.txt', '/nope.js']) {
      const reply = await send(server, path);
      expect(reply.status, path).toBe(404);
    }
  });

  it('offers an export once, under a short-lived id, with no token in the URL (issue 19)', async () => {
    const link = downloads.issue(join(dir, 'downloads', 'report.csv')) as string;
    expect(link).toMatch(/^\/downloads\/[A-Za-z0-9_-]{43}$/);
    expect(link).not.toContain(server.token);
    const ok = await send(server, link);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('a,b\n1,2\n');
    expect(ok.headers['content-disposition']).toContain('attachment; filename="report.csv"');
    // Spent: a second use, a guessed id, or a file name with the token are all gone.
    expect((await send(server, link)).status).toBe(410);
    expect(
      (await send(server, '/downloads/report.csv', { headers: { 'x-vb-token': server.token } })).status,
    ).toBe(410);
    expect((await send(server, `/downloads/report.csv?token=${server.token}`)).status).toBe(410);
    // Expired after a few minutes.
    const late = downloads.issue(join(dir, 'downloads', 'report.csv')) as string;
    clockMs += 5 * 60_000 + 1;
    expect((await send(server, late)).status).toBe(410);
    // Only files of the exports folder get a link.
    expect(downloads.issue(join(dir, 'secret.txt'))).toBeNull();
  });

  it('refuses a Content-Type that is not exactly JSON (issue 19)', async () => {
    for (const type of [
      'application/jsonfoo',
      'application/json-patch+json',
      'text/plain',
      'application/json; charset=latin1',
    ]) {
      const reply = await ipc(server, 'app.getStatus', {}, { 'content-type': type });
      expect(reply.status, type).toBe(415);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'validation' });
    }
    for (const type of [
      'application/json',
      'Application/JSON; charset=UTF-8',
      'application/json;charset="utf-8"',
    ]) {
      expect((await ipc(server, 'app.getStatus', {}, { 'content-type': type })).status, type).toBe(200);
    }
  });

  it('answers 400 with a clear error for a malformed percent-encoded channel (issue 19)', async () => {
    const reply = await ipc(server, 'app.%E0%A4%A', {});
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      code: 'validation',
      message: 'the channel name in the URL is not valid percent-encoding (e.g. a lone %)',
    });
  });

  it('streams pushes over a WebSocket opened with the token subprotocol', async () => {
    const ws = connect(server, ['vb.v1', `vb.token.${server.token}`], { origin: server.origin });
    expect(await opened(ws)).toBe('open');
    expect(ws.protocol).toBe('vb.v1');
    const received = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    hub.publish('tick.completed', {
      tickId: 't1',
      at: 1,
      evaluated: 2,
      ordersCreated: 0,
      durationMs: 3,
      skipped: false,
      missedTicks: 0,
    });
    expect(await received).toEqual({
      push: 'tick.completed',
      payload: {
        tickId: 't1',
        at: 1,
        evaluated: 2,
        ordersCreated: 0,
        durationMs: 3,
        skipped: false,
        missedTicks: 0,
      },
    });
    ws.close();
  });

  it('refuses a push socket without the token, with a wrong one, or from a foreign origin or host', async () => {
    expect(await opened(connect(server, ['vb.v1']))).toBe(401);
    expect(await opened(connect(server, ['vb.v1', 'vb.token.wrong']))).toBe(401);
    expect(
      await opened(connect(server, ['vb.v1', `vb.token.${server.token}`], { origin: 'http://evil.example' })),
    ).toBe(403);
    expect(
      await opened(
        connect(server, ['vb.v1', `vb.token.${server.token}`], { host: `evil.example:${server.port}` }),
      ),
    ).toBe(403);
  });
});
