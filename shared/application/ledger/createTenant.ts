import { z } from 'zod';
import type { Tenant } from '../../ports/TenantRepository';
import type { LedgerDeps } from './LedgerDeps';
import { configChangedEvent } from './configChangedEvent';
import { ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { parseInput } from './validation';

export const CreateTenantInput = z
  .object({
    name: z
      .string({ error: 'Name must be text' })
      .trim()
      .min(1, 'Name must not be empty')
      .max(100, 'Name is too long (at most 100 characters)'),
  })
  .strict();
export type CreateTenantInput = z.input<typeof CreateTenantInput>;

/** A new tenant; its creation opens the tenant's event chain (ConfigChanged, scope TENANT). */
export function createTenant(deps: LedgerDeps, input: CreateTenantInput): Result<Tenant> {
  const parsed = parseInput(CreateTenantInput, input);
  if (!parsed.ok) return parsed;
  return inTransaction(deps.uow, () => {
    const now = deps.clock.now();
    const tenant: Tenant = { id: deps.ids.next(), name: parsed.value.name, createdAt: now };
    deps.tenants.insert(tenant);
    deps.events.append(tenant.id, [
      configChangedEvent(
        { tenantId: tenant.id, portfolioId: null, symbol: null },
        { scope: 'TENANT', section: 'tenant', oldValue: null, newValue: { name: tenant.name } },
        { ts: now, correlationId: deps.ids.next() },
      ),
    ]);
    return ok(tenant);
  });
}
