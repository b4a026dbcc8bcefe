import { and, eq, sql } from 'drizzle-orm';
import type { EvaluationRepository } from '../../../shared/ports/EvaluationRepository';
import type { Orm } from '../openDatabase';
import { evaluations } from '../schema';

export class SqliteEvaluationRepository implements EvaluationRepository {
  /** Prepared once: the live loop records one row per position per tick (bench/tick.bench.ts). */
  private readonly insert;

  constructor(private readonly orm: Orm) {
    this.insert = orm
      .insert(evaluations)
      .values({
        tenantId: sql.placeholder('tenantId'),
        tickId: sql.placeholder('tickId'),
        positionId: sql.placeholder('positionId'),
        eventId: sql.placeholder('eventId'),
        recordedAt: sql.placeholder('recordedAt'),
      })
      .onConflictDoNothing()
      .prepare();
  }

  record(
    tenantId: string,
    entry: { tickId: string; positionId: string; eventId: string; recordedAt: number },
  ): boolean {
    return this.insert.run({ tenantId, ...entry }).changes === 1;
  }

  find(tenantId: string, tickId: string, positionId: string): string | null {
    const row = this.orm
      .select({ eventId: evaluations.eventId })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.tenantId, tenantId),
          eq(evaluations.tickId, tickId),
          eq(evaluations.positionId, positionId),
        ),
      )
      .get();
    return row?.eventId ?? null;
  }
}
