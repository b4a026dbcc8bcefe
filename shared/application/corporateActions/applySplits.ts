import { previousTradingDay } from '../../domain/calendar';
import type { DomainEvent, NewEvent } from '../../domain/DomainEvent';
import { cents } from '../../domain/Money';
import { OrderStateMachine } from '../../domain/OrderStateMachine';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { StockSplit } from '../../ports/SplitRepository';
import { commitPositionChange, ledgerOf, positionEvent } from '../ledger/positionChange';
import { applySplit } from '../../domain/SplitMath';
import { exchangeDayBounds } from '../trading/exchangeDay';
import { positionConfig } from '../trading/positionConfig';
import type { LiveDeps } from '../trading/TradingDeps';
import { addDays, oldestOpeningDate } from './calendarDates';

export type SplitDeps = Pick<
  LiveDeps,
  | 'uow'
  | 'clock'
  | 'ids'
  | 'events'
  | 'portfolios'
  | 'positions'
  | 'orders'
  | 'splits'
  | 'quotes'
  | 'marketData'
  | 'logger'
>;

export interface SplitDayResult {
  applied: DomainEvent<'SplitApplied'>[];
  cancelledOrders: DomainEvent<'OrderCancelled'>[];
  positionsChanged: PositionRecord[];
  /** Splits that could not be applied yet (no previous close): the day is retried. */
  pending: StockSplit[];
}

/**
 * Splits and reverse splits effective on or before `date` not yet applied to an open position that
 * held the symbol before the effective date (SPEC 4.3): qty × ratio, anchor ÷ ratio, the fractional
 * remainder off the qty-step grid paid as cash in lieu at the previous close; SplitApplied. Open orders
 * of the position are cancelled (sized in pre-split shares, they would now be wrong; the next tick
 * evaluates the position afresh). Nothing else changes: price ÷ ratio against anchor ÷ ratio leaves
 * every trigger where it was. One transaction per (split, position), recorded once.
 */
export async function applySplits(deps: SplitDeps, tenantId: string, date: string): Promise<SplitDayResult> {
  const result: SplitDayResult = { applied: [], cancelledOrders: [], positionsChanged: [], pending: [] };
  const open = deps.positions.listByTenant(tenantId, ['ACTIVE', 'PAUSED']);
  if (open.length === 0) return result;
  const from = addDays(oldestOpeningDate(open) as string, -1);
  for (const split of deps.splits.listByEffectiveDate(tenantId, from, date)) {
    const effective = exchangeDayBounds(split.effectiveDate);
    const targets = open.filter(
      (p) =>
        p.symbol === split.symbol &&
        p.createdAt < effective.fromMs &&
        !deps.splits.isApplied(tenantId, split.id, p.id),
    );
    if (targets.length === 0) continue;
    const previousClose = await previousCloseBefore(deps, split);
    if (previousClose === null) {
      deps.logger.warn('split not applied yet: no previous close', {
        tenantId,
        symbol: split.symbol,
        effectiveDate: split.effectiveDate,
      });
      result.pending.push(split);
      continue;
    }
    for (const target of targets) applyToPosition(deps, tenantId, target.id, split, previousClose, result);
  }
  return result;
}

function applyToPosition(
  deps: SplitDeps,
  tenantId: string,
  positionId: string,
  split: StockSplit,
  previousClose: number,
  result: SplitDayResult,
): void {
  deps.uow.transaction(() => {
    const now = deps.clock.now();
    const position = deps.positions.get(tenantId, positionId);
    if (position === null || deps.splits.isApplied(tenantId, split.id, positionId)) return;
    const portfolio = deps.portfolios.get(tenantId, position.portfolioId);
    if (portfolio === null) throw new Error(`position ${position.id} refers to a missing portfolio`);
    const { orderPolicy } = positionConfig(portfolio, position);
    const after = applySplit(position.qty, position.anchor, split.ratio, previousClose, orderPolicy.qtyStep);
    const ctx = { correlationId: split.id, ts: exchangeDayBounds(split.effectiveDate).fromMs, now };
    const facts: NewEvent[] = [
      positionEvent(
        position,
        'SplitApplied',
        {
          ratio: split.ratio,
          effectiveDate: split.effectiveDate,
          qtyBefore: position.qty,
          qtyAfter: after.qtyAfter,
          anchorBefore: position.anchor,
          anchorAfter: after.anchorAfter,
          cashInLieuCents: after.cashInLieuCents,
        },
        ctx,
      ),
    ];
    for (const order of deps.orders.listOpen(tenantId, position.id)) {
      OrderStateMachine.transition(order.status, 'CANCELLED');
      if (
        !deps.orders.transition(tenantId, order.id, order.status, { status: 'CANCELLED', updatedAt: now })
      ) {
        throw new Error(`order ${order.id} changed while a split was applied`);
      }
      facts.push(
        positionEvent(
          position,
          'OrderCancelled',
          {
            orderId: order.id,
            reason: `split ${split.ratio} effective ${split.effectiveDate}: the order was sized in pre-split shares`,
          },
          ctx,
        ),
      );
    }
    const committed = commitPositionChange(
      deps,
      position,
      {
        ...ledgerOf(position),
        qty: after.qtyAfter,
        anchor: after.anchorAfter,
        cashCents: cents(position.cashCents + after.cashInLieuCents),
      },
      facts,
      ctx,
    );
    const applied = committed.events[0] as DomainEvent<'SplitApplied'>;
    if (
      !deps.splits.recordApplication(tenantId, {
        splitId: split.id,
        positionId,
        eventId: applied.id,
        appliedAt: now,
      })
    ) {
      throw new Error(`split ${split.id} was applied to ${positionId} concurrently`);
    }
    result.applied.push(applied);
    for (const e of committed.events)
      if (e.type === 'OrderCancelled') result.cancelledOrders.push(e as DomainEvent<'OrderCancelled'>);
    result.positionsChanged.push(committed.position);
  });
}

/**
 * The close of the last session before the split, in pre-split terms. The loop's own quote log comes
 * first: providers (Yahoo included) rewrite history split-adjusted, so their bar may already be divided.
 */
async function previousCloseBefore(deps: SplitDeps, split: StockSplit): Promise<number | null> {
  const previous = previousTradingDay(split.effectiveDate);
  const prevDay = exchangeDayBounds(previous);
  const logged = deps.quotes.list(null, split.symbol, prevDay.fromMs, prevDay.toMs);
  for (let i = logged.length - 1; i >= 0; i--) {
    const last = logged[i]?.last;
    if (last !== null && last !== undefined && Number.isFinite(last) && last > 0) return last;
  }
  try {
    const bars = await deps.marketData.getDailyBars(split.symbol, previous, previous);
    const close = bars.at(-1)?.close;
    return close !== undefined && Number.isFinite(close) && close > 0 ? close : null;
  } catch (err) {
    deps.logger.warn('previous close unavailable', {
      symbol: split.symbol,
      date: previous,
      error: String(err),
    });
    return null;
  }
}
