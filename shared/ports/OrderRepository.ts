import type { CommissionSnapshot } from '../domain/Commission';
import type { PricePolicy } from '../domain/Config';
import type { Side } from '../domain/DomainEvent';
import type { ReasonCode } from '../domain/ReasonCode';

export const ORDER_STATUSES = [
  'NEW',
  'SUBMITTED',
  'PARTIALLY_FILLED',
  'FILLED',
  'REJECTED',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Orders that may still fill. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ['NEW', 'SUBMITTED', 'PARTIALLY_FILLED'];

export interface OrderRecord {
  id: string;
  tenantId: string;
  positionId: string;
  /** The tick that created it (SPEC 4.1.1); null for orders not born in a tick. */
  tickId: string | null;
  side: Side;
  qty: number;
  /** Effective price the order was sized at. */
  price: number;
  pricePolicy: PricePolicy;
  /** Commission in force when the order was created; execution uses it (SPEC 2.7). */
  commission: CommissionSnapshot;
  status: OrderStatus;
  dedupeKey: string;
  filledQty: number;
  reasons: ReasonCode[];
  createdAt: number;
  updatedAt: number;
}

export interface OrderChanges {
  status: OrderStatus;
  filledQty?: number;
  /** Re-evaluation before sending may re-size and re-price (SPEC 4.2). */
  qty?: number;
  price?: number;
  updatedAt: number;
}

export interface OrderRepository {
  /**
   * False (and nothing written) when an order with the same dedupe key, or for the same
   * (tick, position), already exists: re-running a tick creates nothing twice (SPEC 4.1.4).
   */
  insert(tenantId: string, order: OrderRecord): boolean;
  get(tenantId: string, orderId: string): OrderRecord | null;
  getByDedupeKey(tenantId: string, dedupeKey: string): OrderRecord | null;
  /**
   * Compare-and-set on the status: applies `changes` only if the order is still in `expected`.
   * The order state machine (which moves are legal) is the caller's; this only persists a move.
   */
  transition(tenantId: string, orderId: string, expected: OrderStatus, changes: OrderChanges): boolean;
  /** Newest first. */
  listByPosition(tenantId: string, positionId: string, limit?: number): OrderRecord[];
  listOpen(tenantId: string, positionId?: string): OrderRecord[];
  /** Orders created in [fromMs, toMs) that were not rejected or cancelled (SPEC 2.5 rule 4). */
  countActiveCreatedBetween(tenantId: string, positionId: string, fromMs: number, toMs: number): number;
  /**
   * Orders of the whole tenant created in [fromMs, toMs) that were not rejected, and those of them on
   * `symbol` (any position): the order validator's rate limits (SPEC 9).
   */
  countCreatedForRate(
    tenantId: string,
    symbol: string,
    fromMs: number,
    toMs: number,
  ): { all: number; symbol: number };
}
