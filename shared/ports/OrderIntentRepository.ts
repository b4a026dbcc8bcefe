export const INTENT_STATUSES = ['QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

/** An entry of the durable order queue (SPEC 4.2). */
export interface OrderIntentRecord {
  id: string;
  tenantId: string;
  orderId: string;
  status: IntentStatus;
  /** Claims so far (each claim is one attempt). */
  attempts: number;
  /** When it may next be claimed. */
  nextAttemptAt: number;
  /** While PROCESSING: the claim is the worker's until then; after it the intent is re-queued. */
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface RetryPolicy {
  /** The attempt that fails with this count goes to DEAD (the dead-letter queue). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 5_000,
  maxDelayMs: 10 * 60_000,
};

/** Exponential backoff after the n-th failed attempt (n ≥ 1): base · 2^(n−1), capped. */
export function retryDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export interface OrderIntentRepository {
  /** False when the order already has an intent (one intent per order). */
  enqueue(tenantId: string, intent: { id: string; orderId: string; now: number }): boolean;
  get(tenantId: string, intentId: string): OrderIntentRecord | null;
  getByOrder(tenantId: string, orderId: string): OrderIntentRecord | null;
  /**
   * Takes the oldest due intent (QUEUED, or FAILED whose retry time has come): PROCESSING, one more
   * attempt, leased until now + leaseMs. Null when nothing is due.
   */
  claimNextDue(tenantId: string, now: number, leaseMs: number): OrderIntentRecord | null;
  /**
   * `claimNextDue` for up to `limit` intents at once, in one statement: the `limit` oldest due intents
   * (by next attempt time, then id), each PROCESSING with one more attempt and the same lease. Returned
   * in that order; empty when nothing is due.
   */
  claimDue(tenantId: string, now: number, leaseMs: number, limit: number): OrderIntentRecord[];
  /** PROCESSING → DONE. False when the intent is not PROCESSING (e.g. its lease expired and was released). */
  markDone(tenantId: string, intentId: string, now: number): boolean;
  /**
   * PROCESSING → FAILED with the next attempt after the backoff, or → DEAD once attempts reach
   * `policy.maxAttempts`. Returns the updated intent, or null when it was not PROCESSING.
   */
  markFailed(
    tenantId: string,
    intentId: string,
    error: string,
    now: number,
    policy?: RetryPolicy,
  ): OrderIntentRecord | null;
  /** PROCESSING intents whose lease ended before `now` go back to QUEUED (a crashed worker). Returns how many. */
  releaseExpiredLeases(tenantId: string, now: number): number;
  listByStatus(tenantId: string, status: IntentStatus, limit?: number): OrderIntentRecord[];
  /**
   * QUEUED or FAILED → DONE: its order was cancelled by hand before a worker claimed it (ADR 0062).
   * False when the intent is in any other state (a worker holds it, or it is finished).
   */
  closeUnclaimed(tenantId: string, intentId: string, now: number): boolean;
}
