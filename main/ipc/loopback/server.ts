import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ipcFail, type IpcResult } from '../../../shared/ipc/result';
import type { Dispatch } from '../dispatch';
import type { PushHub } from '../pushes/PushHub';
import type { DownloadTickets } from './downloadTickets';
import { LoopbackGuard, loopbackCsp, newToken, PUSH_PROTOCOL } from './security';

export interface LoopbackServerOptions {
  dispatch: Dispatch;
  hub: PushHub;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (`out/renderer`) to serve, so the UI runs in a browser; null serves the API only. */
  rendererDir?: string | null;
  /** Exports offered under `/downloads/<one-time id>` (ADR 0078); null offers none. */
  downloads?: DownloadTickets | null;
  /** A fixed token (tests); a fresh random one otherwise. */
  token?: string;
  log?: (message: string, detail?: unknown) => void;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  token: string;
  /** The page to open in a browser, carrying the token; null without a renderer. */
  uiUrl: string | null;
  close(): Promise<void>;
}

/** Largest request body accepted (an IPC request is small; a simulation set-up is a few KB). */
const MAX_BODY_BYTES = 1 << 20;
/** A client that cannot keep up with pushes is disconnected instead of growing memory without bound. */
const MAX_BUFFERED_BYTES = 16 << 20;
const PING_INTERVAL_MS = 30_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The IPC contract over loopback HTTP + WebSocket, for headless mode (SPEC 6): `POST /ipc/<channel>`
 * with a JSON body answers the channel's `IpcResult`; a WebSocket at `/ipc/push` streams every push as
 * `{ push, payload }`. Bound to 127.0.0.1 only; every API call needs the per-run token, and the Host and
 * Origin headers must name this server (no DNS rebinding, no cross-site requests). It also serves the
 * built renderer, whose page reads the token from its URL (`?token=`).
 */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const token = options.token ?? newToken();
  const log = options.log ?? ((message: string, detail?: unknown) => console.error(message, detail));
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : null;
  const downloads = options.downloads ?? null;
  // The guard needs the port, known only once listening.
  let guard: LoopbackGuard | null = null;
  let port = 0;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((err: unknown) => {
      log('loopback: request failed', err);
      if (!res.headersSent) sendJson(res, 500, ipcFail('internal', 'internal error'));
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(PUSH_PROTOCOL) ? PUSH_PROTOCOL : false),
  });
  const clients = new Set<WebSocket>();
  const unsubscribe = options.hub.subscribe((push, payload) => {
    if (clients.size === 0) return;
    const message = JSON.stringify({ push, payload });
    for (const ws of clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) ws.terminate();
      else ws.send(message);
    }
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const g = guard as LoopbackGuard;
    setCommonHeaders(res);
    if (!g.hostAllowed(req)) return sendText(res, 403, 'Forbidden: unknown Host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed', { allow: 'POST' });
      if (!g.originAllowed(req))
        return sendJson(res, 403, ipcFail('forbidden', 'cross-origin requests are refused'));
      if (!g.tokenValid(g.tokenOf(req)))
        return sendJson(res, 401, ipcFail('forbidden', 'a valid token is required'));
      if (!isJsonContentType(req.headers['content-type'])) {
        return sendJson(
          res,
          415,
          ipcFail(
            'validation',
            'the body must be sent as Content-Type: application/json (charset utf-8 allowed)',
          ),
        );
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, ipcFail('validation', 'the request body is too large'));
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : (JSON.parse(body) as unknown);
      } catch {
        return sendJson(res, 400, ipcFail('validation', 'the request body is not JSON'));
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      } catch {
        return sendJson(
          res,
          400,
          ipcFail('validation', 'the channel name in the URL is not valid percent-encoding (e.g. a lone %)'),
        );
      }
      const result = await options.dispatch(channel, payload, { transport: 'loopback' });
      return sendJson(res, result.ok || result.code !== 'unknown_channel' ? 200 : 404, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    if (url.pathname.startsWith('/downloads/')) {
      if (!g.originAllowed(req)) return sendText(res, 403, 'Forbidden');
      // A one-time id names the file (ADR 0078): no token in the URL; a spent or expired id is gone.
      const file = downloads?.redeem(url.pathname.slice('/downloads/'.length)) ?? null;
      if (file === null)
        return sendText(
          res,
          410,
          'This download link was used already or has expired: export the file again.',
        );
      return serveFile(res, dirname(file), encodeURIComponent(basename(file)), true);
    }
    if (rendererDir === null) return sendText(res, 404, 'Not Found');
    const path = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (path === 'index.html') return serveIndex(res, rendererDir);
    return serveFile(res, rendererDir, path, false);
  }

  function serveIndex(res: ServerResponse, dir: string): void {
    const csp = loopbackCsp(port);
    let html: string;
    try {
      html = readFileSync(join(dir, 'index.html'), 'utf8');
    } catch {
      return sendText(res, 404, 'The renderer is not built: run `npx electron-vite build` first.');
    }
    // The built page's meta CSP (made for the desktop) would intersect with the header: replace it.
    html = html.replace(
      /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/i,
      `<meta http-equiv="Content-Security-Policy" content="${loopbackCsp(port, true)}" />`,
    );
    res.writeHead(200, {
      'content-type': CONTENT_TYPES['.html'],
      'content-security-policy': csp,
      'cache-control': 'no-store',
    });
    res.end(html);
  }

  function serveFile(res: ServerResponse, root: string | null, rawPath: string, attachment: boolean): void {
    if (root === null) return sendText(res, 404, 'Not Found');
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      return sendText(res, 400, 'Bad Request');
    }
    const file = resolve(root, decoded);
    if (decoded.includes('\0') || !file.startsWith(root + sep)) return sendText(res, 404, 'Not Found');
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return sendText(res, 404, 'Not Found');
      size = stat.size;
    } catch {
      return sendText(res, 404, 'Not Found');
    }
    const headers: Record<string, string | number> = {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': attachment ? 'no-store' : 'no-cache',
    };
    if (attachment)
      headers['content-disposition'] =
        `attachment; filename="${encodeURIComponent(file.slice(root.length + 1))}"`;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  server.on('upgrade', (req, socket, head) => {
    const g = guard as LoopbackGuard;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/ipc/push') return refuse(404, 'Not Found');
    if (!g.hostAllowed(req) || !g.originAllowed(req)) return refuse(403, 'Forbidden');
    if (!g.tokenValid(g.protocolToken(req))) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      let alive = true;
      ws.on('pong', () => (alive = true));
      const ping = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, PING_INTERVAL_MS);
      ping.unref();
      // The stream is one-way: anything a client sends is ignored.
      ws.on('close', () => {
        clearInterval(ping);
        clients.delete(ws);
      });
      ws.on('error', (err) => log('loopback: push socket error', err));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  guard = new LoopbackGuard(port, token);
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    token,
    uiUrl: rendererDir ? `${origin}/?token=${encodeURIComponent(token)}` : null,
    close: async () => {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      clients.clear();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** `application/json`, optionally with `charset=utf-8`, and nothing else (`application/jsonfoo` is not JSON). */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset\s*=\s*"?utf-8"?$/.test(p));
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: IpcResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

/** The body as text, or null once it exceeds the limit (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
