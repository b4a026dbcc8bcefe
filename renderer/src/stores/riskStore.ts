import { create } from 'zustand';
import type { RiskAlertDto, RiskReportDto } from '../../../shared/ipc/dto/risk';
import { failureText, ipc } from './client';

interface RiskState {
  report: RiskReportDto | null;
  error: string | null;
  /** The alert list (SPEC 9), newest first; null until loaded. */
  alerts: RiskAlertDto[] | null;
  alertsError: string | null;
  /** The report of a portfolio (the first one when none is given). */
  load(portfolioId?: string | null): Promise<void>;
  loadAlerts(): Promise<void>;
}

/** The Risk page's report and alert list (SPEC 9): loaded when the page opens, on Refresh and after a save. */
export const useRiskStore = create<RiskState>()((set, get) => ({
  report: null,
  error: null,
  alerts: null,
  alertsError: null,
  async load(portfolioId) {
    const r = await ipc().invoke('risk.getReport', portfolioId ? { portfolioId } : {});
    set(r.ok ? { report: r.value, error: null } : { error: failureText(r) });
    await get().loadAlerts();
  },
  async loadAlerts() {
    const portfolioId = get().report?.portfolioId ?? undefined;
    const r = await ipc().invoke('risk.listAlerts', portfolioId ? { portfolioId } : {});
    set(r.ok ? { alerts: r.value, alertsError: null } : { alertsError: failureText(r) });
  },
}));
