export interface Tenant {
  id: string;
  name: string;
  createdAt: number;
}

/** Tenants are the root of isolation: every other repository filters on a tenant id. */
export interface TenantRepository {
  insert(tenant: Tenant): void;
  get(tenantId: string): Tenant | null;
  /** The one listing that spans tenants: jobs iterate over them to run per-tenant work. */
  listAll(): Tenant[];
}
