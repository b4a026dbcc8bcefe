import { z } from 'zod';
import {
  DEFAULT_GLOBAL_COMMISSION,
  type CommissionRate,
  type CommissionScope,
} from '../../domain/Commission';
import type { PricePolicy } from '../../domain/Config';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import { DEFAULT_TRADING_SETTINGS, type TradingSettings } from '../../domain/TradingSettings';
import type { TradingSettingsRepository } from '../../ports/TradingSettingsRepository';
import type { LedgerDeps } from '../ledger/LedgerDeps';
import { changePortfolioConfig } from '../ledger/configChanges';
import { commissionChangedEvent, configChangedEvent } from '../ledger/configChangedEvent';
import { requireTenant } from '../ledger/loaders';
import { fail, ok, type Result } from '../ledger/Result';
import { inTransaction } from '../ledger/transaction';
import { idSchema, parseInput, symbolSchema } from '../ledger/validation';

/** The ports the trading settings run on: the ledger's and the tenant's own settings row. */
export type TradingSettingsDeps = LedgerDeps & { tradingSettings: TradingSettingsRepository };

/** Every trading setting of issue 15 "every setting reachable", as Settings, the CLI and IPC show them. */
export interface TradingSettingsView {
  commission: {
    /** The GLOBAL row, or null: the built-in default applies. */
    global: CommissionRate | null;
    /** The tenant's own rate (over the global one), or null. */
    tenant: CommissionRate | null;
    /** Per-symbol rates of the tenant, by symbol. */
    symbols: CommissionRate[];
    builtInDefault: CommissionRate;
  };
  paper: TradingSettings & { isDefault: boolean };
  /** Portfolio settings changed for every portfolio at once: what each portfolio has now. */
  portfolios: { id: string; name: string; pricePolicy: PricePolicy; dividendWithholdingPct: number }[];
}

export function readTradingSettings(
  deps: Pick<TradingSettingsDeps, 'commissionRates' | 'tradingSettings' | 'portfolios'>,
  tenantId: string,
): TradingSettingsView {
  const rates = deps.commissionRates.listApplicable(tenantId);
  const stored = deps.tradingSettings.get(tenantId);
  return {
    commission: {
      global: rates.find((r) => r.scope === 'GLOBAL') ?? null,
      tenant: rates.find((r) => r.scope === 'TENANT' && r.tenantId === tenantId) ?? null,
      symbols: rates
        .filter((r) => r.scope === 'TENANT_ASSET' && r.tenantId === tenantId)
        .sort((a, b) => String(a.symbol).localeCompare(String(b.symbol))),
      builtInDefault: DEFAULT_GLOBAL_COMMISSION,
    },
    paper: {
      paperSlippageBps: stored?.paperSlippageBps ?? DEFAULT_TRADING_SETTINGS.paperSlippageBps,
      isDefault: stored === null,
    },
    portfolios: deps.portfolios.listByTenant(tenantId).map((p) => ({
      id: p.id,
      name: p.name,
      pricePolicy: p.config.execution.pricePolicy,
      dividendWithholdingPct: p.config.execution.dividendWithholdingPct,
    })),
  };
}

/** The slippage the paper broker applies now (the stored setting, else the default). */
export function paperSlippageBps(
  deps: Pick<TradingSettingsDeps, 'tradingSettings'>,
  tenantId: string,
): number {
  return deps.tradingSettings.get(tenantId)?.paperSlippageBps ?? DEFAULT_TRADING_SETTINGS.paperSlippageBps;
}

export const SetPaperSlippageInput = z
  .object({ tenantId: idSchema('tenantId'), paperSlippageBps: limitSchema(LIMITS.paperSlippageBps) })
  .strict();
export type SetPaperSlippageInput = z.input<typeof SetPaperSlippageInput>;

/** The paper broker's slippage (SPEC 4.2). Event: ConfigChanged (scope TENANT) with old and new value. */
export function setPaperSlippage(deps: TradingSettingsDeps, input: SetPaperSlippageInput): Result<number> {
  const parsed = parseInput(SetPaperSlippageInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, paperSlippageBps: next } = parsed.value;
  return inTransaction(deps.uow, () => {
    const tenant = requireTenant(deps, tenantId);
    if (!tenant.ok) return tenant;
    const before = paperSlippageBps(deps, tenantId);
    if (before === next && deps.tradingSettings.get(tenantId) !== null) return ok(next);
    const now = deps.clock.now();
    deps.tradingSettings.upsert(tenantId, { paperSlippageBps: next }, now);
    deps.events.append(tenantId, [
      configChangedEvent(
        { tenantId, portfolioId: null, symbol: null },
        { scope: 'TENANT', section: 'paperSlippageBps', oldValue: before, newValue: next },
        { ts: now, correlationId: deps.ids.next() },
      ),
    ]);
    return ok(next);
  });
}

export const RemoveCommissionRateInput = z
  .object({
    tenantId: idSchema('tenantId'),
    scope: z.enum(['TENANT', 'TENANT_ASSET'], {
      error: 'Only the account rate or a per-symbol rate can be removed (the global rate can be changed)',
    }),
    symbol: symbolSchema.nullable().default(null),
  })
  .strict()
  .refine((i) => (i.scope === 'TENANT_ASSET') === (i.symbol !== null), {
    message: 'A symbol is required for a per-symbol rate and not allowed for the account rate',
  });
export type RemoveCommissionRateInput = z.input<typeof RemoveCommissionRateInput>;

/**
 * Removes an account or per-symbol commission rate, so the level above applies again (SPEC 2.7).
 * Orders already created keep their snapshot. Event: ConfigChanged (scope COMMISSION), new value null.
 */
export function removeCommissionRate(
  deps: TradingSettingsDeps,
  input: RemoveCommissionRateInput,
): Result<CommissionRate> {
  const parsed = parseInput(RemoveCommissionRateInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, scope, symbol } = parsed.value;
  return inTransaction(deps.uow, () => {
    const previous = deps.commissionRates.find(tenantId, scope as CommissionScope, symbol);
    if (previous === null)
      return fail(
        'not_found',
        symbol === null
          ? 'There is no account commission rate to remove'
          : `There is no commission rate for ${symbol} to remove`,
      );
    deps.commissionRates.remove(tenantId, scope, symbol);
    const now = deps.clock.now();
    deps.events.append(tenantId, [
      commissionChangedEvent(tenantId, scope, symbol, previous, null, {
        ts: now,
        correlationId: deps.ids.next(),
      }),
    ]);
    return ok(previous);
  });
}

export const SetPortfolioWideInput = z
  .object({
    tenantId: idSchema('tenantId'),
    pricePolicy: z
      .enum(['MID', 'LAST', 'BID', 'ASK'], { error: 'Price policy must be MID, LAST, BID or ASK' })
      .optional(),
    dividendWithholdingPct: limitSchema(LIMITS.dividendWithholdingPct).optional(),
  })
  .strict();
export type SetPortfolioWideInput = z.input<typeof SetPortfolioWideInput>;

/**
 * Price policy and default dividend withholding for every portfolio at once (each portfolio's config,
 * SPEC 3 config store): one transaction, a ConfigChanged per portfolio whose settings changed.
 */
export function setForEveryPortfolio(deps: LedgerDeps, input: SetPortfolioWideInput): Result<number> {
  const parsed = parseInput(SetPortfolioWideInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, pricePolicy, dividendWithholdingPct } = parsed.value;
  const execution = {
    ...(pricePolicy !== undefined ? { pricePolicy } : {}),
    ...(dividendWithholdingPct !== undefined ? { dividendWithholdingPct } : {}),
  };
  if (Object.keys(execution).length === 0) return ok(0);
  return inTransaction(deps.uow, () => {
    const portfolios = deps.portfolios.listByTenant(tenantId);
    for (const portfolio of portfolios) {
      const changed = changePortfolioConfig(deps, {
        tenantId,
        portfolioId: portfolio.id,
        patch: { execution },
      });
      if (!changed.ok) return fail(changed.code, `${portfolio.name}: ${changed.message}`, changed.issues);
    }
    return ok(portfolios.length);
  });
}
