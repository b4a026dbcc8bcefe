import { monotonicFactory } from 'ulidx';

/** Sortable unique ids (ULIDs). A port so tests and simulations can make them deterministic. */
export interface IdGenerator {
  next(): string;
}

/**
 * Monotonic ULIDs: ids made in one process sort in the order they were made, even within one
 * millisecond. Pure (ulidx only needs a random source), so it can live beside the port. Random bytes
 * come from the platform's CSPRNG in blocks rather than one call per character (the event-log append
 * path makes one id per event).
 */
export function ulidGenerator(clock?: { now(): number }): IdGenerator {
  const make = monotonicFactory(pooledRandom());
  return { next: () => (clock ? make(clock.now()) : make()) };
}

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** A PRNG in [0, 1) over bytes drawn 4 KiB at a time from `crypto.getRandomValues` (Node ≥ 20, browsers). */
function pooledRandom(): (() => number) | undefined {
  const webCrypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (typeof webCrypto?.getRandomValues !== 'function') return undefined; // ulidx finds its own source
  const pool = new Uint8Array(4096);
  let next = pool.length;
  return () => {
    if (next >= pool.length) {
      webCrypto.getRandomValues(pool);
      next = 0;
    }
    // 256 / 32 symbols: each base32 character stays exactly uniform.
    return (pool[next++] ?? 0) / 256;
  };
}
