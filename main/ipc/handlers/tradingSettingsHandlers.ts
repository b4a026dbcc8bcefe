import type { CommissionRate } from '../../../shared/domain/Commission';
import type {
  CommissionRateDto,
  StrategyFieldDto,
  TradingSettingsDto,
} from '../../../shared/ipc/dto/tradingSettings';
import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import { LIMITS, limitMessage } from '../../../shared/domain/InputLimits';
import { SECTION_LABELS, STRATEGY_FIELDS } from '../../../shared/domain/StrategyFields';
import { ipcOk, type IpcResult } from '../../../shared/ipc/result';
import { dollarsToCents } from '../../../shared/domain/Money';
import type { Backend } from '../../composition/Backend';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';
import { actorOf } from './ledgerHandlers';
import { fromResult } from './results';

type Channels =
  | 'settings.getTrading'
  | 'settings.setCommissionRate'
  | 'settings.removeCommissionRate'
  | 'settings.updateTrading'
  | 'deadLetter.listDeadLetters'
  | 'deadLetter.requeueDeadLetter'
  | 'deadLetter.discardDeadLetter'
  | 'dividend.recordDividend'
  | 'settings.getStrategyFields';

const rateDto = (r: CommissionRate): CommissionRateDto => ({
  level: r.scope,
  symbol: r.symbol,
  rate: r.rate,
  minimumCents: r.minimumCents,
});

/** The domain's field list with each number's limit in words: one form for defaults and overrides. */
export function strategyFields(): StrategyFieldDto[] {
  return STRATEGY_FIELDS.map((f) => {
    const defaultValue = (
      DEFAULT_STRATEGY_CONFIG[f.section] as Record<string, number | string | boolean | null>
    )[f.key] as number | string | boolean | null;
    const common = {
      section: f.section,
      sectionLabel: SECTION_LABELS[f.section],
      key: f.key,
      help: f.help ?? null,
      defaultValue,
    };
    if (f.kind === 'number') {
      const limit = LIMITS[f.limit];
      return {
        ...common,
        kind: 'number',
        label: limit.label,
        unit: limit.unit,
        rule: limitMessage(limit),
        nullAs: f.nullAs ?? null,
        choices: [],
      };
    }
    return {
      ...common,
      kind: f.kind,
      label: f.label,
      unit: null,
      rule: null,
      nullAs: null,
      choices: f.kind === 'choice' ? [...f.choices] : [],
    };
  });
}

export function tradingView(backend: Backend): TradingSettingsDto {
  const view = backend.settings.trading();
  return {
    commission: {
      global: view.commission.global && rateDto(view.commission.global),
      tenant: view.commission.tenant && rateDto(view.commission.tenant),
      symbols: view.commission.symbols.map(rateDto),
      builtInDefault: rateDto(view.commission.builtInDefault),
    },
    paperSlippageBps: view.paper.paperSlippageBps,
    paperSlippageIsDefault: view.paper.isDefault,
    portfolios: view.portfolios,
    dailyJobs: backend.settings.dailyJobs(),
  };
}

/**
 * Settings › Trading, the dead-letter queue and dividends by hand (issue 15, ADRs 0085–0089): parse →
 * use case (one transaction with its events) → the view. Money arrives in dollars and is booked in cents.
 */
export function tradingSettingsHandlers({ backend, host, pushes }: HandlerDeps): Pick<Handlers, Channels> {
  const view = (): IpcResult<TradingSettingsDto> => ipcOk(tradingView(backend));
  return {
    'settings.getTrading': () => view(),
    'settings.setCommissionRate': (req) => {
      const result = backend.settings.setCommissionRate({
        scope: req.level,
        symbol: req.symbol,
        rate: req.rate,
        minimumCents: dollarsToCents(String(req.minimum)),
      });
      return result.ok ? view() : fromResult(result, () => tradingView(backend), req);
    },
    'settings.removeCommissionRate': (req) => {
      const result = backend.settings.removeCommissionRate({ scope: req.level, symbol: req.symbol });
      return result.ok ? view() : fromResult(result, () => tradingView(backend), req);
    },
    'settings.updateTrading': (req) => {
      if (req.paperSlippageBps !== undefined) {
        const r = backend.settings.setPaperSlippage({ paperSlippageBps: req.paperSlippageBps });
        if (!r.ok) return fromResult(r, () => tradingView(backend), req);
      }
      if (req.pricePolicy !== undefined || req.dividendWithholdingPct !== undefined) {
        const r = backend.settings.setForEveryPortfolio({
          ...(req.pricePolicy !== undefined ? { pricePolicy: req.pricePolicy } : {}),
          ...(req.dividendWithholdingPct !== undefined
            ? { dividendWithholdingPct: req.dividendWithholdingPct }
            : {}),
        });
        if (!r.ok) return fromResult(r, () => tradingView(backend), req);
        // The preference mirrors the portfolios' price policy (dto/settings): keep them equal.
        if (req.pricePolicy !== undefined && host.preferences.get().pricePolicy !== req.pricePolicy) {
          const next = { ...host.preferences.get(), pricePolicy: req.pricePolicy };
          host.preferences.set(next);
          pushes.publish('settings.changed', next);
        }
      }
      return view();
    },
    'deadLetter.listDeadLetters': () =>
      ipcOk(
        backend.settings.deadLetters().map((d) => ({
          intentId: d.intent.id,
          orderId: d.order.id,
          positionId: d.order.positionId,
          symbol: d.symbol,
          positionStatus: d.positionStatus,
          side: d.order.side,
          qty: d.order.qty,
          price: d.order.price,
          attempts: d.intent.attempts,
          lastError: d.intent.lastError,
          createdAt: d.intent.createdAt,
          deadAt: d.intent.updatedAt,
        })),
      ),
    'deadLetter.requeueDeadLetter': (req, ctx) =>
      fromResult(
        backend.settings.requeueDeadLetter({
          intentId: req.intentId,
          by: actorOf(ctx),
          why: req.why ?? null,
        }),
        (v) => ({ orderId: v.order.id, intentId: v.intentId }),
        req,
      ),
    'deadLetter.discardDeadLetter': (req, ctx) =>
      fromResult(
        backend.settings.discardDeadLetter({
          intentId: req.intentId,
          by: actorOf(ctx),
          why: req.why ?? null,
        }),
        (v) => ({ intentId: v.intentId }),
        req,
      ),
    'settings.getStrategyFields': () => ipcOk(strategyFields()),
    'dividend.recordDividend': async (req) =>
      fromResult(
        await backend.settings.recordDividend(req),
        (e) => ({
          announcementId: e.payload.announcementId,
          symbol: e.symbol ?? req.symbol,
          exDate: e.payload.exDate,
          payDate: e.payload.payDate,
          amountPerShare: e.payload.amountPerShare,
        }),
        req,
      ),
  };
}
