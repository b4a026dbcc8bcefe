import { create } from 'zustand';
import type { ConfigPatch } from '../../../shared/ipc/dto/config';
import type { PortfolioDto } from '../../../shared/ipc/dto/ledger';
import type { DashboardDto } from '../../../shared/ipc/dto/trading';
import type { IpcIssue } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';

export type Submitted = { ok: true } | { ok: false; message: string; issues: IpcIssue[] };

interface PortfolioState {
  portfolios: PortfolioDto[];
  loaded: boolean;
  error: string | null;
  /** The portfolio the pages show; the first one until the user picks another. */
  selectedId: string | null;
  dashboard: DashboardDto | null;
  dashboardError: string | null;
  load(): Promise<void>;
  select(id: string): void;
  create(name: string): Promise<Submitted>;
  changeConfig(portfolioId: string, patch: ConfigPatch): Promise<Submitted>;
  loadDashboard(): Promise<void>;
}

export const usePortfolioStore = create<PortfolioState>()((set, get) => ({
  portfolios: [],
  loaded: false,
  error: null,
  selectedId: null,
  dashboard: null,
  dashboardError: null,
  async load() {
    const r = await ipc().invoke('portfolio.listPortfolios', {});
    if (!r.ok) return set({ error: failureText(r), loaded: true });
    const selected = get().selectedId;
    const keep = r.value.some((p) => p.id === selected);
    set({
      portfolios: r.value,
      loaded: true,
      error: null,
      selectedId: keep ? selected : (r.value[0]?.id ?? null),
    });
  },
  select(id) {
    set({ selectedId: id, dashboard: null });
    void get().loadDashboard();
  },
  async create(name) {
    const r = await ipc().invoke('portfolio.createPortfolio', { name });
    if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
    await get().load();
    set({ selectedId: r.value.id });
    return { ok: true };
  },
  async changeConfig(portfolioId, patch) {
    const r = await ipc().invoke('portfolio.changeConfig', { portfolioId, patch });
    if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
    await get().load();
    return { ok: true };
  },
  async loadDashboard() {
    const r = await ipc().invoke('portfolio.getDashboard', { portfolioId: get().selectedId });
    set(r.ok ? { dashboard: r.value, dashboardError: null } : { dashboardError: failureText(r) });
  },
}));
