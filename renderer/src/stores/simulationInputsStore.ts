import { create } from 'zustand';
import type { CsvImportedDto, HistorySourceDto } from '../../../shared/ipc/dto/simulation';
import type { IpcResult } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';

interface SimulationInputsState {
  /** The history sources a run may read (SPEC 5 "Input"), with their intervals and symbols. */
  sources: HistorySourceDto[] | null;
  error: string | null;
  load(): Promise<void>;
  /** Imports a CSV of bars (and dividends) read from files the user picked; the CSV source's symbols follow. */
  importCsv(input: {
    symbol: string;
    fileName?: string;
    bars: string;
    dividends?: string;
  }): Promise<IpcResult<CsvImportedDto>>;
}

/** The Simulation page's inputs (issue 15, ADR 0064): where the bars come from, and CSV imports. */
export const useSimulationInputsStore = create<SimulationInputsState>()((set, get) => ({
  sources: null,
  error: null,
  async load() {
    const r = await ipc().invoke('simulation.listSources', {});
    set(r.ok ? { sources: r.value, error: null } : { error: failureText(r) });
  },
  async importCsv(input) {
    const r = await ipc().invoke('simulation.importCsv', input);
    if (r.ok) await get().load();
    return r;
  },
}));
