import { z } from 'zod';
import { mergeConfig, type StrategyConfigOverride } from '../../domain/Config';
import { cents, dollarsToCents } from '../../domain/Money';
import type { PositionRecord } from '../../ports/PositionRepository';
import { validConfig } from './createPortfolio';
import type { LedgerDeps } from './LedgerDeps';
import { loadPortfolio } from './loaders';
import { positionEvent, positionUpdatedPayload } from './positionChange';
import { fail, ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import { idSchema, parseInput, symbolSchema } from './validation';

export const CreatePositionInput = z
  .object({
    tenantId: idSchema('tenantId'),
    portfolioId: idSchema('portfolioId'),
    symbol: symbolSchema,
    /** Cash set aside for the position, in dollars. */
    initialCash: limitSchema(LIMITS.initialCash),
    /** Shares already held that the position takes over. */
    existingShares: limitSchema(LIMITS.existingShares).default(0),
    /** Target stock fraction of the first evaluation (SPEC 2.6); the portfolio's when omitted. */
    initialStockPct: limitSchema(LIMITS.initialStockPct).optional(),
    /** Dividend withholding for this position; the portfolio default when omitted. */
    withholdingPct: limitSchema(LIMITS.withholdingPct).nullable().default(null),
  })
  .strict()
  .refine((p) => p.initialCash > 0 || p.existingShares > 0, {
    message: 'A position needs initial cash or shares already held',
    path: ['initialCash'],
  });
export type CreatePositionInput = z.input<typeof CreatePositionInput>;

/**
 * Opens a position with its cash and any shares already held; the anchor stays unset until the first
 * evaluation makes the initial allocation (SPEC 2.6). Events: PositionOpened, PositionUpdated.
 */
export function createPosition(deps: LedgerDeps, input: CreatePositionInput): Result<PositionRecord> {
  const parsed = parseInput(CreatePositionInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, portfolioId, symbol, initialCash, existingShares, initialStockPct, withholdingPct } =
    parsed.value;
  return inTransaction(deps.uow, () => {
    const portfolio = loadPortfolio(deps, tenantId, portfolioId);
    if (!portfolio.ok) return portfolio;
    if (deps.positions.findOpenBySymbol(tenantId, portfolioId, symbol)) {
      return fail('conflict', `portfolio ${portfolio.value.name} already has an open ${symbol} position`);
    }
    const inherited = portfolio.value.config.execution.initialStockPct;
    const override: StrategyConfigOverride | null =
      initialStockPct === undefined || initialStockPct === inherited
        ? null
        : { execution: { initialStockPct } };
    const config = validConfig(mergeConfig(portfolio.value.config, override ?? undefined));
    if (!config.ok) return config;

    const now = deps.clock.now();
    const zero = cents(0);
    const position: PositionRecord = {
      id: deps.ids.next(),
      tenantId,
      portfolioId,
      symbol,
      qty: existingShares,
      cashCents: dollarsToCents(initialCash),
      receivableCents: zero,
      anchor: null,
      status: 'ACTIVE',
      totalCommissionPaidCents: zero,
      totalDividendsGrossCents: zero,
      totalDividendsNetCents: zero,
      configOverride: override,
      withholdingPct,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    deps.positions.insert(tenantId, position);
    const ctx = { correlationId: deps.ids.next(), ts: now };
    deps.events.append(tenantId, [
      positionEvent(
        position,
        'PositionOpened',
        {
          qty: position.qty,
          cashCents: position.cashCents,
          anchor: null,
          initialStockPct: config.value.execution.initialStockPct,
        },
        ctx,
      ),
      positionEvent(position, 'PositionUpdated', positionUpdatedPayload(position), ctx),
    ]);
    return ok(position);
  });
}
