import { create } from 'zustand';
import type { RequestOf } from '../../../shared/ipc/contract';
import type {
  DeadLetterDto,
  StrategyFieldDto,
  TradingSettingsDto,
} from '../../../shared/ipc/dto/tradingSettings';
import type { IpcIssue } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';

export type Outcome = { ok: true } | { ok: false; message: string; issues?: IpcIssue[] };

interface TradingSettingsState {
  trading: TradingSettingsDto | null;
  fields: StrategyFieldDto[] | null;
  deadLetters: DeadLetterDto[] | null;
  error: string | null;
  busy: string | null;
  load(): Promise<void>;
  loadFields(): Promise<void>;
  loadDeadLetters(): Promise<void>;
  setCommissionRate(request: RequestOf<'settings.setCommissionRate'>): Promise<Outcome>;
  removeCommissionRate(request: RequestOf<'settings.removeCommissionRate'>): Promise<Outcome>;
  updateTrading(request: RequestOf<'settings.updateTrading'>): Promise<Outcome>;
  requeue(intentId: string, why?: string): Promise<Outcome>;
  discard(intentId: string, why?: string): Promise<Outcome>;
  recordDividend(request: RequestOf<'dividend.recordDividend'>): Promise<Outcome>;
}

/** Settings › Trading, Strategy defaults and Dead letters (issue 15): the only code here that calls IPC. */
export const useTradingSettingsStore = create<TradingSettingsState>()((set, get) => {
  async function run<T>(
    label: string,
    call: () => Promise<{ ok: true; value: T } | ({ ok: false } & { message: string; issues?: IpcIssue[] })>,
    then?: (value: T) => void,
  ): Promise<Outcome> {
    set({ busy: label });
    const r = await call();
    set({ busy: null });
    if (!r.ok) return { ok: false, message: failureText(r as never), issues: r.issues ?? [] };
    then?.(r.value);
    return { ok: true };
  }
  const setTrading = (trading: TradingSettingsDto) => set({ trading });
  return {
    trading: null,
    fields: null,
    deadLetters: null,
    error: null,
    busy: null,
    async load() {
      const r = await ipc().invoke('settings.getTrading', {});
      set(r.ok ? { trading: r.value, error: null } : { error: failureText(r) });
    },
    async loadFields() {
      if (get().fields) return;
      const r = await ipc().invoke('settings.getStrategyFields', {});
      set(r.ok ? { fields: r.value } : { error: failureText(r) });
    },
    async loadDeadLetters() {
      const r = await ipc().invoke('deadLetter.listDeadLetters', {});
      set(r.ok ? { deadLetters: r.value, error: null } : { error: failureText(r) });
    },
    setCommissionRate: (request) =>
      run('commission', () => ipc().invoke('settings.setCommissionRate', request), setTrading),
    removeCommissionRate: (request) =>
      run('commission', () => ipc().invoke('settings.removeCommissionRate', request), setTrading),
    updateTrading: (request) =>
      run('trading', () => ipc().invoke('settings.updateTrading', request), setTrading),
    requeue: (intentId, why) =>
      run(`requeue:${intentId}`, () =>
        ipc().invoke('deadLetter.requeueDeadLetter', { intentId, ...(why ? { why } : {}) }),
      ).then(async (o) => {
        await get().loadDeadLetters();
        return o;
      }),
    discard: (intentId, why) =>
      run(`discard:${intentId}`, () =>
        ipc().invoke('deadLetter.discardDeadLetter', { intentId, ...(why ? { why } : {}) }),
      ).then(async (o) => {
        await get().loadDeadLetters();
        return o;
      }),
    recordDividend: (request) => run('dividend', () => ipc().invoke('dividend.recordDividend', request)),
  };
});
