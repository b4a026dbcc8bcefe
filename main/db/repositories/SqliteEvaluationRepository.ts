import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { EvaluationRepository } from '../../../shared/ports/EvaluationRepository';
import type { Orm } from '../openDatabase';
import { evaluations } from '../schema';

export class SqliteEvaluationRepository implements EvaluationRepository {
  /** Prepared once: the live loop records one row per position per tick (bench/tick.bench.ts). */
  private readonly insert: Database.Statement<[string, string, string, string, number]>;

  constructor(
    private readonly orm: Orm,
    sqlite: Database.Database,
  ) {
    this.insert = sqlite.prepare(
      'INSERT INTO evaluations (tenant_id, tick_id, position_id, event_id, recorded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
  }

  record(
    tenantId: string,
    entry: { tickId: string; positionId: string; eventId: string; recordedAt: number },
  ): boolean {
    return (
      this.insert.run(tenantId, entry.tickId, entry.positionId, entry.eventId, entry.recordedAt).changes === 1
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
