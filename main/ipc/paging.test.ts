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

describe('pageNewestFirst with runs', () => {
  /** ids e00000…; `kind` per index: 'c' a closed-market HOLD, 't' a tick, 'o' anything else. */
  function kinds(pattern: string) {
    const all = [...pattern].map(
      (kind, i) => ({ id: `e${String(i).padStart(5, '0')}`, kind }) as unknown as DomainEvent,
    );
    const fetchOlder = (beforeId: string | null, limit: number): DomainEvent[] =>
      all
        .filter((e) => beforeId === null || e.id < beforeId)
        .reverse()
        .slice(0, limit);
    return { all, fetchOlder };
  }
  const kindOf = (e: DomainEvent) => (e as unknown as { kind: string }).kind;
  const rule = {
    member: (e: DomainEvent) => kindOf(e) !== 'o',
    anchor: (e: DomainEvent) => kindOf(e) === 'c',
  };

  it('collapses a run holding a closed HOLD into its newest event; a run of ticks alone stays as it is', () => {
    // oldest → newest: o, [t c c t c c], o, [t], o
    const { fetchOlder } = kinds('otcctccoto');
    const page = pageNewestFirst(fetchOlder, { cursor: null, limit: 100, runs: rule });
    expect(page.items.map((e) => e.id)).toEqual(['e00009', 'e00008', 'e00007', 'e00006', 'e00000']);
    expect(page.runs?.get('e00006')?.members.map((e) => e.id)).toEqual([
      'e00006',
      'e00005',
      'e00004',
      'e00003',
      'e00002',
      'e00001',
    ]);
    expect(page.runs?.has('e00008')).toBe(false);
    expect(page.nextCursor).toBeNull();
  });

  it('never ends a page inside a run: a closed weekend is one row across many reads', () => {
    const { fetchOlder } = kinds(`o${'tcccc'.repeat(2000)}o`);
    const first = pageNewestFirst(fetchOlder, { cursor: null, limit: 2, runs: rule });
    expect(first.items.map((e) => e.id)).toEqual(['e10001', 'e10000']);
    expect(first.runs?.get('e10000')?.members).toHaveLength(10_000);
    const second = pageNewestFirst(fetchOlder, { cursor: first.nextCursor, limit: 2, runs: rule });
    expect(second.items.map((e) => e.id)).toEqual(['e00000']);
    expect(second.nextCursor).toBeNull();
  });
});
