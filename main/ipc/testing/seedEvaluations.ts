import type { EvaluationPayload, NewEvent } from '../../../shared/domain/DomainEvent';
import type { EventLog } from '../../../shared/ports/EventLog';
import type { UnitOfWork } from '../../../shared/ports/UnitOfWork';

export interface SeedTarget {
  tenantId: string;
  portfolioId: string;
  positionId: string;
  symbol: string;
}

/**
 * Test and e2e support: appends `count` EvaluationEvents to one position, 5 minutes apart ending at
 * `endTs`, a random walk around an anchor of 100 — mostly HOLD, a BUY or SELL where the walk crosses a
 * threshold (no orders: these rows only exercise the timeline). Deterministic for a seed.
 */
export function seedEvaluations(
  store: { events: EventLog; uow: UnitOfWork },
  target: SeedTarget,
  count: number,
  options: { endTs?: number; seed?: number; batch?: number } = {},
): void {
  const endTs = options.endTs ?? Date.UTC(2025, 0, 2, 21, 0, 0);
  const batch = options.batch ?? 5000;
  let state = options.seed ?? 42;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  let price = 100;
  for (let start = 0; start < count; start += batch) {
    const events: NewEvent<'EvaluationEvent'>[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      // A walk that reverts to 100, crossing both triggers now and then.
      price = Math.round((price + (random() - 0.5) * 1.2 + (100 - price) * 0.02) * 100) / 100;
      const ts = endTs - (count - 1 - i) * 300_000;
      events.push({
        type: 'EvaluationEvent',
        tenantId: target.tenantId,
        portfolioId: target.portfolioId,
        positionId: target.positionId,
        symbol: target.symbol,
        ts,
        correlationId: `seed:${options.seed ?? 42}:${i}`,
        payload: evaluation(price),
      });
    }
    store.uow.transaction(() => store.events.append(target.tenantId, events));
  }
}

function evaluation(price: number): EvaluationPayload {
  const anchor = 100;
  const buyBelow = 97;
  const sellAbove = 103;
  const action = price <= buyBelow ? 'BUY' : price >= sellAbove ? 'SELL' : 'HOLD';
  const qty = action === 'HOLD' ? 0 : 10;
  return {
    session: 'REGULAR',
    pricePolicy: 'MID',
    priceEffective: price,
    priceSource: 'mid',
    priceFallback: null,
    quote: { bid: price - 0.01, ask: price + 0.01, last: price, ts: 0 },
    trigger: {
      kind: action,
      anchor,
      buyBelow,
      sellAbove,
      distanceToBuy: (price - buyBelow) / price,
      distanceToSell: (sellAbove - price) / price,
    },
    rawQty: action === 'HOLD' ? null : action === 'BUY' ? 12.4 : -12.4,
    finalQty: qty,
    reasons: action === 'HOLD' ? ['no_trigger'] : ['max_trade_trim', 'qty_rounded'],
    steps:
      action === 'HOLD'
        ? []
        : [
            { reason: 'max_trade_trim', before: 12.4, after: 10.2 },
            { reason: 'qty_rounded', before: 10.2, after: 10 },
          ],
    action,
    orderId: null,
    deltas:
      action === 'HOLD'
        ? null
        : { qty: action === 'BUY' ? qty : -qty, cashCents: Math.round(-qty * price * 100) },
    detail: null,
  };
}

/**
 * Test and e2e support: `count` HOLDs of a closed market (no quote, reason market_closed), each with the
 * TickCompleted of its tick, 5 minutes apart ending at `endTs`: what the live loop writes overnight.
 */
export function seedClosedHolds(
  store: { events: EventLog; uow: UnitOfWork },
  target: SeedTarget,
  count: number,
  endTs: number,
): void {
  const events: NewEvent[] = [];
  for (let i = 0; i < count; i++) {
    const ts = endTs - (count - 1 - i) * 300_000;
    const tickId = new Date(ts).toISOString();
    events.push(
      {
        type: 'EvaluationEvent',
        tenantId: target.tenantId,
        portfolioId: target.portfolioId,
        positionId: target.positionId,
        symbol: target.symbol,
        ts,
        correlationId: tickId,
        payload: CLOSED_HOLD,
      },
      {
        type: 'TickCompleted',
        tenantId: target.tenantId,
        portfolioId: null,
        positionId: null,
        symbol: null,
        ts,
        correlationId: tickId,
        payload: { tickId, evaluated: 1, ordersCreated: 0, durationMs: 3, skipped: false, missedTicks: 0 },
      },
    );
  }
  store.uow.transaction(() => store.events.append(target.tenantId, events));
}

const CLOSED_HOLD: EvaluationPayload = {
  session: 'CLOSED',
  pricePolicy: 'MID',
  priceEffective: null,
  priceSource: null,
  priceFallback: null,
  quote: null,
  trigger: null,
  rawQty: null,
  finalQty: 0,
  reasons: ['market_closed'],
  steps: [],
  action: 'HOLD',
  orderId: null,
  deltas: null,
  detail: 'session CLOSED: the exchange is closed',
};
