import type { Side } from '../domain/DomainEvent';

/** One execution (fill) of an order. */
export interface TradeRecord {
  id: string;
  tenantId: string;
  orderId: string;
  positionId: string;
  side: Side;
  qty: number;
  price: number;
  notionalCents: number;
  commissionCents: number;
  brokerRef: string;
  executedAt: number;
}

export interface TradeRepository {
  /** False (nothing written) when this (order, broker ref) was already recorded: a fill is booked once. */
  insert(tenantId: string, trade: TradeRecord): boolean;
  get(tenantId: string, tradeId: string): TradeRecord | null;
  listByOrder(tenantId: string, orderId: string): TradeRecord[];
  /** Newest first. */
  listByPosition(tenantId: string, positionId: string, limit?: number): TradeRecord[];
  /** Sum of booked notionals executed in [fromMs, toMs) (the daily notional cap, SPEC 2.5 rule 4). */
  sumNotionalCentsBetween(tenantId: string, positionId: string, fromMs: number, toMs: number): number;
}
