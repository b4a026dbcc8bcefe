import { create } from 'zustand';
import type { DividendOverviewDto } from '../../../shared/ipc/dto/dividends';
import { failureText, ipc } from './client';

interface DividendsState {
  overview: DividendOverviewDto | null;
  error: string | null;
  load(): Promise<void>;
}

export const useDividendsStore = create<DividendsState>()((set) => ({
  overview: null,
  error: null,
  async load() {
    const r = await ipc().invoke('dividend.getOverview', {});
    set(r.ok ? { overview: r.value, error: null } : { error: failureText(r) });
  },
}));
