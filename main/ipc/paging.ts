import type { DomainEvent } from '../../shared/domain/DomainEvent';

/** Largest number of events one page request may scan while filtering (a search of a huge log continues on the next page). */
const MAX_SCAN = 50_000;

export interface NewestFirstPage {
  items: DomainEvent[];
  nextCursor: string | null;
}

/**
 * Newest-first keyset paging over the event log: a page holds events older than the cursor, which is
 * the id of the last event the previous page scanned. Each read is one indexed query
 * (`id < cursor ORDER BY id DESC LIMIT n`), so page 500 costs what page 1 does, and rows added meanwhile
 * at the top never shift pages. With a `keep` filter the scan continues in batches until the page is
 * full, the log ends, or MAX_SCAN events were read (the cursor then lets the next request go on).
 */
export function pageNewestFirst(
  fetchOlder: (beforeId: string | null, limit: number) => DomainEvent[],
  options: { cursor: string | null; limit: number; keep?: (event: DomainEvent) => boolean },
): NewestFirstPage {
  const keep = options.keep;
  let beforeId = options.cursor;
  const items: DomainEvent[] = [];
  let scanned = 0;
  // Without a filter one read of exactly a page; with one, larger batches.
  const batchSize = keep ? Math.max(options.limit * 4, 256) : options.limit;
  for (;;) {
    const batch = fetchOlder(beforeId, batchSize);
    for (const event of batch) {
      scanned++;
      beforeId = event.id;
      if (keep && !keep(event)) continue;
      items.push(event);
      if (items.length === options.limit) return { items, nextCursor: event.id };
    }
    if (batch.length < batchSize) return { items, nextCursor: null };
    if (scanned >= MAX_SCAN) return { items, nextCursor: beforeId };
  }
}
