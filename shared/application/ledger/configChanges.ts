import { z } from 'zod';
import { CommissionRateSchema, type CommissionRate } from '../../domain/Commission';
import { mergeConfig, type ConfigSection, type StrategyConfigOverride } from '../../domain/Config';
import type { NewEvent } from '../../domain/DomainEvent';
import type { Portfolio } from '../../ports/PortfolioRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import { validConfig } from './createPortfolio';
import { commissionChangedEvent, configChangedEvent } from './configChangedEvent';
import type { LedgerDeps } from './LedgerDeps';
import { loadPortfolio, loadPosition, requireTenant } from './loaders';
import { positionEvent } from './positionChange';
import { fail, ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { checkLimit, LIMITS, limitMessage, limitSchema } from '../../domain/InputLimits';
import {
  idSchema,
  parseInput,
  StrategyConfigOverrideSchema,
  symbolSchema,
  validationFailure,
} from './validation';

const SECTIONS: readonly ConfigSection[] = [
  'trigger',
  'sizing',
  'guardrails',
  'orderPolicy',
  'execution',
  'risk',
];

export const ChangePortfolioConfigInput = z
  .object({
    tenantId: idSchema('tenantId'),
    portfolioId: idSchema('portfolioId'),
    /** The fields to change; everything else keeps its value. */
    patch: StrategyConfigOverrideSchema,
  })
  .strict();
export type ChangePortfolioConfigInput = z.input<typeof ChangePortfolioConfigInput>;

/**
 * Changes portfolio-level settings (the defaults of its positions). One ConfigChanged per section that
 * actually changed, with the section's old and new values; a patch that changes nothing writes nothing.
 */
export function changePortfolioConfig(
  deps: LedgerDeps,
  input: ChangePortfolioConfigInput,
): Result<Portfolio> {
  const parsed = parseInput(ChangePortfolioConfigInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, portfolioId, patch } = parsed.value;
  return inTransaction(deps.uow, () => {
    const portfolio = loadPortfolio(deps, tenantId, portfolioId);
    if (!portfolio.ok) return portfolio;
    const before = portfolio.value.config;
    const after = validConfig(mergeConfig(before, patch));
    if (!after.ok) return after;
    // Every position's effective config must stay valid under the new defaults.
    for (const position of deps.positions.listByPortfolio(tenantId, portfolioId)) {
      const effective = validConfig(mergeConfig(after.value, position.configOverride ?? undefined));
      if (!effective.ok) {
        return fail(
          'validation',
          `the change would make position ${position.symbol}'s settings invalid: ${effective.message}`,
        );
      }
    }
    const changed = SECTIONS.filter((s) => !sameValue(before[s], after.value[s]));
    if (changed.length === 0) return ok(portfolio.value);
    const now = deps.clock.now();
    deps.portfolios.updateConfig(tenantId, portfolioId, after.value, now);
    const correlationId = deps.ids.next();
    deps.events.append(
      tenantId,
      changed.map((section) =>
        configChangedEvent(
          { tenantId, portfolioId, symbol: null },
          { scope: 'PORTFOLIO', section, oldValue: before[section], newValue: after.value[section] },
          { ts: now, correlationId },
        ),
      ),
    );
    return ok({ ...portfolio.value, config: after.value, updatedAt: now });
  });
}

export const ChangePositionConfigInput = z
  .object({
    tenantId: idSchema('tenantId'),
    positionId: idSchema('positionId'),
    /** Replaces the position's override as a whole; null or {} = inherit everything from the portfolio. */
    override: StrategyConfigOverrideSchema.nullable().optional(),
    /** Dividend withholding of this position; null = the portfolio default. Omitted = unchanged. */
    withholdingPct: limitSchema(LIMITS.withholdingPct).nullable().optional(),
  })
  .strict()
  .refine((i) => i.override !== undefined || i.withholdingPct !== undefined, {
    message: 'Nothing to change: give settings to override and/or a dividend withholding',
  });
export type ChangePositionConfigInput = z.input<typeof ChangePositionConfigInput>;

/**
 * Changes a position's own settings: its config override (replaced whole) and/or its dividend
 * withholding. Events: ConfigChanged (scope POSITION) with old and new values, for what changed.
 */
export function changePositionConfigOverride(
  deps: LedgerDeps,
  input: ChangePositionConfigInput,
): Result<PositionRecord> {
  const parsed = parseInput(ChangePositionConfigInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId } = parsed.value;
  return inTransaction(deps.uow, () => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const before = position.value;
    if (before.status === 'CLOSED')
      return fail('conflict', `position ${before.symbol} is closed: its settings cannot change`);
    const portfolio = loadPortfolio(deps, tenantId, before.portfolioId);
    if (!portfolio.ok) return portfolio;

    const override =
      parsed.value.override === undefined ? before.configOverride : normalizeOverride(parsed.value.override);
    const withholdingPct =
      parsed.value.withholdingPct === undefined ? before.withholdingPct : parsed.value.withholdingPct;
    const effective = validConfig(mergeConfig(portfolio.value.config, override ?? undefined));
    if (!effective.ok) return effective;

    const now = deps.clock.now();
    const ctx = { correlationId: deps.ids.next(), ts: now };
    const events: NewEvent[] = [];
    if (!sameValue(before.configOverride, override)) {
      events.push(
        positionEvent(
          before,
          'ConfigChanged',
          { scope: 'POSITION', section: 'override', oldValue: before.configOverride, newValue: override },
          ctx,
        ),
      );
    }
    if (before.withholdingPct !== withholdingPct) {
      events.push(
        positionEvent(
          before,
          'ConfigChanged',
          {
            scope: 'POSITION',
            section: 'withholdingPct',
            oldValue: before.withholdingPct,
            newValue: withholdingPct,
          },
          ctx,
        ),
      );
    }
    if (events.length === 0) return ok(before);
    const after: PositionRecord = {
      ...before,
      configOverride: override,
      withholdingPct,
      version: before.version + 1,
      updatedAt: now,
    };
    if (!deps.positions.update(tenantId, after, before.version)) {
      throw new Error(`position ${before.id} changed under us (expected version ${before.version})`);
    }
    deps.events.append(tenantId, events);
    return ok(after);
  });
}

export const SetCommissionRateInput = z
  .object({
    /** The tenant making the change (and, for TENANT / TENANT_ASSET, the tenant the rate applies to). */
    tenantId: idSchema('tenantId'),
    scope: z.enum(['GLOBAL', 'TENANT', 'TENANT_ASSET'], {
      error: 'Commission level must be GLOBAL, TENANT or TENANT_ASSET',
    }),
    /** Only for TENANT_ASSET. */
    symbol: symbolSchema.nullable().default(null),
    rate: limitSchema(LIMITS.commissionRate),
    /** Whole cents; the message speaks in dollars (the user's unit). */
    minimumCents: z
      .number({ error: limitMessage(LIMITS.commissionMinimum) })
      .refine((c) => Number.isInteger(c) && checkLimit(c / 100, LIMITS.commissionMinimum) === null, {
        message: limitMessage(LIMITS.commissionMinimum),
      })
      .default(0),
  })
  .strict()
  .refine((i) => (i.scope === 'TENANT_ASSET') === (i.symbol !== null), {
    message: 'A symbol is required for a per-symbol rate and not allowed for the global or account rate',
  });
export type SetCommissionRateInput = z.input<typeof SetCommissionRateInput>;

/**
 * Sets a commission rate at one level of the hierarchy (SPEC 2.7). Orders already created keep their
 * snapshot. Event: ConfigChanged (scope COMMISSION, section = the rate's key) with old and new rate.
 */
export function setCommissionRate(deps: LedgerDeps, input: SetCommissionRateInput): Result<CommissionRate> {
  const parsed = parseInput(SetCommissionRateInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, scope, symbol, rate, minimumCents } = parsed.value;
  const checked = CommissionRateSchema.safeParse({
    scope,
    tenantId: scope === 'GLOBAL' ? null : tenantId,
    symbol,
    rate,
    minimumCents,
  });
  if (!checked.success) return validationFailure(checked.error);
  const next = checked.data;
  return inTransaction(deps.uow, () => {
    const tenant = requireTenant(deps, tenantId);
    if (!tenant.ok) return tenant;
    const previous = deps.commissionRates.find(tenantId, scope, symbol);
    if (previous && previous.rate === next.rate && previous.minimumCents === next.minimumCents)
      return ok(previous);
    const now = deps.clock.now();
    deps.commissionRates.upsert(tenantId, next, now);
    deps.events.append(tenantId, [
      commissionChangedEvent(tenantId, scope, symbol, previous, next, {
        ts: now,
        correlationId: deps.ids.next(),
      }),
    ]);
    return ok(next);
  });
}

/** {} and empty sections mean "no override": stored as null so equal settings compare equal. */
function normalizeOverride(override: StrategyConfigOverride | null): StrategyConfigOverride | null {
  if (override === null) return null;
  const kept = Object.fromEntries(
    Object.entries(override).filter(([, fields]) => fields !== undefined && Object.keys(fields).length > 0),
  ) as StrategyConfigOverride;
  return Object.keys(kept).length === 0 ? null : kept;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
