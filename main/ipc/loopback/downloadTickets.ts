import { randomBytes } from 'node:crypto';
import { resolve, sep } from 'node:path';

/** How long a download link stays valid: long enough to click it, short enough not to linger. */
export const DOWNLOAD_TTL_MS = 5 * 60_000;

/**
 * One-time download ids for the loopback server (issue 19, ADR 0078): an export's link is
 * `/downloads/<id>`, where the id is 32 random bytes that name one file of the exports folder, work once,
 * and expire after a few minutes. The token never travels in a URL (where history and logs keep it).
 */
export class DownloadTickets {
  private readonly root: string;
  private readonly tickets = new Map<string, { file: string; expires: number }>();

  constructor(
    root: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = DOWNLOAD_TTL_MS,
  ) {
    this.root = resolve(root);
  }

  /** The link of a file inside the exports folder, or null for any other file. */
  issue(file: string): string | null {
    const full = resolve(file);
    if (!full.startsWith(this.root + sep)) return null;
    this.prune();
    const id = randomBytes(32).toString('base64url');
    this.tickets.set(id, { file: full, expires: this.now() + this.ttlMs });
    return `/downloads/${id}`;
  }

  /** The file of a valid id, once: the id is spent either way. */
  redeem(id: string): string | null {
    const ticket = this.tickets.get(id);
    this.tickets.delete(id);
    if (!ticket || ticket.expires < this.now()) return null;
    return ticket.file;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, t] of this.tickets) if (t.expires < now) this.tickets.delete(id);
  }
}
