import { create } from 'zustand';
import type { PortfolioHaltDto } from '../../../shared/ipc/dto/halts';
import { failureText, ipc } from './client';

interface HaltState {
  /** Every portfolio's trading state under the risk manager (SPEC 9); null until loaded. */
  halts: PortfolioHaltDto[] | null;
  error: string | null;
  /** The portfolio being resumed, or null. */
  resuming: string | null;
  load(): Promise<void>;
  resume(portfolioId: string): Promise<void>;
}

export const useHaltStore = create<HaltState>()((set) => ({
  halts: null,
  error: null,
  resuming: null,
  async load() {
    const r = await ipc().invoke('risk.haltStatus', {});
    set(r.ok ? { halts: r.value, error: null } : { error: failureText(r) });
  },
  async resume(portfolioId) {
    set({ resuming: portfolioId });
    const r = await ipc().invoke('risk.resume', { portfolioId });
    set(r.ok ? { halts: r.value, resuming: null, error: null } : { resuming: null, error: failureText(r) });
  },
}));

/** Portfolios whose trading the risk manager stopped or limited now. */
export function haltedPortfolios(halts: readonly PortfolioHaltDto[] | null): PortfolioHaltDto[] {
  return (halts ?? []).filter((h) => h.state !== 'trading');
}
