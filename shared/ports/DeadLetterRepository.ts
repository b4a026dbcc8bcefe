/** What the investor did with a dead intent (SPEC 4.2): re-queued as a new order, or discarded. */
export interface DeadLetterResolution {
  intentId: string;
  tenantId: string;
  action: 'REQUEUED' | 'DISCARDED';
  newOrderId: string | null;
  by: string;
  why: string | null;
  resolvedAt: number;
}

/** The dead-letter queue's bookkeeping: a DEAD intent without a resolution is still waiting. */
export interface DeadLetterRepository {
  /** False when the intent was already resolved (each dead intent is handled once). */
  resolve(tenantId: string, resolution: DeadLetterResolution): boolean;
  get(tenantId: string, intentId: string): DeadLetterResolution | null;
  /** Ids of this tenant's resolved intents. */
  resolvedIntentIds(tenantId: string): Set<string>;
}
