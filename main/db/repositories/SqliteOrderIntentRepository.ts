import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
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
  /** Prepared once: the worker claims and completes one intent per fill (bench/drain.bench.ts). */
  private readonly nextQueued;
  private readonly nextFailed;
  private readonly claim;
  private readonly done;

  constructor(private readonly orm: Orm) {
    // One indexed range scan per claimable state (an IN over both would sort every queued row).
    const nextDueIn = (status: 'QUEUED' | 'FAILED') =>
      orm
        .select()
        .from(orderIntents)
        .where(
          and(
            eq(orderIntents.tenantId, sql.placeholder('tenantId')),
            eq(orderIntents.status, status),
            lte(orderIntents.nextAttemptAt, sql.placeholder('now')),
          ),
        )
        .orderBy(asc(orderIntents.nextAttemptAt), asc(orderIntents.id))
        .limit(1)
        .prepare();
    this.nextQueued = nextDueIn('QUEUED');
    this.nextFailed = nextDueIn('FAILED');
    this.claim = orm
      .update(orderIntents)
      .set({
        status: 'PROCESSING',
        attempts: sql`${sql.placeholder('attempts')}`,
        leaseUntil: sql`${sql.placeholder('leaseUntil')}`,
        updatedAt: sql`${sql.placeholder('now')}`,
      })
      .where(
        and(
          eq(orderIntents.tenantId, sql.placeholder('tenantId')),
          eq(orderIntents.id, sql.placeholder('id')),
          eq(orderIntents.status, sql.placeholder('status')),
        ),
      )
      .prepare();
    this.done = orm
      .update(orderIntents)
      .set({ status: 'DONE', leaseUntil: null, updatedAt: sql`${sql.placeholder('now')}` })
      .where(
        and(
          eq(orderIntents.tenantId, sql.placeholder('tenantId')),
          eq(orderIntents.id, sql.placeholder('id')),
          eq(orderIntents.status, 'PROCESSING'),
        ),
      )
      .prepare();
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
    const queued = this.nextQueued.get({ tenantId, now });
    const failed = this.nextFailed.get({ tenantId, now });
    const due =
      queued && failed
        ? queued.nextAttemptAt < failed.nextAttemptAt ||
          (queued.nextAttemptAt === failed.nextAttemptAt && queued.id < failed.id)
          ? queued
          : failed
        : (queued ?? failed);
    if (!due) return null;
    const claimed = {
      status: 'PROCESSING' as const,
      attempts: due.attempts + 1,
      leaseUntil: now + leaseMs,
      updatedAt: now,
    };
    const r = this.claim.run({
      tenantId,
      id: due.id,
      status: due.status,
      attempts: claimed.attempts,
      leaseUntil: claimed.leaseUntil,
      now,
    });
    return r.changes === 1 ? { ...due, ...claimed } : null;
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
}
