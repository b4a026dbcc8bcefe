import { create } from 'zustand';
import type { EvaluationRowDto } from '../../../shared/ipc/dto/events';
import { failureText, ipc } from './client';

export type ActionFilter = 'all' | 'trades';

/** Rows fetched per page: a few screens of the virtualised list. */
export const TIMELINE_PAGE = 200;

interface TimelineState {
  positionId: string | null;
  filter: ActionFilter;
  items: EvaluationRowDto[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Rows arrived by push while the list was scrolled away from the top (shown on request). */
  pending: EvaluationRowDto[];
  /** The list shows its top: arriving rows go straight in. */
  atTop: boolean;
  expanded: Record<string, true>;
  /** Time of the first page's answer, for the e2e measurement. */
  firstPageMs: number | null;
  open(positionId: string, filter?: ActionFilter): Promise<void>;
  loadMore(): Promise<void>;
  setAtTop(atTop: boolean): void;
  showPending(): void;
  toggle(id: string): void;
  /** Push: evaluation.recorded. */
  received(row: EvaluationRowDto): void;
}

/**
 * A position's evaluation timeline, newest first, paged from the server: only what has been scrolled
 * to is ever in memory (100 000+ evaluations per position are normal after a year of 5-minute ticks).
 */
export const useTimelineStore = create<TimelineState>()((set, get) => ({
  positionId: null,
  filter: 'all',
  items: [],
  nextCursor: null,
  loading: false,
  error: null,
  pending: [],
  atTop: true,
  expanded: {},
  firstPageMs: null,
  async open(positionId, filter = 'all') {
    const started = performance.now();
    set({
      positionId,
      filter,
      items: [],
      nextCursor: null,
      loading: true,
      error: null,
      pending: [],
      expanded: {},
      firstPageMs: null,
    });
    const r = await ipc().invoke('timeline.listEvaluations', {
      positionId,
      limit: TIMELINE_PAGE,
      collapseClosed: true,
      ...(filter === 'trades' ? { actions: ['BUY', 'SELL'] } : {}),
    });
    if (get().positionId !== positionId || get().filter !== filter) return;
    set(
      r.ok
        ? {
            items: r.value.items,
            nextCursor: r.value.nextCursor,
            loading: false,
            firstPageMs: performance.now() - started,
          }
        : { loading: false, error: failureText(r) },
    );
  },
  async loadMore() {
    const { positionId, nextCursor, loading, filter } = get();
    if (positionId === null || nextCursor === null || loading) return;
    set({ loading: true });
    const r = await ipc().invoke('timeline.listEvaluations', {
      positionId,
      cursor: nextCursor,
      limit: TIMELINE_PAGE,
      collapseClosed: true,
      ...(filter === 'trades' ? { actions: ['BUY', 'SELL'] } : {}),
    });
    if (get().positionId !== positionId || get().nextCursor !== nextCursor) return;
    set(
      r.ok
        ? {
            items: [...get().items, ...r.value.items],
            nextCursor: r.value.nextCursor,
            loading: false,
            error: null,
          }
        : { loading: false, error: failureText(r) },
    );
  },
  setAtTop(atTop) {
    set({ atTop });
    if (atTop && get().pending.length > 0) get().showPending();
  },
  showPending() {
    const { pending, items } = get();
    set({ items: [...pending, ...items], pending: [] });
  },
  toggle(id) {
    const { [id]: open, ...rest } = get().expanded;
    set({ expanded: open ? rest : { ...rest, [id]: true } });
  },
  received(row) {
    const { positionId, filter, atTop, items, pending } = get();
    if (row.positionId !== positionId) return;
    if (filter === 'trades' && row.evaluation.action !== 'BUY' && row.evaluation.action !== 'SELL') return;
    if (items.some((i) => i.id === row.id) || pending.some((i) => i.id === row.id)) return;
    if (atTop) set({ items: withArrival(items, row) });
    else set({ pending: withArrival(pending, row) });
  },
}));

/** A HOLD because the market was closed (nothing quoted, nothing could trade). */
export function isClosedHold(row: EvaluationRowDto): boolean {
  return row.evaluation.action === 'HOLD' && row.evaluation.reasons.includes('market_closed');
}

/**
 * A pushed row on top of the list: a closed-market HOLD after another joins it (one row per closed
 * period, as the server pages them), anything else goes on top.
 */
export function withArrival(rows: EvaluationRowDto[], row: EvaluationRowDto): EvaluationRowDto[] {
  const top = rows[0];
  if (top !== undefined && isClosedHold(row) && isClosedHold(top)) {
    const merged: EvaluationRowDto = {
      ...row,
      collapsed: { count: (top.collapsed?.count ?? 1) + 1, fromTs: top.collapsed?.fromTs ?? top.ts },
    };
    return [merged, ...rows.slice(1)];
  }
  return [row, ...rows];
}
