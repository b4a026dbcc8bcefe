import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { pageNewestFirst } from './paging';

/** A fake log of n events with ids e00000…, answering `id < beforeId` newest first, counting reads. */
function log(n: number) {
  const all = Array.from(
    { length: n },
    (_, i) => ({ id: `e${String(i).padStart(5, '0')}`, n: i }) as unknown as DomainEvent,
  );
  const reads: number[] = [];
  const fetchOlder = (beforeId: string | null, limit: number): DomainEvent[] => {
    const older = all.filter((e) => beforeId === null || e.id < beforeId).reverse();
    reads.push(limit);
    return older.slice(0, limit);
  };
  return { all, reads, fetchOlder };
}

describe('pageNewestFirst', () => {
  it('walks the whole log newest first without gaps or repeats, one read per page', () => {
    const { all, reads, fetchOlder } = log(95);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = pageNewestFirst(fetchOlder, { cursor, limit: 20 });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((e) => e.id).reverse());
    expect(pages).toBe(5);
    expect(reads).toEqual([20, 20, 20, 20, 20]);
  });

  it('filters while scanning and resumes after the last event scanned', () => {
    const { fetchOlder } = log(1000);
    const even = (e: DomainEvent) => (e as unknown as { n: number }).n % 2 === 0;
    const first = pageNewestFirst(fetchOlder, { cursor: null, limit: 10, keep: even });
    expect(first.items.map((e) => (e as unknown as { n: number }).n)).toEqual([
      998, 996, 994, 992, 990, 988, 986, 984, 982, 980,
    ]);
    const second = pageNewestFirst(fetchOlder, { cursor: first.nextCursor, limit: 3, keep: even });
    expect(second.items.map((e) => (e as unknown as { n: number }).n)).toEqual([978, 976, 974]);
  });

  it('ends with a null cursor when nothing older is left, even with no match', () => {
    const { fetchOlder } = log(30);
    expect(pageNewestFirst(fetchOlder, { cursor: null, limit: 10, keep: () => false })).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
