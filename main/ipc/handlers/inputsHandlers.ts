import { checkSymbol } from '../../../shared/application/ledger/checkSymbol';
import {
  nextTradingTick,
  previewEvaluation,
  type TradePreview,
} from '../../../shared/application/trading/tradePreview';
import { resolveCommission } from '../../../shared/domain/Commission';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig } from '../../../shared/domain/Config';
import { anchorDistance, MAX_UNCONFIRMED_ANCHOR_DISTANCE } from '../../../shared/domain/InputLimits';
import { cents } from '../../../shared/domain/Money';
import {
  formatAsOf,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatPercentSetting,
  formatPrice,
  formatShares,
} from '../../../shared/format/Format';
import { ipcOk } from '../../../shared/ipc/result';
import type { StrategyConfig } from '../../../shared/domain/Config';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { Handlers } from '../dispatch';
import { triggerPrices } from '../mappers/ledgerDtos';
import type { HandlerDeps } from './HandlerDeps';
import { actorOf } from './ledgerHandlers';
import { lastKnownPrice, positionDto } from './positionView';
import { fromResult, notFound } from './results';

export type InputsChannels =
  | 'position.previewAnchor'
  | 'position.previewNewPosition'
  | 'position.rebalanceNow'
  | 'position.deletePosition';

/**
 * Issue 15 "Inputs that move money": previews that say what a value would do at today's price before it
 * is saved (an anchor far from the price asks for confirmation), orders by hand, and deleting a position
 * that never traded.
 */
export function inputsHandlers({ backend, host }: HandlerDeps): Pick<Handlers, InputsChannels> {
  const { queries, useCases } = backend;
  return {
    'position.previewAnchor': (req) => {
      const record = queries.position(req.positionId);
      if (!record) return notFound('position', req.positionId);
      const view = positionDto(backend, record);
      const config = view.effectiveConfig;
      const distance = view.lastPrice === null ? null : anchorDistance(req.anchor, view.lastPrice);
      const commission = useCases.resolveCommissionFor({ positionId: record.id });
      const atLastPrice =
        view.lastPrice === null
          ? null
          : previewEvaluation(
              { ...record, anchor: req.anchor },
              view.lastPrice,
              config,
              commission.ok ? commission.value : resolveCommission([], backend.tenantId, record.symbol),
            );
      return ipcOk({
        lastPrice: view.lastPrice,
        lastPriceAt: view.lastPriceAt,
        distance,
        needsConfirmation: distance !== null && Math.abs(distance) > MAX_UNCONFIRMED_ANCHOR_DISTANCE,
        triggers: triggerPrices(req.anchor, config),
        atLastPrice,
        message: anchorMessage(req.anchor, view.lastPrice, view.lastPriceAt, distance, atLastPrice),
      });
    },

    'position.previewNewPosition': async (req) => {
      const portfolio = queries.portfolios().find((p) => p.id === req.portfolioId);
      if (!portfolio) return notFound('portfolio', req.portfolioId);
      const symbol = await checkSymbol(backend.symbols, req.symbol);
      if (!symbol.ok) return fromResult(symbol, () => null as never, req);
      const base = mergeConfig(portfolio.config ?? DEFAULT_STRATEGY_CONFIG, undefined);
      const config =
        req.initialStockPct === undefined
          ? base
          : { ...base, execution: { ...base.execution, initialStockPct: req.initialStockPct } };
      const lastQuote = queries.lastQuote(symbol.value.symbol);
      const known =
        symbol.value.lastPrice !== null
          ? { price: symbol.value.lastPrice, at: symbol.value.lastPriceAt ?? 0, live: false }
          : lastKnownPrice(null, () => lastQuote, config);
      const firstTradeAt = nextTradingTick(queries.loopStatus().now, config, host.tickIntervalMs());
      const firstTrade =
        known === null
          ? null
          : previewEvaluation(
              {
                qty: req.existingShares ?? 0,
                cashCents: cents(Math.round(req.initialCash * 100)),
                receivableCents: cents(0),
                anchor: null,
              },
              known.price,
              config,
              // The tenant's own rates apply once it exists; a preview says "about".
              resolveCommission([], backend.tenantId, symbol.value.symbol),
            );
      return ipcOk({
        symbol: symbol.value.symbol,
        lastPrice: known?.price ?? null,
        lastPriceAt: known?.at ?? null,
        firstTrade,
        firstTradeAt,
        message: firstTradeMessage(symbol.value.symbol, known, firstTrade, firstTradeAt, config),
      });
    },

    'position.rebalanceNow': async (req, ctx) => {
      const r = await backend.trading.rebalanceToTarget({ positionId: req.positionId, by: actorOf(ctx) });
      return fromResult(r, (v) => ({
        position: positionDto(backend, v.position),
        order: v.order && { id: v.order.id, side: v.order.side, qty: v.order.qty, price: v.order.price },
      }));
    },

    'position.deletePosition': (req, ctx) => {
      if (!queries.position(req.positionId)) return notFound('position', req.positionId);
      return fromResult(
        useCases.deletePosition({ positionId: req.positionId, by: actorOf(ctx), why: req.why }),
        (v) => v,
      );
    },
  };
}

/**
 * Settings checked against the last known price (issue 15): "At the last price $59.24 these settings
 * buy 106 shares for $6,279.44 at the next tick." — a threshold typed too tight trades at once.
 */
export function settingsAtLastPrice(
  backend: HandlerDeps['backend'],
  record: PositionRecord,
  config: StrategyConfig,
): string | null {
  if (record.anchor === null) return null;
  const view = positionDto(backend, record);
  if (view.lastPrice === null) return null;
  const commission = backend.useCases.resolveCommissionFor({ positionId: record.id });
  const preview = previewEvaluation(
    record,
    view.lastPrice,
    config,
    commission.ok ? commission.value : resolveCommission([], backend.tenantId, record.symbol),
  );
  return `At the last price ${formatPrice(view.lastPrice)} (${formatAsOf(view.lastPriceAt)}) these settings: ${tradeWords(preview)}${preview.side ? ' at the next tick' : ''}.`;
}

/** The anchor check for `position.setAnchor`: a far anchor needs `confirmed` (the same rule as the preview). */
export function anchorNeedsConfirmation(
  anchor: number,
  lastPrice: number | null,
): { distance: number; message: string } | null {
  if (lastPrice === null) return null;
  const distance = anchorDistance(anchor, lastPrice);
  if (Math.abs(distance) <= MAX_UNCONFIRMED_ANCHOR_DISTANCE) return null;
  return {
    distance,
    message: `Anchor ${formatPrice(anchor)} is ${formatPercent(Math.abs(distance), { digits: 0 })} ${distance > 0 ? 'above' : 'below'} the last price ${formatPrice(lastPrice)}: look at the preview and confirm to set it`,
  };
}

function tradeWords(t: TradePreview): string {
  if (t.side === null) return 'nothing trades';
  return `this ${t.side === 'BUY' ? 'buys' : 'sells'} ${formatShares(t.qty)} for ${formatMoney(t.notionalCents)}`;
}

function anchorMessage(
  anchor: number,
  lastPrice: number | null,
  lastPriceAt: number | null,
  distance: number | null,
  atLastPrice: TradePreview | null,
): string {
  if (lastPrice === null || distance === null || atLastPrice === null)
    return `No price is known yet for this position: the anchor ${formatPrice(anchor)} cannot be checked against one.`;
  const away =
    Math.abs(distance) < 0.0005
      ? 'at the last price'
      : `${formatPercent(Math.abs(distance), { digits: Math.abs(distance) < 0.1 ? 1 : 0 })} ${distance > 0 ? 'above' : 'below'} the last price`;
  return `${formatPrice(anchor)} is ${away} (${formatPrice(lastPrice)}, ${formatAsOf(lastPriceAt)}). At that price ${tradeWords(atLastPrice)} at the next tick.`;
}

function firstTradeMessage(
  symbol: string,
  known: { price: number; at: number } | null,
  first: TradePreview | null,
  at: number,
  config: ReturnType<typeof mergeConfig>,
): string {
  const when = `at ${formatDateTime(at)} New York`;
  if (known === null || first === null)
    return `No price is known for ${symbol} yet: the first evaluation (${when}) buys or sells to reach ${formatPercentSetting(config.execution.initialStockPct)} stock at the price then.`;
  const price = `${formatPrice(known.price)} (${formatAsOf(known.at)})`;
  if (first.side === null)
    return `At ${price} the first evaluation (${when}) trades nothing: ${first.summary.replace(/^HOLD at [^—]*— /, '')}. It sets the anchor to the price then.`;
  return `The first evaluation (${when}) ${first.side === 'BUY' ? 'buys' : 'sells'} about ${formatShares(first.qty)} for ${formatMoney(first.notionalCents)} at ${price} to reach ${formatPercentSetting(config.execution.initialStockPct)} stock — on paper: no real order is sent.`;
}
