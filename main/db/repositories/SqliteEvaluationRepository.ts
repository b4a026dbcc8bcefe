import { and, eq } from 'drizzle-orm';
import type { EvaluationRepository } from '../../../shared/ports/EvaluationRepository';
import type { Orm } from '../openDatabase';
import { evaluations } from '../schema';

export class SqliteEvaluationRepository implements EvaluationRepository {
  constructor(private readonly orm: Orm) {}

  record(
    tenantId: string,
    entry: { tickId: string; positionId: string; eventId: string; recordedAt: number },
  ): boolean {
    return (
      this.orm
        .insert(evaluations)
        .values({ tenantId, ...entry })
        .onConflictDoNothing()
        .run().changes === 1
    );
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
