import { and, asc, eq, inArray, lt, lte } from 'drizzle-orm';
import type {
  IntentStatus,
  OrderIntentRecord,
  OrderIntentRepository,
  RetryPolicy,
} from '../../../shared/ports/OrderIntentRepository';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../../shared/ports/OrderIntentRepository';
import type { Orm } from '../openDatabase';
import { orderIntents } from '../schema';

/**
 * The durable queue (SPEC 4.2). Claims are single statements inside the caller's transaction; with one
 * writer per database (docs/adr/0003) a claimed intent cannot be claimed twice.
 */
export class SqliteOrderIntentRepository implements OrderIntentRepository {
  constructor(private readonly orm: Orm) {}

  enqueue(tenantId: string, intent: { id: string; orderId: string; now: number }): boolean {
    return (
      this.orm
        .insert(orderIntents)
        .values({
          id: intent.id,
          tenantId,
          orderId: intent.orderId,
          status: 'QUEUED',
          attempts: 0,
          nextAttemptAt: intent.now,
          leaseUntil: null,
          lastError: null,
          createdAt: intent.now,
          updatedAt: intent.now,
        })
        .onConflictDoNothing({ target: orderIntents.orderId })
        .run().changes === 1
    );
  }

  get(tenantId: string, intentId: string): OrderIntentRecord | null {
    return (
      this.orm
        .select()
        .from(orderIntents)
        .where(and(eq(orderIntents.tenantId, tenantId), eq(orderIntents.id, intentId)))
        .get() ?? null
    );
  }

  getByOrder(tenantId: string, orderId: string): OrderIntentRecord | null {
    return (
      this.orm
        .select()
        .from(orderIntents)
        .where(and(eq(orderIntents.tenantId, tenantId), eq(orderIntents.orderId, orderId)))
        .get() ?? null
    );
  }

  claimNextDue(tenantId: string, now: number, leaseMs: number): OrderIntentRecord | null {
    const due = this.orm
      .select()
      .from(orderIntents)
      .where(
        and(
          eq(orderIntents.tenantId, tenantId),
          inArray(orderIntents.status, ['QUEUED', 'FAILED']),
          lte(orderIntents.nextAttemptAt, now),
        ),
      )
      .orderBy(asc(orderIntents.nextAttemptAt), asc(orderIntents.id))
      .limit(1)
      .get();
    if (!due) return null;
    const claimed = {
      status: 'PROCESSING' as const,
      attempts: due.attempts + 1,
      leaseUntil: now + leaseMs,
      updatedAt: now,
    };
    const r = this.orm
      .update(orderIntents)
      .set(claimed)
      .where(
        and(
          eq(orderIntents.tenantId, tenantId),
          eq(orderIntents.id, due.id),
          eq(orderIntents.status, due.status),
        ),
      )
      .run();
    return r.changes === 1 ? { ...due, ...claimed } : null;
  }

  markDone(tenantId: string, intentId: string, now: number): boolean {
    const r = this.orm
      .update(orderIntents)
      .set({ status: 'DONE', leaseUntil: null, updatedAt: now })
      .where(
        and(
          eq(orderIntents.tenantId, tenantId),
          eq(orderIntents.id, intentId),
          eq(orderIntents.status, 'PROCESSING'),
        ),
      )
      .run();
    return r.changes === 1;
  }

  markFailed(
    tenantId: string,
    intentId: string,
    error: string,
    now: number,
    policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ): OrderIntentRecord | null {
    const current = this.get(tenantId, intentId);
    if (!current || current.status !== 'PROCESSING') return null;
    const dead = current.attempts >= policy.maxAttempts;
    const changes = {
      status: (dead ? 'DEAD' : 'FAILED') as IntentStatus,
      nextAttemptAt: dead ? current.nextAttemptAt : now + retryDelayMs(current.attempts, policy),
      leaseUntil: null,
      lastError: error,
      updatedAt: now,
    };
    this.orm
      .update(orderIntents)
      .set(changes)
      .where(and(eq(orderIntents.tenantId, tenantId), eq(orderIntents.id, intentId)))
      .run();
    return { ...current, ...changes };
  }

  releaseExpiredLeases(tenantId: string, now: number): number {
    return this.orm
      .update(orderIntents)
      .set({ status: 'QUEUED', leaseUntil: null, updatedAt: now })
      .where(
        and(
          eq(orderIntents.tenantId, tenantId),
          eq(orderIntents.status, 'PROCESSING'),
          lt(orderIntents.leaseUntil, now),
        ),
      )
      .run().changes;
  }

  listByStatus(tenantId: string, status: IntentStatus, limit = 100): OrderIntentRecord[] {
    return this.orm
      .select()
      .from(orderIntents)
      .where(and(eq(orderIntents.tenantId, tenantId), eq(orderIntents.status, status)))
      .orderBy(asc(orderIntents.nextAttemptAt), asc(orderIntents.id))
      .limit(limit)
      .all();
  }
}
