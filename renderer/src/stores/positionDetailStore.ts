import { create } from 'zustand';
import type { ChartDto, OrderDto, PositionDto, TradeDto } from '../../../shared/ipc/dto/ledger';
import { failureText, ipc } from './client';

interface PositionDetailState {
  positionId: string | null;
  position: PositionDto | null;
  chart: ChartDto | null;
  orders: OrderDto[] | null;
  trades: TradeDto[] | null;
  error: string | null;
  open(positionId: string): Promise<void>;
  refresh(): Promise<void>;
  close(): void;
}

/** The Position detail page: the position, its chart, orders and trades (the timeline has its own store). */
export const usePositionDetailStore = create<PositionDetailState>()((set, get) => ({
  positionId: null,
  position: null,
  chart: null,
  orders: null,
  trades: null,
  error: null,
  async open(positionId) {
    if (get().positionId !== positionId) {
      set({ positionId, position: null, chart: null, orders: null, trades: null, error: null });
    }
    await get().refresh();
  },
  async refresh() {
    const positionId = get().positionId;
    if (positionId === null) return;
    // Each part shows as soon as it arrives (the chart reads the most evaluations and comes last).
    const still = () => get().positionId === positionId;
    const fail = (message: string) => set({ error: message });
    await Promise.all([
      ipc()
        .invoke('position.getPosition', { positionId })
        .then((r) => still() && (r.ok ? set({ position: r.value, error: null }) : fail(failureText(r)))),
      ipc()
        .invoke('position.listOrders', { positionId })
        .then((r) => still() && (r.ok ? set({ orders: r.value }) : fail(failureText(r)))),
      ipc()
        .invoke('position.listTrades', { positionId })
        .then((r) => still() && (r.ok ? set({ trades: r.value }) : fail(failureText(r)))),
      ipc()
        .invoke('position.getChart', { positionId })
        .then((r) => still() && (r.ok ? set({ chart: r.value }) : fail(failureText(r)))),
    ]);
  },
  close() {
    set({ positionId: null, position: null, chart: null, orders: null, trades: null, error: null });
  },
}));
