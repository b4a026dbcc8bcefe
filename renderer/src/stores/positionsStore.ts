import { create } from 'zustand';
import type { ConfigPatch } from '../../../shared/ipc/dto/config';
import type {
  AnchorPreviewDto,
  ManualOrderResultDto,
  NewPositionPreviewDto,
} from '../../../shared/ipc/dto/inputs';
import type { PositionDto, TriggerPricesDto } from '../../../shared/ipc/dto/ledger';
import type { IpcResult } from '../../../shared/ipc/result';
import { failureText, ipc } from './client';
import type { Submitted } from './portfolioStore';

export interface NewPosition {
  portfolioId: string;
  symbol: string;
  initialCash: number;
  existingShares?: number;
  initialStockPct?: number;
}

interface PositionsState {
  positions: PositionDto[];
  loaded: boolean;
  error: string | null;
  /** Position id → the action under way, so its buttons show it. */
  busy: Record<string, string>;
  load(): Promise<void>;
  create(input: NewPosition): Promise<Submitted>;
  pause(id: string): Promise<Submitted>;
  resume(id: string): Promise<Submitted>;
  /** Closes the position; with `sellOut`, sells every share first (paused meanwhile, closed when filled). */
  close(id: string, why: string, sellOut?: boolean): Promise<Submitted>;
  /** Deletes a position that never traded. */
  remove(id: string, why: string): Promise<Submitted>;
  /** Rebalance to the target stock share now (an order the worker fills). */
  rebalance(id: string): Promise<Submitted & { order?: ManualOrderResultDto['order'] }>;
  previewAnchor(id: string, anchor: number): Promise<IpcResult<AnchorPreviewDto>>;
  previewNewPosition(input: NewPosition): Promise<IpcResult<NewPositionPreviewDto>>;
  deposit(id: string, amount: number): Promise<Submitted>;
  withdraw(id: string, amount: number): Promise<Submitted>;
  setAnchor(id: string, anchor: number, why: string, confirmed?: boolean): Promise<Submitted>;
  changeConfig(id: string, override: ConfigPatch | null): Promise<Submitted>;
  previewTriggers(
    id: string,
    override: ConfigPatch | null,
  ): Promise<{ triggers: TriggerPricesDto | null; message: string | null; atLastPrice?: string | null }>;
  /** A position's new state (from an action here or a push), merged into the list. */
  upsert(position: PositionDto): void;
}

export const usePositionsStore = create<PositionsState>()((set, get) => {
  /** Runs an action of one position, marks it busy meanwhile, and merges the answer. */
  async function act(
    id: string,
    label: string,
    call: () => Promise<IpcResult<PositionDto>>,
  ): Promise<Submitted> {
    set({ busy: { ...get().busy, [id]: label } });
    const r = await call();
    const { [id]: _done, ...rest } = get().busy;
    set({ busy: rest });
    if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
    get().upsert(r.value);
    return { ok: true };
  }
  return {
    positions: [],
    loaded: false,
    error: null,
    busy: {},
    async load() {
      const r = await ipc().invoke('position.listPositions', {});
      set(r.ok ? { positions: r.value, loaded: true, error: null } : { loaded: true, error: failureText(r) });
    },
    async create(input) {
      const r = await ipc().invoke('position.createPosition', input);
      if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
      get().upsert(r.value);
      return { ok: true };
    },
    pause: (id) => act(id, 'pausing', () => ipc().invoke('position.pausePosition', { positionId: id })),
    resume: (id) => act(id, 'resuming', () => ipc().invoke('position.resumePosition', { positionId: id })),
    close: (id, why, sellOut = false) =>
      act(id, 'closing', () => ipc().invoke('position.closePosition', { positionId: id, why, sellOut })),
    async remove(id, why) {
      const r = await ipc().invoke('position.deletePosition', { positionId: id, ...(why ? { why } : {}) });
      if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
      set({ positions: get().positions.filter((p) => p.id !== id) });
      return { ok: true };
    },
    async rebalance(id) {
      set({ busy: { ...get().busy, [id]: 'rebalancing' } });
      const r = await ipc().invoke('position.rebalanceNow', { positionId: id });
      const { [id]: _done, ...rest } = get().busy;
      set({ busy: rest });
      if (!r.ok) return { ok: false, message: failureText(r), issues: r.issues ?? [] };
      get().upsert(r.value.position);
      return { ok: true, order: r.value.order };
    },
    previewAnchor: (id, anchor) => ipc().invoke('position.previewAnchor', { positionId: id, anchor }),
    previewNewPosition: (input) => ipc().invoke('position.previewNewPosition', input),
    deposit: (id, amount) =>
      act(id, 'depositing', () => ipc().invoke('position.depositCash', { positionId: id, amount })),
    withdraw: (id, amount) =>
      act(id, 'withdrawing', () => ipc().invoke('position.withdrawCash', { positionId: id, amount })),
    setAnchor: (id, anchor, why, confirmed = false) =>
      act(id, 'setting the anchor', () =>
        ipc().invoke('position.setAnchor', { positionId: id, anchor, why, confirmed }),
      ),
    changeConfig: (id, override) =>
      act(id, 'saving', () => ipc().invoke('position.changeConfig', { positionId: id, override })),
    async previewTriggers(id, override) {
      const r = await ipc().invoke('position.previewTriggers', { positionId: id, override });
      return r.ok ? r.value : { triggers: null, message: failureText(r) };
    },
    upsert(position) {
      const list = get().positions;
      const i = list.findIndex((p) => p.id === position.id);
      const next =
        i < 0 ? [...list, position].sort((a, b) => a.symbol.localeCompare(b.symbol)) : list.with(i, position);
      set({ positions: next });
    },
  };
});
