import { eq } from 'drizzle-orm';
import type { Tenant, TenantRepository } from '../../../shared/ports/TenantRepository';
import type { Orm } from '../openDatabase';
import { tenants } from '../schema';

export class SqliteTenantRepository implements TenantRepository {
  constructor(private readonly orm: Orm) {}

  insert(tenant: Tenant): void {
    this.orm.insert(tenants).values(tenant).run();
  }

  get(tenantId: string): Tenant | null {
    return this.orm.select().from(tenants).where(eq(tenants.id, tenantId)).get() ?? null;
  }

  listAll(): Tenant[] {
    return this.orm.select().from(tenants).orderBy(tenants.createdAt, tenants.id).all();
  }
}
