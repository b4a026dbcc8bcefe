import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readJsonStateFile, writeFileAtomicSync } from '../adapters/files/atomicFile';
import type { ChainCheckpoint } from '../db/eventLog/hashChain';

/** What is kept of one tenant's chain outside the database (ADR 0077). */
export interface TenantHead {
  /** The newest event seen (after every tick and fill): a log cut off before it is detected. */
  latest: ChainCheckpoint;
  /** The newest event whose chain was verified: the next check walks on from there. */
  verified: ChainCheckpoint | null;
  verifiedAt: number | null;
}

export interface ChainHeads {
  /** The database file these heads belong to (its base name). */
  database: string;
  tenants: Record<string, TenantHead>;
}

/** `<db>.chain-head.json`, beside the database: the head of every tenant's chain, signed. */
export function chainHeadFileOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.chain-head.json`;
}

/** `<dataDir>/chain-key`: the local key that signs head files (made once, readable by the user only). */
export function chainKeyFileOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'chain-key');
}

/** The signing key of this data folder, made on first use. */
export function chainKey(dataDir: string): Buffer {
  const file = chainKeyFileOf(dataDir);
  const read = readJsonStateFile(file, (v) =>
    typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? Buffer.from(v, 'hex') : null,
  );
  if (read.state === 'ok') return read.value;
  if (read.state === 'unreadable') {
    // A damaged key is kept for inspection; heads signed with it will then be reported as unverifiable.
    fs.renameSync(file, `${file}.unreadable-${Date.now()}`);
  }
  const key = randomBytes(32);
  writeFileAtomicSync(file, JSON.stringify(key.toString('hex')));
  return key;
}

function signatureOf(heads: ChainHeads, key: Buffer): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([heads.database, heads.tenants]))
    .digest('hex');
}

/** Writes heads with their signature, atomically (ADR 0075). */
export function writeChainHeads(file: string, heads: ChainHeads, key: Buffer): void {
  writeFileAtomicSync(file, JSON.stringify({ ...heads, signature: signatureOf(heads, key) }, null, 2));
}

export type ChainHeadsRead =
  | { state: 'missing' }
  | { state: 'ok'; heads: ChainHeads }
  | { state: 'unreadable' | 'unsigned'; message: string };

/**
 * Reads a head file: missing (a first start, or a backup made before heads were kept), the heads, or why
 * they cannot be trusted: unreadable, or a signature that does not match (changed outside the app, or
 * signed with another data folder's key).
 */
export function readChainHeads(file: string, key: Buffer): ChainHeadsRead {
  const read = readJsonStateFile(file, (v) => {
    const o = v as Partial<ChainHeads & { signature: string }> | null;
    return o !== null &&
      typeof o === 'object' &&
      typeof o.database === 'string' &&
      typeof o.signature === 'string' &&
      o.tenants !== null &&
      typeof o.tenants === 'object'
      ? (o as ChainHeads & { signature: string })
      : null;
  });
  if (read.state === 'missing') return read;
  if (read.state === 'unreadable') return { state: 'unreadable', message: read.message };
  const { signature, ...heads } = read.value;
  const expected = Buffer.from(signatureOf(heads, key), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      state: 'unsigned',
      message: `${file} does not carry this data folder's signature: it was changed outside the app, or comes from another data folder`,
    };
  }
  return { state: 'ok', heads };
}
