import { create } from 'zustand';
import type { AppStatusDto } from '../../../shared/ipc/dto/app';
import type { ConnectionState } from '../lib/ipcClient';
import { failureText, ipc } from './client';

interface AppState {
  status: AppStatusDto | null;
  loading: boolean;
  error: string | null;
  /** The push stream (browser mode reconnects when the backend restarts). */
  connection: ConnectionState;
  creatingDemo: boolean;
  demoError: string | null;
  load(): Promise<void>;
  setConnection(state: ConnectionState): void;
  createDemo(): Promise<boolean>;
  openLogs(): Promise<string | null>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  status: null,
  loading: false,
  error: null,
  connection: 'connecting',
  creatingDemo: false,
  demoError: null,
  async load() {
    set({ loading: true });
    const r = await ipc().invoke('app.getStatus', {});
    set(r.ok ? { status: r.value, loading: false, error: null } : { loading: false, error: failureText(r) });
  },
  setConnection(connection) {
    const was = get().connection;
    set({ connection });
    if (connection === 'open' && was === 'closed') void get().load();
  },
  async createDemo() {
    set({ creatingDemo: true, demoError: null });
    const r = await ipc().invoke('app.createDemoPortfolio', {});
    set({ creatingDemo: false, demoError: r.ok ? null : failureText(r) });
    if (r.ok) await get().load();
    return r.ok;
  },
  async openLogs() {
    const r = await ipc().invoke('app.openLogFolder', {});
    return r.ok ? r.value.dir : null;
  },
}));
