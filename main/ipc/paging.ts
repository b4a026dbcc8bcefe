import type { DomainEvent } from '../../shared/domain/DomainEvent';

/** Largest number of events one page request may scan while filtering (a search of a huge log continues on the next page). */
const MAX_SCAN = 50_000;

/** Events shown as one row: the newest stands for the run; `members` are all of them, newest first. */
export interface EventRun {
  members: DomainEvent[];
}

export interface NewestFirstPage {
  items: DomainEvent[];
  /** With `runs`: item id → the run it stands for, when it stands for more than itself. */
  runs?: ReadonlyMap<string, EventRun>;
  nextCursor: string | null;
}

/**
 * Consecutive events that read better as one row (issue 15: closed-market HOLDs collapse into one row
 * per closed period): `member` says an event may belong to a run, `anchor` that a run holding it is
 * collapsed (a run of members without an anchor is shown event by event).
 */
export interface RunRule {
  member(event: DomainEvent): boolean;
  anchor(event: DomainEvent): boolean;
}

/**
 * Newest-first keyset paging over the event log: a page holds events older than the cursor, which is
 * the id of the last event the previous page scanned. Each read is one indexed query
 * (`id < cursor ORDER BY id DESC LIMIT n`), so page 500 costs what page 1 does, and rows added meanwhile
 * at the top never shift pages. With a `keep` filter the scan continues in batches until the page is
 * full, the log ends, or MAX_SCAN events were read (the cursor then lets the next request go on).
 * With `runs`, a run of consecutive members is one item (its newest event) and a page never ends inside
 * a run, so a closed period is one row however many pages of events it spans (up to MAX_SCAN).
 */
export function pageNewestFirst(
  fetchOlder: (beforeId: string | null, limit: number) => DomainEvent[],
  options: { cursor: string | null; limit: number; keep?: (event: DomainEvent) => boolean; runs?: RunRule },
): NewestFirstPage {
  const { keep, runs: rule } = options;
  let beforeId = options.cursor;
  const items: DomainEvent[] = [];
  const runs = new Map<string, EventRun>();
  let pending: DomainEvent[] = [];
  let scanned = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    if (rule !== undefined && pending.some((e) => rule.anchor(e))) {
      const head = pending[0] as DomainEvent;
      items.push(head);
      if (pending.length > 1) runs.set(head.id, { members: pending });
    } else {
      items.push(...pending);
    }
    pending = [];
  };
  const page = (nextCursor: string | null): NewestFirstPage =>
    rule ? { items, runs, nextCursor } : { items, nextCursor };
  // Without a filter or runs one read of exactly a page; with them, larger batches.
  const batchSize = keep || rule ? Math.max(options.limit * 4, 256) : options.limit;
  for (;;) {
    const batch = fetchOlder(beforeId, batchSize);
    for (const event of batch) {
      const previousId = beforeId;
      scanned++;
      beforeId = event.id;
      if (keep && !keep(event)) continue;
      if (rule?.member(event)) {
        pending.push(event);
        continue;
      }
      if (pending.length > 0) {
        flush();
        // The run filled the page: this event opens the next one.
        if (items.length >= options.limit) return page(previousId);
      }
      items.push(event);
      if (items.length >= options.limit) return page(event.id);
    }
    if (batch.length < batchSize) {
      flush();
      return page(null);
    }
    if (scanned >= MAX_SCAN) {
      flush();
      return page(beforeId);
    }
  }
}
