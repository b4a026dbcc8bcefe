import type { StrategyConfig } from '../../../shared/domain/Config';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { PriceTrigger } from '../../../shared/domain/PriceTrigger';
import type {
  OrderDto,
  PortfolioDto,
  PositionDto,
  TradeDto,
  TriggerPricesDto,
} from '../../../shared/ipc/dto/ledger';
import type { EvaluationRowDto } from '../../../shared/ipc/dto/events';
import type { OrderRecord } from '../../../shared/ports/OrderRepository';
import type { Portfolio } from '../../../shared/ports/PortfolioRepository';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { TradeRecord } from '../../../shared/ports/TradeRepository';

/** Rows of the ledger as the contract carries them (no tenant id, money in cents). */
export function toPortfolioDto(portfolio: Portfolio, positionCount: number): PortfolioDto {
  return {
    id: portfolio.id,
    name: portfolio.name,
    baseCurrency: portfolio.baseCurrency,
    config: portfolio.config,
    positionCount,
    createdAt: portfolio.createdAt,
    updatedAt: portfolio.updatedAt,
  };
}

/** Trigger prices at an anchor: the same formula the trigger decides with (shared/domain/PriceTrigger). */
export function triggerPrices(anchor: number | null, config: StrategyConfig): TriggerPricesDto | null {
  if (anchor === null || !(anchor > 0)) return null;
  const decision = PriceTrigger.evaluate({ anchor }, anchor, config.trigger);
  if (decision.buyBelow === null || decision.sellAbove === null) return null;
  return { anchor, buyBelow: decision.buyBelow, sellAbove: decision.sellAbove };
}

/** A price the app knows for a position: when it was quoted, and whether the latest evaluation used it. */
export interface KnownPrice {
  price: number;
  at: number;
  live: boolean;
}

export function toPositionDto(
  position: PositionRecord,
  effectiveConfig: StrategyConfig,
  latestEvaluation: DomainEvent<'EvaluationEvent'> | null,
  known: KnownPrice | null,
): PositionDto {
  const evaluation = latestEvaluation?.payload ?? null;
  const lastPrice = known?.price ?? null;
  // Without shares the stock is worth nothing whatever the price: the value is known.
  const stockCents =
    position.qty === 0 ? 0 : lastPrice === null ? null : Math.round(position.qty * lastPrice * 100);
  const valueCents = stockCents === null ? null : stockCents + position.cashCents + position.receivableCents;
  return {
    id: position.id,
    portfolioId: position.portfolioId,
    symbol: position.symbol,
    status: position.status,
    qty: position.qty,
    cashCents: position.cashCents,
    receivableCents: position.receivableCents,
    anchor: position.anchor,
    totalCommissionPaidCents: position.totalCommissionPaidCents,
    totalDividendsGrossCents: position.totalDividendsGrossCents,
    totalDividendsNetCents: position.totalDividendsNetCents,
    configOverride: position.configOverride,
    withholdingPct: position.withholdingPct,
    effectiveConfig,
    lastPrice,
    lastPriceAt: known?.at ?? null,
    lastPriceLive: known?.live ?? false,
    lastEvaluatedAt: latestEvaluation?.ts ?? null,
    lastAction: evaluation?.action ?? null,
    valueCents,
    stockPct: stockCents !== null && valueCents !== null && valueCents > 0 ? stockCents / valueCents : null,
    triggers: triggerPrices(position.anchor, effectiveConfig),
    createdAt: position.createdAt,
    updatedAt: position.updatedAt,
  };
}

export function toOrderDto(order: OrderRecord): OrderDto {
  return {
    id: order.id,
    positionId: order.positionId,
    tickId: order.tickId,
    side: order.side,
    qty: order.qty,
    price: order.price,
    pricePolicy: order.pricePolicy,
    commissionRate: order.commission.rate,
    commissionMinimumCents: order.commission.minimumCents,
    status: order.status,
    filledQty: order.filledQty,
    reasons: order.reasons,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export function toTradeDto(trade: TradeRecord): TradeDto {
  return {
    id: trade.id,
    orderId: trade.orderId,
    positionId: trade.positionId,
    side: trade.side,
    qty: trade.qty,
    price: trade.price,
    notionalCents: trade.notionalCents,
    commissionCents: trade.commissionCents,
    brokerRef: trade.brokerRef,
    executedAt: trade.executedAt,
  };
}

export function toEvaluationRow(event: DomainEvent<'EvaluationEvent'>): EvaluationRowDto {
  return {
    id: event.id,
    positionId: event.positionId ?? '',
    symbol: event.symbol ?? '',
    ts: event.ts,
    recordedAt: event.recordedAt,
    tickId: event.correlationId,
    evaluation: event.payload,
  };
}
