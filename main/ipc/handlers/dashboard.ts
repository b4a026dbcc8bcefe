import { nextTradingTick } from '../../../shared/application/trading/tradePreview';
import { exchangeDateOf } from '../../../shared/domain/calendar';
import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import type { DomainEvent, EventType } from '../../../shared/domain/DomainEvent';
import type { DashboardDto } from '../../../shared/ipc/dto/trading';
import { ipcOk, type IpcResult } from '../../../shared/ipc/result';
import type { Backend } from '../../composition/Backend';
import { describeEvent } from '../mappers/describeEvent';
import { positionDto } from './positionView';
import { notFound } from './results';

/** How far back "today" is counted: enough for hundreds of positions at a 1-minute tick. */
const TODAY_SCAN = 3000;

const ACTIVITY_TYPES: EventType[] = ['EvaluationEvent', 'OrderIntentCreated', 'OrderFilled', 'OrderRejected'];
const RECENT_TYPES: EventType[] = [
  'OrderFilled',
  'OrderRejected',
  'OrderCancelled',
  'AnchorSet',
  'AnchorUpdated',
  'AnchorAdjusted',
  'CashDeposited',
  'CashWithdrawn',
  'PositionOpened',
  'PositionStatusChanged',
  'DividendAccrued',
  'DividendPaid',
  'SplitApplied',
  'ProviderError',
  // the risk manager (SPEC 9)
  'RiskExit',
  'TradingHalted',
  'TradingResumed',
  'RiskAlert',
];

/** The Dashboard: value and allocation of a portfolio (or of every position), today's activity, recent facts. */
export function dashboardOf(
  backend: Backend,
  portfolioId: string | null,
  tickIntervalMs: number,
): IpcResult<DashboardDto> {
  const { queries } = backend;
  if (portfolioId !== null && !queries.portfolios().some((p) => p.id === portfolioId)) {
    return notFound('portfolio', portfolioId);
  }
  const positions = queries
    .positions()
    .filter((p) => p.status !== 'CLOSED' && (portfolioId === null || p.portfolioId === portfolioId))
    .map((p) => positionDto(backend, p));
  const ids = new Set(positions.map((p) => p.id));
  const sum = (f: (p: (typeof positions)[number]) => number) => positions.reduce((a, p) => a + f(p), 0);
  const cashCents = sum((p) => p.cashCents);
  const receivableCents = sum((p) => p.receivableCents);
  // Issue 15: a position without any price does not blank the total; its shares are shown apart.
  const stockValueCents = sum((p) =>
    p.valueCents === null ? 0 : p.valueCents - p.cashCents - p.receivableCents,
  );
  const valueCents = positions.length === 0 ? null : cashCents + receivableCents + stockValueCents;
  const unpriced = positions
    .filter((p) => p.valueCents === null)
    .map((p) => ({ positionId: p.id, symbol: p.symbol, qty: p.qty }));
  const asOf = positions
    .filter((p) => p.qty !== 0 && p.lastPriceAt !== null && !p.lastPriceLive)
    .map((p) => p.lastPriceAt as number);

  const today = exchangeDateOf(backend.trading.status().now);
  const counts = { evaluations: 0, holds: 0, orders: 0, fills: 0, rejections: 0 };
  for (const event of queries.events({ types: ACTIVITY_TYPES, newestFirst: true, limit: TODAY_SCAN })) {
    if (exchangeDateOf(event.ts) !== today) continue;
    if (event.positionId !== null && !ids.has(event.positionId)) continue;
    if (event.type === 'EvaluationEvent') {
      counts.evaluations += 1;
      if (event.payload.action === 'HOLD') counts.holds += 1;
    } else if (event.type === 'OrderIntentCreated') counts.orders += 1;
    else if (event.type === 'OrderFilled') counts.fills += 1;
    else if (event.type === 'OrderRejected') counts.rejections += 1;
  }
  // One indexed read per type (tenant, type, id): a scan over all types would walk past every evaluation.
  const recent = RECENT_TYPES.flatMap((type) =>
    queries.events({ types: [type], newestFirst: true, limit: 12 }),
  )
    .filter(
      (e: DomainEvent) =>
        portfolioId === null ||
        (e.positionId === null
          ? e.portfolioId === null || e.portfolioId === portfolioId
          : ids.has(e.positionId)),
    )
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, 12)
    .map((e) => ({ id: e.id, ts: e.ts, type: e.type, symbol: e.symbol, summary: describeEvent(e) }));

  return ipcOk({
    portfolioId,
    valueCents,
    cashCents,
    stockValueCents: valueCents === null ? null : stockValueCents,
    receivableCents,
    pricesAsOf: asOf.length === 0 ? null : Math.min(...asOf),
    unpriced,
    awaitingFirstTrade: positions
      .filter((p) => p.status === 'ACTIVE' && p.anchor === null)
      .map((p) => ({ positionId: p.id, symbol: p.symbol })),
    nextTradeAt: nextTradingTick(
      backend.trading.status().now,
      positions[0]?.effectiveConfig ?? DEFAULT_STRATEGY_CONFIG,
      tickIntervalMs,
    ),
    allocation: positions.map((p) => ({
      positionId: p.id,
      symbol: p.symbol,
      status: p.status,
      valueCents: p.valueCents,
      stockPct: p.stockPct,
      minStockPct: p.effectiveConfig.guardrails.minStockPct,
      maxStockPct: p.effectiveConfig.guardrails.maxStockPct,
    })),
    today: { date: today, ...counts },
    recent,
  });
}
