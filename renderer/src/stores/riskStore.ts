import { create } from 'zustand';
import type { RiskReportDto } from '../../../shared/ipc/dto/risk';
import { failureText, ipc } from './client';

interface RiskState {
  report: RiskReportDto | null;
  error: string | null;
  load(): Promise<void>;
}

/** The Risk page's one report (SPEC 9): loaded when the page opens and on Refresh. */
export const useRiskStore = create<RiskState>()((set) => ({
  report: null,
  error: null,
  async load() {
    const r = await ipc().invoke('risk.getReport', {});
    set(r.ok ? { report: r.value, error: null } : { error: failureText(r) });
  },
}));
