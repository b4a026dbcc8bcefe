import type Database from 'better-sqlite3';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
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
 * writer per database (docs/adr/0004) a claimed intent cannot be claimed twice.
 */
export class SqliteOrderIntentRepository implements OrderIntentRepository {
  /** Prepared once: the worker claims a batch and completes one intent per fill (bench/drain.bench.ts). */
  private readonly claimBatch: Database.Statement<
    { tenantId: string; now: number; leaseUntil: number; limit: number },
    OrderIntentRecord
  >;
  private readonly done: Database.Statement<{ tenantId: string; id: string; now: number }>;

  constructor(
    private readonly orm: Orm,
    sqlite: Database.Database,
  ) {
    // The due index is (tenant, status, next_attempt_at, id): each claimable state is read in due order
    // and stops at the limit; the two short lists are merged (an IN over both would sort every due row).
    // The claimed rows are then found by primary key (`+tenant_id` keeps the planner from scanning the
    // tenant's whole queue through the due index instead).
    const dueIn = (status: 'QUEUED' | 'FAILED') =>
      `SELECT id, next_attempt_at FROM (SELECT id, next_attempt_at FROM order_intents
         WHERE tenant_id = @tenantId AND status = '${status}' AND next_attempt_at <= @now
         ORDER BY next_attempt_at, id LIMIT @limit)`;
    this.claimBatch = sqlite.prepare(
      `WITH due AS (${dueIn('QUEUED')} UNION ALL ${dueIn('FAILED')} ORDER BY next_attempt_at, id LIMIT @limit)
       UPDATE order_intents
          SET status = 'PROCESSING', attempts = attempts + 1, lease_until = @leaseUntil, updated_at = @now
        WHERE id IN (SELECT id FROM due) AND +tenant_id = @tenantId
       RETURNING id, tenant_id AS tenantId, order_id AS orderId, status, attempts,
                 next_attempt_at AS nextAttemptAt, lease_until AS leaseUntil, last_error AS lastError,
                 created_at AS createdAt, updated_at AS updatedAt`,
    );
    this.done = sqlite.prepare(
      `UPDATE order_intents SET status = 'DONE', lease_until = NULL, updated_at = @now
        WHERE tenant_id = @tenantId AND id = @id AND status = 'PROCESSING'`,
    );
  }

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
    return this.claimDue(tenantId, now, leaseMs, 1)[0] ?? null;
  }

  claimDue(tenantId: string, now: number, leaseMs: number, limit: number): OrderIntentRecord[] {
    if (limit < 1) return [];
    // RETURNING gives the rows in no promised order: put them back in due order.
    return this.claimBatch
      .all({ tenantId, now, leaseUntil: now + leaseMs, limit })
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  markDone(tenantId: string, intentId: string, now: number): boolean {
    return this.done.run({ tenantId, id: intentId, now }).changes === 1;
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

  closeUnclaimed(tenantId: string, intentId: string, now: number): boolean {
    return (
      this.orm
        .update(orderIntents)
        .set({ status: 'DONE', leaseUntil: null, updatedAt: now })
        .where(
          and(
            eq(orderIntents.tenantId, tenantId),
            eq(orderIntents.id, intentId),
            inArray(orderIntents.status, ['QUEUED', 'FAILED']),
          ),
        )
        .run().changes === 1
    );
  }
}
