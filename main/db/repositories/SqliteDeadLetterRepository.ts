import { and, eq } from 'drizzle-orm';
import type { DeadLetterRepository, DeadLetterResolution } from '../../../shared/ports/DeadLetterRepository';
import type { Orm } from '../openDatabase';
import { deadLetterResolutions } from '../schema';

export class SqliteDeadLetterRepository implements DeadLetterRepository {
  constructor(private readonly orm: Orm) {}

  resolve(tenantId: string, resolution: DeadLetterResolution): boolean {
    if (resolution.tenantId !== tenantId)
      throw new Error(`dead letter of tenant ${resolution.tenantId} resolved under tenant ${tenantId}`);
    return (
      this.orm.insert(deadLetterResolutions).values(resolution).onConflictDoNothing().run().changes === 1
    );
  }

  get(tenantId: string, intentId: string): DeadLetterResolution | null {
    const row = this.orm
      .select()
      .from(deadLetterResolutions)
      .where(and(eq(deadLetterResolutions.tenantId, tenantId), eq(deadLetterResolutions.intentId, intentId)))
      .get();
    return row ?? null;
  }

  resolvedIntentIds(tenantId: string): Set<string> {
    const rows = this.orm
      .select({ id: deadLetterResolutions.intentId })
      .from(deadLetterResolutions)
      .where(eq(deadLetterResolutions.tenantId, tenantId))
      .all();
    return new Set(rows.map((r) => r.id));
  }
}
