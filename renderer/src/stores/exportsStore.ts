import { create } from 'zustand';
import type { ExportedFileDto } from '../../../shared/ipc/dto/app';
import type { IpcResult } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';

export interface ExportOutcome {
  what: string;
  ok: boolean;
  message: string;
  file: ExportedFileDto | null;
  /** Browser mode: where the file can be downloaded from the headless backend. */
  downloadUrl: string | null;
}

interface ExportsState {
  busy: string | null;
  last: ExportOutcome | null;
  run(what: string, call: () => Promise<IpcResult<ExportedFileDto>>): Promise<void>;
  clear(): void;
}

/** Exports and backups share one status line: what is being written, and where the last one went. */
export const useExportsStore = create<ExportsState>()((set) => ({
  busy: null,
  last: null,
  async run(what, call) {
    set({ busy: what, last: null });
    const r = await call();
    if (r.ok) {
      const downloadUrl = r.value.downloadPath === null ? null : ipc().downloadUrl(r.value.downloadPath);
      set({
        busy: null,
        last: { what, ok: true, message: `Saved ${r.value.file}`, file: r.value, downloadUrl },
      });
    } else if (r.code === 'cancelled') set({ busy: null });
    else
      set({ busy: null, last: { what, ok: false, message: failureText(r), file: null, downloadUrl: null } });
  },
  clear() {
    set({ last: null });
  },
}));
