import { create } from 'zustand';
import type { ProviderHealthDto, TradingStatusDto } from '../../../shared/ipc/dto/trading';
import { failureText, ipc } from './client';

interface TradingState {
  status: TradingStatusDto | null;
  error: string | null;
  busy: 'pause' | 'resume' | 'evaluate' | null;
  lastEvaluateNow: { tickId: string; evaluated: number } | null;
  load(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  evaluateNow(): Promise<void>;
  /** Pushes: trading.statusChanged and provider.healthChanged. */
  received(status: TradingStatusDto): void;
  providersChanged(providers: ProviderHealthDto[]): void;
}

export const useTradingStore = create<TradingState>()((set, get) => ({
  status: null,
  error: null,
  busy: null,
  lastEvaluateNow: null,
  async load() {
    const r = await ipc().invoke('trading.getStatus', {});
    set(r.ok ? { status: r.value, error: null } : { error: failureText(r) });
  },
  async pause() {
    set({ busy: 'pause' });
    const r = await ipc().invoke('trading.pauseTrading', {});
    set(r.ok ? { status: r.value, busy: null, error: null } : { busy: null, error: failureText(r) });
  },
  async resume() {
    set({ busy: 'resume' });
    const r = await ipc().invoke('trading.resumeTrading', {});
    set(r.ok ? { status: r.value, busy: null, error: null } : { busy: null, error: failureText(r) });
  },
  async evaluateNow() {
    set({ busy: 'evaluate' });
    const r = await ipc().invoke('trading.evaluateNow', {});
    set(r.ok ? { busy: null, lastEvaluateNow: r.value, error: null } : { busy: null, error: failureText(r) });
    if (r.ok) await get().load();
  },
  received(status) {
    set({ status });
  },
  providersChanged(providers) {
    const status = get().status;
    if (status) set({ status: { ...status, providers } });
  },
}));
