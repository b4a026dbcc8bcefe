import { create } from 'zustand';
import type { ChainStatusDto, EventFilterDto, EventRowDto } from '../../../shared/ipc/dto/events';
import type { IpcIssue } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';
import { useExportsStore } from './exportsStore';

const PAGE = 100;

interface EventLogState {
  filter: EventFilterDto;
  items: EventRowDto[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  issues: IpcIssue[];
  chain: ChainStatusDto | null;
  verifying: boolean;
  /** New events stored since the list was loaded (the page offers to refresh). */
  stale: boolean;
  /** Closed-market HOLDs (with their ticks) as one row per closed period; on by default. */
  collapseClosed: boolean;
  setCollapseClosed(collapse: boolean): Promise<void>;
  setFilter(filter: EventFilterDto): Promise<void>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  verify(): Promise<void>;
  exportAs(format: 'csv' | 'json'): Promise<void>;
  markStale(): void;
}

export const useEventLogStore = create<EventLogState>()((set, get) => ({
  filter: {},
  items: [],
  nextCursor: null,
  loading: false,
  error: null,
  issues: [],
  chain: null,
  verifying: false,
  stale: false,
  collapseClosed: true,
  async setCollapseClosed(collapseClosed) {
    set({ collapseClosed });
    await get().reload();
  },
  async setFilter(filter) {
    set({ filter });
    await get().reload();
  },
  async reload() {
    const filter = get().filter;
    set({ loading: true, error: null, issues: [] });
    const r = await ipc().invoke('eventLog.listEvents', {
      filter,
      limit: PAGE,
      collapseClosed: get().collapseClosed,
    });
    if (get().filter !== filter) return;
    set(
      r.ok
        ? { items: r.value.items, nextCursor: r.value.nextCursor, loading: false, stale: false }
        : {
            loading: false,
            // Field problems show beside their fields; only the rest is a banner.
            error: r.issues && r.issues.length > 0 ? null : failureText(r),
            issues: r.issues ?? [],
            items: [],
            nextCursor: null,
          },
    );
  },
  async loadMore() {
    const { filter, nextCursor, loading } = get();
    if (nextCursor === null || loading) return;
    set({ loading: true });
    const r = await ipc().invoke('eventLog.listEvents', {
      filter,
      cursor: nextCursor,
      limit: PAGE,
      collapseClosed: get().collapseClosed,
    });
    if (get().filter !== filter) return;
    set(
      r.ok
        ? { items: [...get().items, ...r.value.items], nextCursor: r.value.nextCursor, loading: false }
        : { loading: false, error: failureText(r) },
    );
  },
  async verify() {
    set({ verifying: true });
    const r = await ipc().invoke('eventLog.verifyChain', {});
    set(r.ok ? { chain: r.value, verifying: false } : { verifying: false, error: failureText(r) });
  },
  async exportAs(format) {
    await useExportsStore
      .getState()
      .run(`events.${format}`, () => ipc().invoke('report.exportEvents', { filter: get().filter, format }));
  },
  markStale() {
    set({ stale: true });
  },
}));
