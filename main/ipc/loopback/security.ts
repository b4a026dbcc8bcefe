import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The WebSocket subprotocol of the push stream; the token rides beside it as `vb.token.<token>`. */
export const PUSH_PROTOCOL = 'vb.v1';
export const TOKEN_PROTOCOL_PREFIX = 'vb.token.';
export const TOKEN_HEADER = 'x-vb-token';

/** A per-run secret: 32 random bytes, URL- and subprotocol-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison (both sides hashed first, so lengths never leak either). */
export function sameToken(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Who may talk to the server: only pages and programs addressing it as 127.0.0.1 or localhost on its
 * own port. A Host header naming any other name is a DNS-rebinding attempt (a foreign site whose name
 * resolves to 127.0.0.1); an Origin header from any other origin is a cross-site request.
 */
export class LoopbackGuard {
  private readonly hosts: ReadonlySet<string>;
  private readonly origins: ReadonlySet<string>;

  constructor(
    port: number,
    private readonly token: string,
  ) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`));
  }

  get allowedOrigins(): ReadonlySet<string> {
    return this.origins;
  }

  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host;
    return typeof host === 'string' && this.hosts.has(host.toLowerCase());
  }

  /** No Origin (a CLI or test client) is allowed: the token still has to match. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return req.headers['sec-fetch-site'] !== 'cross-site';
    return this.origins.has(origin.toLowerCase());
  }

  /** The token of an HTTP request: `x-vb-token` or `Authorization: Bearer …`. */
  tokenOf(req: IncomingMessage): string | null {
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string' && header !== '') return header;
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7);
    return null;
  }

  tokenValid(given: string | null | undefined): boolean {
    return sameToken(given, this.token);
  }

  /** The token offered as a WebSocket subprotocol (browsers cannot set headers on a WebSocket). */
  protocolToken(req: IncomingMessage): string | null {
    const offered = req.headers['sec-websocket-protocol'];
    if (typeof offered !== 'string') return null;
    const entry = offered
      .split(',')
      .map((p) => p.trim())
      .find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
    return entry ? entry.slice(TOKEN_PROTOCOL_PREFIX.length) : null;
  }
}

/**
 * The page's CSP when served over loopback: as in the desktop app, plus the push socket of this origin.
 * `frame-ancestors` only works as a header (a <meta> copy omits it).
 */
export function loopbackCsp(port: number, forMeta = false): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(forMeta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}
