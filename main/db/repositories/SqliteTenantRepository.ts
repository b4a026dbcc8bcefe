import { eq } from 'drizzle-orm';
import type { Tenant, TenantRepository } from '../../../shared/ports/TenantRepository';
import type { Orm } from '../openDatabase';
import { tenants } from '../schema';

export class SqliteTenantRepository implements TenantRepository {
  /** Prepared once: every tick lists the tenants (bench/tick.bench.ts). */
  private readonly all;

  constructor(private readonly orm: Orm) {
    this.all = orm.select().from(tenants).orderBy(tenants.createdAt, tenants.id).prepare();
  }

  insert(tenant: Tenant): void {
    this.orm.insert(tenants).values(tenant).run();
  }

  get(tenantId: string): Tenant | null {
    return this.orm.select().from(tenants).where(eq(tenants.id, tenantId)).get() ?? null;
  }

  listAll(): Tenant[] {
    return this.all.all();
  }
}
