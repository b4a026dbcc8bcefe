import { z } from 'zod';
import {
  DEFAULT_STRATEGY_CONFIG,
  mergeConfig,
  StrategyConfigSchema,
  type StrategyConfig,
} from '../../domain/Config';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { LedgerDeps } from './LedgerDeps';
import { configChangedEvent } from './configChangedEvent';
import { requireTenant } from './loaders';
import { ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { idSchema, parseInput, StrategyConfigOverrideSchema, validationFailure } from './validation';

export const CreatePortfolioInput = z
  .object({
    tenantId: idSchema('tenantId'),
    name: z
      .string({ error: 'Name must be text' })
      .trim()
      .min(1, 'Name must not be empty')
      .max(100, 'Name is too long (at most 100 characters)'),
    baseCurrency: z
      .string({ error: 'Currency must be a 3-letter ISO code such as USD' })
      .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter ISO code such as USD')
      .default('USD'),
    /** Settings that differ from the SPEC defaults (DEFAULT_STRATEGY_CONFIG). */
    config: StrategyConfigOverrideSchema.default({}),
  })
  .strict();
export type CreatePortfolioInput = z.input<typeof CreatePortfolioInput>;

export function createPortfolio(deps: LedgerDeps, input: CreatePortfolioInput): Result<Portfolio> {
  const parsed = parseInput(CreatePortfolioInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, name, baseCurrency } = parsed.value;
  const config = validConfig(mergeConfig(DEFAULT_STRATEGY_CONFIG, parsed.value.config));
  if (!config.ok) return config;
  return inTransaction(deps.uow, () => {
    const tenant = requireTenant(deps, tenantId);
    if (!tenant.ok) return tenant;
    const now = deps.clock.now();
    const portfolio: Portfolio = {
      id: deps.ids.next(),
      tenantId,
      name,
      baseCurrency,
      config: config.value,
      createdAt: now,
      updatedAt: now,
    };
    deps.portfolios.insert(tenantId, portfolio);
    deps.events.append(tenantId, [
      configChangedEvent(
        { tenantId, portfolioId: portfolio.id, symbol: null },
        { scope: 'PORTFOLIO', section: 'all', oldValue: null, newValue: portfolio.config },
        { ts: now, correlationId: deps.ids.next() },
      ),
    ]);
    return ok(portfolio);
  });
}

/** The merged config must pass the full schema (cross-field rules included). */
export function validConfig(config: StrategyConfig): Result<StrategyConfig> {
  const checked = StrategyConfigSchema.safeParse(config);
  return checked.success ? ok(checked.data) : validationFailure(checked.error);
}
