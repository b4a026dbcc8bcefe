import { checkOrderTicket, type OrderTicket } from '../../../shared/application/trading/orderTicket';
import type { StrategyConfig } from '../../../shared/domain/Config';
import { checkOrder, explainViolation } from '../../../shared/domain/risk/OrderValidator';
import { riskOf, validatorIsOff } from '../../../shared/domain/risk/RiskConfig';
import { violationWords } from '../../../shared/format/RiskWords';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { Backend } from '../../composition/Backend';
import { resolveCommission } from '../../../shared/domain/Commission';
import { formatAsOf, formatPrice, formatShares } from '../../../shared/format/Format';
import { ipcFail } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import { toOrderDto } from '../mappers/ledgerDtos';
import type { HandlerDeps } from './HandlerDeps';
import { actorOf } from './ledgerHandlers';
import { positionDto } from './positionView';
import { fromResult, notFound } from './results';

export type OrderDeskChannels =
  'position.previewOrder' | 'position.placeOrder' | 'position.cancelOrder' | 'position.evaluateNow';

/**
 * The order desk of a position (issue 15, ADRs 0061–0063): the manual order ticket (a preview at the last
 * known price, then the order at the live price through the normal order path), cancel of an open order,
 * and "evaluate this position now" with what it decided in words.
 */
export function orderDeskHandlers({ backend }: HandlerDeps): Pick<Handlers, OrderDeskChannels> {
  const { queries, useCases, trading } = backend;
  return {
    'position.previewOrder': (req) => {
      const record = queries.position(req.positionId);
      if (!record) return notFound('position', req.positionId);
      const view = positionDto(backend, record);
      if (view.lastPrice === null)
        return ipcFail(
          'conflict',
          `No price is known for ${record.symbol} yet: the ticket can be previewed once the loop has quoted it`,
        );
      const commission = useCases.resolveCommissionFor({ positionId: record.id });
      const ticket = checkOrderTicket(
        record,
        req.side,
        req.qty,
        view.lastPrice,
        view.effectiveConfig,
        commission.ok ? commission.value : resolveCommission([], backend.tenantId, record.symbol),
      );
      return fromResult(ticket, (t) => {
        const { summary, ...rest } = t;
        const refusal = riskRefusal(backend, record, t, view.effectiveConfig);
        const priced = view.lastPriceLive
          ? summary
          : `${summary} Price ${formatPrice(view.lastPrice)} ${formatAsOf(view.lastPriceAt)}: the order takes the live price when it is placed.`;
        return {
          ...rest,
          priceAt: view.lastPriceAt,
          priceLive: view.lastPriceLive,
          summary: refusal === null ? priced : `${priced} The risk limits would refuse it: ${refusal}.`,
        };
      });
    },

    'position.placeOrder': async (req, ctx) => {
      if (!queries.position(req.positionId)) return notFound('position', req.positionId);
      const r = await trading.placeOrder({
        positionId: req.positionId,
        side: req.side,
        qty: req.qty,
        by: actorOf(ctx),
        why: req.why ?? null,
      });
      return fromResult(
        r,
        (v) => {
          const order = v.order as NonNullable<typeof v.order>;
          return {
            position: positionDto(backend, v.position),
            order: toOrderDto(order),
            message: `Order queued: ${order.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(order.qty)} of ${v.position.symbol} at about ${formatPrice(order.price)}. The worker fills it in a moment; the anchor then moves to the fill price.`,
          };
        },
        req,
      );
    },

    'position.cancelOrder': async (req, ctx) => {
      const r = await trading.cancelOrder({ orderId: req.orderId, by: actorOf(ctx), why: req.why ?? null });
      return fromResult(r, (v) => ({
        order: toOrderDto(v.order),
        message: `Order cancelled: ${v.order.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(v.order.qty)}. Nothing was traded.`,
      }));
    },

    'position.evaluateNow': async (req) => {
      if (!queries.position(req.positionId)) return notFound('position', req.positionId);
      const r = await trading.evaluatePosition({ positionId: req.positionId });
      return fromResult(r, (v) => ({
        position: positionDto(backend, v.position),
        tickId: v.evaluation.correlationId,
        action: v.evaluation.payload.action,
        words: v.words,
        order: v.order && toOrderDto(v.order),
      }));
    },
  };
}

/**
 * The order validator's size, value and exposure checks on a previewed ticket (SPEC 9, ADR 0136), so the
 * ticket says before it is placed that the risk limits would refuse it; the rate limits are checked when
 * it is placed (they depend on that moment). Other holdings are valued at their last known price.
 */
function riskRefusal(
  backend: Backend,
  record: PositionRecord,
  t: OrderTicket,
  config: StrategyConfig,
): string | null {
  const limits = { ...riskOf(config), maxOrdersPerMinute: null, maxOrdersPerMinutePerSymbol: null };
  if (validatorIsOff(limits)) return null;
  const order = { side: t.side, qty: t.qty, price: t.price, commissionCents: t.commissionCents };
  const ctx = {
    ordersLastMinute: 0,
    ordersLastMinuteSymbol: 0,
    positionQty: record.qty,
    positionCashCents: record.cashCents,
    portfolioStockValueCents: 0,
    portfolioEquityCents: 0,
  };
  if (limits.maxTotalExposurePct !== null)
    for (const p of backend.queries.positions()) {
      if (p.portfolioId !== record.portfolioId || p.status === 'CLOSED') continue;
      const price = p.id === record.id ? t.price : (positionDto(backend, p).lastPrice ?? p.anchor ?? 0);
      const stock = p.qty * price * 100;
      ctx.portfolioStockValueCents += stock;
      ctx.portfolioEquityCents += stock + p.cashCents + p.receivableCents;
    }
  const code = checkOrder(order, ctx, limits);
  return code === null ? null : violationWords(explainViolation(code, order, ctx, limits));
}
