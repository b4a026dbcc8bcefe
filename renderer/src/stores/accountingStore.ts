import { create } from 'zustand';
import type {
  AccountingSettingsDto,
  DashboardFiguresDto,
  PerformanceDto,
  PositionLotsDto,
} from '../../../shared/ipc/dto/accounting';
import type { IpcIssue } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';
import { useExportsStore } from './exportsStore';

interface AccountingState {
  figures: DashboardFiguresDto | null;
  figuresError: string | null;
  performance: PerformanceDto | null;
  performanceError: string | null;
  /** Lots of one position, by position id. */
  lots: Record<string, PositionLotsDto | null>;
  lotsError: string | null;
  loadFigures(portfolioId: string | null): Promise<void>;
  loadPerformance(portfolioId: string | null, benchmark?: string): Promise<void>;
  loadLots(positionId: string): Promise<void>;
  exportTaxReport(year: number, format: 'csv' | 'xlsx' | 'pdf'): Promise<void>;
  /** SPEC 8 settings of each portfolio (lot method, benchmark, day-trade limit), by portfolio id. */
  settings: Record<string, AccountingSettingsDto>;
  settingsError: string | null;
  loadSettings(portfolioId: string): Promise<void>;
  saveSettings(
    portfolioId: string,
    settings: AccountingSettingsDto,
  ): Promise<{ ok: true } | { ok: false; message: string; issues: IpcIssue[] }>;
}

/** SPEC 8 in the UI: the Dashboard's figures, the Performance page, a position's lots (issue 16). */
export const useAccountingStore = create<AccountingState>()((set) => ({
  figures: null,
  figuresError: null,
  performance: null,
  performanceError: null,
  lots: {},
  lotsError: null,
  async loadFigures(portfolioId) {
    const r = await ipc().invoke('accounting.getDashboardFigures', { portfolioId });
    set(r.ok ? { figures: r.value, figuresError: null } : { figuresError: failureText(r) });
  },
  async loadPerformance(portfolioId, benchmark) {
    const r = await ipc().invoke('accounting.getPerformance', {
      portfolioId,
      ...(benchmark !== undefined && benchmark !== '' ? { benchmark } : {}),
    });
    set(r.ok ? { performance: r.value, performanceError: null } : { performanceError: failureText(r) });
  },
  async loadLots(positionId) {
    const r = await ipc().invoke('accounting.listLots', { positionId });
    if (r.ok) set((s) => ({ lots: { ...s.lots, [positionId]: r.value[0] ?? null }, lotsError: null }));
    else set({ lotsError: failureText(r) });
  },
  settings: {},
  settingsError: null,
  async loadSettings(portfolioId) {
    const r = await ipc().invoke('accounting.getSettings', { portfolioId });
    if (r.ok) set((s) => ({ settings: { ...s.settings, [portfolioId]: r.value }, settingsError: null }));
    else set({ settingsError: failureText(r) });
  },
  async saveSettings(portfolioId, settings) {
    const r = await ipc().invoke('accounting.updateSettings', { portfolioId, settings });
    if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
    set((s) => ({ settings: { ...s.settings, [portfolioId]: r.value } }));
    return { ok: true };
  },
  async exportTaxReport(year, format) {
    await useExportsStore
      .getState()
      .run(`tax-report-${year}.${format}`, () => ipc().invoke('report.exportTaxReport', { year, format }));
  },
}));
