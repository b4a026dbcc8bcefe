import fs from 'node:fs';
import { chainHeadsOfFile } from '../db/backupFile';
import { chainKey, readChainHeads, writeChainHeads, type ChainHeads } from './chainHeadFile';

/** `<backup>.chain-head.json`: the head of every chain in a backup, signed with the data folder's key. */
export function backupHeadFileOf(backupFile: string): string {
  return `${backupFile}.chain-head.json`;
}

/**
 * Beside a backup just written: the newest event of each tenant's chain in it, signed (ADR 0077). A copy
 * cut short later (its newest events removed) no longer matches it, which the file alone cannot show.
 */
export function signBackupHead(dataDir: string, backupFile: string): void {
  const heads: ChainHeads = { database: backupFile.split(/[\\/]/).pop() ?? backupFile, tenants: {} };
  for (const [tenantId, latest] of chainHeadsOfFile(backupFile)) {
    heads.tenants[tenantId] = { latest, verified: null, verifiedAt: null };
  }
  writeChainHeads(backupHeadFileOf(backupFile), heads, chainKey(dataDir));
}

/**
 * Checks a backup against its signed head, when it has one: null when it matches (or has none: a backup
 * made elsewhere or by an older version), else why it is refused.
 */
export function backupHeadProblem(dataDir: string, backupFile: string): string | null {
  const file = backupHeadFileOf(backupFile);
  if (!fs.existsSync(file)) return null;
  const read = readChainHeads(file, chainKey(dataDir));
  if (read.state === 'missing') return null;
  if (read.state !== 'ok') return `its signed chain head cannot be trusted: ${read.message}`;
  let now: Map<string, { lastId: string; hash: string; count: number }>;
  try {
    now = chainHeadsOfFile(backupFile);
  } catch (err) {
    return `it cannot be read: ${(err as Error).message}`;
  }
  for (const [tenantId, head] of Object.entries(read.heads.tenants)) {
    const inFile = now.get(tenantId);
    if (
      !inFile ||
      inFile.lastId !== head.latest.lastId ||
      inFile.hash !== head.latest.hash ||
      inFile.count !== head.latest.count
    ) {
      return `its events do not end where its signed chain head says (tenant ${tenantId}: ${head.latest.count} events up to ${head.latest.lastId} when it was made, ${inFile ? `${inFile.count} up to ${inFile.lastId}` : 'none'} now): the copy was cut short or changed`;
    }
  }
  return null;
}
