import type {
  CancelledOrderDto,
  OrderTicketPreviewDto,
  PlacedOrderDto,
  PositionEvaluatedDto,
} from '../../../shared/ipc/dto/orderDesk';
import type { IpcResult } from '../../../shared/ipc/result';
import { ipc } from './client';
import { usePositionDetailStore } from './positionDetailStore';
import { usePositionsStore } from './positionsStore';

/**
 * The order desk of a position (issue 15): the manual order ticket, cancel of an open order and
 * "evaluate this position now". Each answer's position is merged into the lists, and the detail page
 * (orders, timeline) is refreshed when it shows that position.
 */
export const orderDesk = {
  preview(positionId: string, side: 'BUY' | 'SELL', qty: number): Promise<IpcResult<OrderTicketPreviewDto>> {
    return ipc().invoke('position.previewOrder', { positionId, side, qty });
  },
  async place(
    positionId: string,
    side: 'BUY' | 'SELL',
    qty: number,
    why: string,
  ): Promise<IpcResult<PlacedOrderDto>> {
    const r = await ipc().invoke('position.placeOrder', {
      positionId,
      side,
      qty,
      ...(why.trim() ? { why: why.trim() } : {}),
    });
    if (r.ok) followed(r.value.position);
    // Refused by the risk limits, the order was still recorded (REJECTED, ADR 0136): show it.
    else refreshDetail(positionId);
    return r;
  },
  async cancel(orderId: string, positionId: string): Promise<IpcResult<CancelledOrderDto>> {
    const r = await ipc().invoke('position.cancelOrder', { orderId });
    if (r.ok) refreshDetail(positionId);
    return r;
  },
  async evaluate(positionId: string): Promise<IpcResult<PositionEvaluatedDto>> {
    const r = await ipc().invoke('position.evaluateNow', { positionId });
    if (r.ok) followed(r.value.position);
    return r;
  },
};

function followed(position: PositionEvaluatedDto['position']): void {
  usePositionsStore.getState().upsert(position);
  refreshDetail(position.id);
}

function refreshDetail(positionId: string): void {
  const detail = usePositionDetailStore.getState();
  if (detail.positionId === positionId) void detail.refresh();
}
