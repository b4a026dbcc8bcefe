import { checkSymbol } from '../../../shared/application/ledger/checkSymbol';
import { describeIssues } from '../../../shared/application/ledger/validation';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig, StrategyConfigSchema } from '../../../shared/domain/Config';
import type { PositionDto } from '../../../shared/ipc/dto/ledger';
import { ipcFail, ipcOk } from '../../../shared/ipc/result';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { CallContext, Handlers } from '../dispatch';
import { toOrderDto, toPortfolioDto, toTradeDto, triggerPrices } from '../mappers/ledgerDtos';
import { dashboardOf } from './dashboard';
import { positionDto } from './positionView';
import type { HandlerDeps } from './HandlerDeps';
import { anchorNeedsConfirmation, settingsAtLastPrice, type InputsChannels } from './inputsHandlers';
import { fromResult, notFound } from './results';
import type { OrderDeskChannels } from './orderDeskHandlers';

type LedgerChannels = Exclude<
  Extract<keyof Handlers, `portfolio.${string}` | `position.${string}`>,
  InputsChannels | OrderDeskChannels
>;

/** Who acts, recorded with every status change and manual anchor (SPEC 2.6 "with who and why"). */
export function actorOf(ctx: CallContext): string {
  return ctx.transport === 'electron' ? 'user (desktop)' : 'user (browser)';
}

/** Portfolios and positions: the ledger use cases, and the queries behind the lists and the detail page. */
export function ledgerHandlers({ backend, host }: HandlerDeps): Pick<Handlers, LedgerChannels> {
  const { useCases, queries } = backend;
  const position = (record: PositionRecord): PositionDto => positionDto(backend, record);
  const countPositions = (portfolioId: string) =>
    queries.positions().filter((p) => p.portfolioId === portfolioId).length;

  return {
    'portfolio.listPortfolios': () =>
      ipcOk(queries.portfolios().map((p) => toPortfolioDto(p, countPositions(p.id)))),
    'portfolio.createPortfolio': (req) =>
      fromResult(
        useCases.createPortfolio({ name: req.name, baseCurrency: req.baseCurrency, config: req.config }),
        (p) => toPortfolioDto(p, 0),
        req,
      ),
    'portfolio.changeConfig': (req) =>
      fromResult(
        useCases.changePortfolioConfig({ portfolioId: req.portfolioId, patch: req.patch }),
        (p) => toPortfolioDto(p, countPositions(p.id)),
        req,
      ),
    'portfolio.getDashboard': (req) => dashboardOf(backend, req.portfolioId, host.tickIntervalMs()),

    'position.listPositions': (req) =>
      ipcOk(
        queries
          .positions()
          .filter((p) => req.portfolioId === undefined || p.portfolioId === req.portfolioId)
          .filter((p) => req.statuses === undefined || req.statuses.includes(p.status))
          .map(position),
      ),
    'position.getPosition': (req) => {
      const record = queries.position(req.positionId);
      return record ? ipcOk(position(record)) : notFound('position', req.positionId);
    },
    'position.createPosition': async (req) => {
      const symbol = await checkSymbol(backend.symbols, req.symbol);
      if (!symbol.ok) return fromResult(symbol, () => null as never, req);
      return fromResult(
        useCases.createPosition({
          portfolioId: req.portfolioId,
          symbol: symbol.value.symbol,
          initialCash: req.initialCash,
          ...(req.existingShares !== undefined ? { existingShares: req.existingShares } : {}),
          ...(req.initialStockPct !== undefined ? { initialStockPct: req.initialStockPct } : {}),
          ...(req.withholdingPct !== undefined ? { withholdingPct: req.withholdingPct } : {}),
        }),
        position,
        req,
      );
    },
    'position.pausePosition': (req, ctx) =>
      fromResult(
        useCases.pausePosition({ positionId: req.positionId, by: actorOf(ctx), why: req.why }),
        position,
        req,
      ),
    'position.resumePosition': (req, ctx) =>
      fromResult(
        useCases.resumePosition({ positionId: req.positionId, by: actorOf(ctx), why: req.why }),
        position,
        req,
      ),
    'position.closePosition': async (req, ctx) => {
      if (req.sellOut) {
        const r = await backend.trading.closeWithSellOut({
          positionId: req.positionId,
          by: actorOf(ctx),
          why: req.why ?? null,
        });
        return fromResult(r, (v) => position(v.position), req);
      }
      return fromResult(
        useCases.closePosition({ positionId: req.positionId, by: actorOf(ctx), why: req.why }),
        position,
        req,
      );
    },
    'position.depositCash': (req) =>
      fromResult(useCases.depositCash({ positionId: req.positionId, amount: req.amount }), position, req),
    'position.withdrawCash': (req) =>
      fromResult(useCases.withdrawCash({ positionId: req.positionId, amount: req.amount }), position, req),
    'position.setAnchor': (req, ctx) => {
      const record = queries.position(req.positionId);
      if (!record) return notFound('position', req.positionId);
      // Issue 15: an anchor far from the last price is set only once the user saw what it would do.
      const far = anchorNeedsConfirmation(req.anchor, position(record).lastPrice);
      if (far && !req.confirmed)
        return ipcFail('validation', far.message, [{ path: 'anchor', message: far.message }]);
      return fromResult(
        useCases.setAnchor({
          positionId: req.positionId,
          anchor: req.anchor,
          by: actorOf(ctx),
          why: req.why,
        }),
        position,
        req,
      );
    },
    'position.changeConfig': (req) =>
      fromResult(
        useCases.changePositionConfigOverride({
          positionId: req.positionId,
          ...(req.override !== undefined ? { override: req.override } : {}),
          ...(req.withholdingPct !== undefined ? { withholdingPct: req.withholdingPct } : {}),
        }),
        position,
        req,
      ),
    'position.previewTriggers': (req) => {
      const record = queries.position(req.positionId);
      if (!record) return notFound('position', req.positionId);
      const portfolio = queries.portfolios().find((p) => p.id === record.portfolioId);
      const merged = mergeConfig(portfolio?.config ?? DEFAULT_STRATEGY_CONFIG, req.override ?? undefined);
      const checked = StrategyConfigSchema.safeParse(merged);
      if (!checked.success) {
        return ipcOk({
          triggers: null,
          message: describeIssues(checked.error),
        });
      }
      const triggers = triggerPrices(record.anchor, checked.data);
      return ipcOk({
        triggers,
        message: triggers ? null : 'The anchor is not set yet: the first evaluation sets it.',
        atLastPrice: settingsAtLastPrice(backend, record, checked.data),
      });
    },
    'position.listOrders': (req) =>
      queries.position(req.positionId)
        ? ipcOk(queries.orders({ positionId: req.positionId, limit: req.limit }).map(toOrderDto))
        : notFound('position', req.positionId),
    'position.listTrades': (req) =>
      queries.position(req.positionId)
        ? ipcOk(queries.trades({ positionId: req.positionId, limit: req.limit }).map(toTradeDto))
        : notFound('position', req.positionId),
    'position.getChart': (req) => {
      if (!queries.position(req.positionId)) return notFound('position', req.positionId);
      const evaluations = queries.events({
        positionId: req.positionId,
        types: ['EvaluationEvent'],
        newestFirst: true,
        limit: req.limit + 1,
      }) as DomainEvent<'EvaluationEvent'>[];
      const truncated = evaluations.length > req.limit;
      const points = evaluations
        .slice(0, req.limit)
        .reverse()
        .filter((e) => e.payload.priceEffective !== null && e.payload.priceEffective > 0)
        .map((e) => ({
          ts: e.ts,
          price: e.payload.priceEffective as number,
          anchor: e.payload.trigger?.anchor ?? null,
          buyBelow: e.payload.trigger?.buyBelow ?? null,
          sellAbove: e.payload.trigger?.sellAbove ?? null,
        }));
      const fills = queries
        .trades({ positionId: req.positionId, limit: 1000 })
        .map((t) => ({ ts: t.executedAt, side: t.side, qty: t.qty, price: t.price }))
        .reverse();
      return ipcOk({ points, fills, truncated });
    },
  };
}
