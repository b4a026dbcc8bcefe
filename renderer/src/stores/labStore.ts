import { create } from 'zustand';
import type { ExportFormat } from '../../../shared/ipc/dto/app';
import type { CompareRequestDto, CompareResultDto } from '../../../shared/ipc/dto/lab';
import { failureText, ipc } from './client';
import { useExportsStore } from './exportsStore';

/** The strategy lab's compare (SPEC 10): one request, its result, its export. */
interface LabState {
  result: CompareResultDto | null;
  running: boolean;
  error: string | null;
  compare(request: CompareRequestDto): Promise<void>;
  exportCompare(format: ExportFormat): Promise<void>;
}

export const useLabStore = create<LabState>()((set) => ({
  result: null,
  running: false,
  error: null,
  async compare(request) {
    set({ running: true, error: null });
    const out = await ipc().invoke('lab.compareStrategies', request);
    set(out.ok ? { result: out.value, running: false } : { error: failureText(out), running: false });
  },
  async exportCompare(format) {
    await useExportsStore
      .getState()
      .run(`compare.${format}`, () => ipc().invoke('lab.exportCompare', { format }));
  },
}));
