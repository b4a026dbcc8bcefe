import type { CommissionRate, CommissionScope } from '../domain/Commission';

/**
 * Commission rates of SPEC 2.7. GLOBAL rows belong to no tenant and are read by all; TENANT and
 * TENANT_ASSET rows are visible only to their tenant.
 */
export interface CommissionRateRepository {
  /** GLOBAL plus this tenant's rates (only the given symbol's TENANT_ASSET rate when a symbol is given). */
  listApplicable(tenantId: string, symbol?: string): CommissionRate[];
  /** The rate stored under exactly this key, or null. */
  find(tenantId: string, scope: CommissionScope, symbol: string | null): CommissionRate | null;
  /** Inserts or replaces the rate under its key. A non-GLOBAL rate must carry `tenantId`. */
  upsert(tenantId: string, rate: CommissionRate, updatedAt: number): void;
  /** Removes the rate under this key (the level above applies again); false when there was none. */
  remove(tenantId: string, scope: CommissionScope, symbol: string | null): boolean;
}
