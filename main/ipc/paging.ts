import type { DomainEvent } from '../../shared/domain/DomainEvent';

/** Largest number of events one page request may read while filtering (a search of a huge log continues on the next page). */
const MAX_SCAN = 50_000;

export interface NewestFirstPage {
  items: DomainEvent[];
  nextCursor: string | null;
}

/**
 * Newest-first keyset paging over the event log: each page holds events older than the cursor's id.
 * The backend's query pages forward only (`afterId`), so a page is read as the newest `n` events with
 * `n` = what was already shown + a page (the cursor carries that count as a hint), and sliced after the
 * cursor. Rows added meanwhile at the top do not shift pages: the cursor is an id, not an offset.
 * (Requested: `beforeId` in the backend's query, which makes every page one indexed read.)
 */
export function pageNewestFirst(
  fetchNewest: (limit: number) => DomainEvent[],
  options: { cursor: string | null; limit: number; keep?: (event: DomainEvent) => boolean },
): NewestFirstPage {
  const { beforeId, seen } = decodeCursor(options.cursor);
  const keep = options.keep ?? (() => true);
  let want = seen + options.limit + 64;
  for (;;) {
    const batch = fetchNewest(want);
    let i = beforeId === null ? 0 : firstOlder(batch, beforeId);
    const items: DomainEvent[] = [];
    for (; i < batch.length && items.length < options.limit; i++) {
      const event = batch[i] as DomainEvent;
      if (keep(event)) items.push(event);
    }
    const exhausted = batch.length < want;
    const full = items.length === options.limit;
    if (full || exhausted || want >= MAX_SCAN) {
      const more = i < batch.length || !exhausted;
      const last = batch[i - 1];
      return { items, nextCursor: more && last !== undefined ? encodeCursor(last.id, i) : null };
    }
    want = Math.min(MAX_SCAN, want * 2);
  }
}

/** Index of the first event (in a newest-first list) whose id is below `beforeId`. */
function firstOlder(batch: readonly DomainEvent[], beforeId: string): number {
  let lo = 0;
  let hi = batch.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((batch[mid] as DomainEvent).id >= beforeId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function encodeCursor(beforeId: string, seen: number): string {
  return `${beforeId}.${seen}`;
}

function decodeCursor(cursor: string | null): { beforeId: string | null; seen: number } {
  if (cursor === null) return { beforeId: null, seen: 0 };
  const dot = cursor.lastIndexOf('.');
  const seen = Number(cursor.slice(dot + 1));
  if (dot <= 0 || !Number.isSafeInteger(seen) || seen < 0) return { beforeId: cursor, seen: 0 };
  return { beforeId: cursor.slice(0, dot), seen: Math.min(seen, MAX_SCAN) };
}
