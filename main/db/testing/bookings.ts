import {
  commitPositionChange,
  ledgerOf,
  positionEvent,
} from '../../../shared/application/ledger/positionChange';
import type { LedgerDeps } from '../../../shared/application/ledger/LedgerDeps';
import type { CommissionSnapshot } from '../../../shared/domain/Commission';
import { accrueDividend, type DividendAccrual } from '../../../shared/domain/DividendMath';
import type { Side } from '../../../shared/domain/DomainEvent';
import { applyFill, bookFill } from '../../../shared/domain/FillBooking';
import { cents } from '../../../shared/domain/Money';
import { applySplit } from '../../../shared/domain/SplitMath';
import type { SqliteStore } from '../createStore';

/**
 * Test support: the fills, dividends and splits the live loop (a later issue) will write, booked with
 * the same domain functions and commitPositionChange, so ledger tests can exercise every fact type.
 * Each returns false when the step does not apply (closed position, not enough cash or shares).
 */
export interface BookingDeps {
  store: SqliteStore;
  deps: LedgerDeps;
}

export const TEST_COMMISSION: CommissionSnapshot = { rate: 0.0001, minimumCents: 1, scope: 'GLOBAL' };

export function bookTestFill(
  b: BookingDeps,
  tenantId: string,
  positionId: string,
  side: Side,
  qty: number,
  price: number,
): boolean {
  const { store, deps } = b;
  return store.uow.transaction(() => {
    const before = store.positions.get(tenantId, positionId);
    if (!before || before.status !== 'ACTIVE') return false;
    if (side === 'SELL' && qty > before.qty) return false;
    const booking = bookFill(side, qty, price, TEST_COMMISSION);
    if (before.cashCents + booking.cashDeltaCents < 0) return false; // guardrails never allow it
    const after = applyFill(ledgerOf(before), side, qty, price, booking);
    const now = deps.clock.now();
    const orderId = deps.ids.next();
    const tradeId = deps.ids.next();
    const brokerRef = `paper-${tradeId}`;
    store.orders.insert(tenantId, {
      id: orderId,
      tenantId,
      positionId,
      tickId: null,
      side,
      qty,
      price,
      pricePolicy: 'MID',
      commission: TEST_COMMISSION,
      status: 'FILLED',
      dedupeKey: orderId,
      filledQty: qty,
      reasons: [],
      createdAt: now,
      updatedAt: now,
    });
    store.trades.insert(tenantId, {
      id: tradeId,
      tenantId,
      orderId,
      positionId,
      side,
      qty,
      price,
      notionalCents: booking.notionalCents,
      commissionCents: booking.commissionCents,
      brokerRef,
      executedAt: now,
    });
    const ctx = { correlationId: orderId, ts: now, now };
    commitPositionChange(
      deps,
      before,
      after,
      [
        positionEvent(
          before,
          'OrderFilled',
          {
            orderId,
            tradeId,
            side,
            qty,
            price,
            notionalCents: booking.notionalCents,
            commissionCents: booking.commissionCents,
            brokerRef,
            commission: TEST_COMMISSION,
          },
          ctx,
        ),
        positionEvent(before, 'AnchorUpdated', { from: before.anchor, to: price, orderId }, ctx),
      ],
      ctx,
    );
    return true;
  });
}

export interface PendingDividend {
  announcementId: string;
  accrual: DividendAccrual;
}

export function accrueTestDividend(
  b: BookingDeps,
  tenantId: string,
  positionId: string,
  amountPerShare: number,
  withholding: number,
): PendingDividend | null {
  const { store, deps } = b;
  return store.uow.transaction(() => {
    const before = store.positions.get(tenantId, positionId);
    if (!before || before.status === 'CLOSED') return null;
    const accrual = accrueDividend(before.qty, amountPerShare, withholding);
    const announcementId = deps.ids.next();
    const now = deps.clock.now();
    const ctx = { correlationId: announcementId, ts: now, now };
    commitPositionChange(
      deps,
      before,
      { ...ledgerOf(before), receivableCents: cents(before.receivableCents + accrual.netCents) },
      [positionEvent(before, 'DividendAccrued', { announcementId, ...accrual }, ctx)],
      ctx,
    );
    return { announcementId, accrual };
  });
}

export function payTestDividend(
  b: BookingDeps,
  tenantId: string,
  positionId: string,
  pending: PendingDividend,
): boolean {
  const { store, deps } = b;
  return store.uow.transaction(() => {
    const before = store.positions.get(tenantId, positionId);
    if (!before) return false;
    const { grossCents, netCents } = pending.accrual;
    const now = deps.clock.now();
    const ctx = { correlationId: pending.announcementId, ts: now, now };
    const after = {
      ...ledgerOf(before),
      cashCents: cents(before.cashCents + netCents),
      receivableCents: cents(before.receivableCents - netCents),
      totalDividendsGrossCents: cents(before.totalDividendsGrossCents + grossCents),
      totalDividendsNetCents: cents(before.totalDividendsNetCents + netCents),
    };
    commitPositionChange(
      deps,
      before,
      after,
      [
        positionEvent(
          before,
          'DividendPaid',
          {
            announcementId: pending.announcementId,
            cashDeltaCents: netCents,
            grossCents,
            totalDividendsGrossCents: after.totalDividendsGrossCents,
            totalDividendsNetCents: after.totalDividendsNetCents,
          },
          ctx,
        ),
      ],
      ctx,
    );
    return true;
  });
}

export function applyTestSplit(
  b: BookingDeps,
  tenantId: string,
  positionId: string,
  ratio: number,
  previousClose: number,
): boolean {
  const { store, deps } = b;
  return store.uow.transaction(() => {
    const before = store.positions.get(tenantId, positionId);
    if (!before || before.status === 'CLOSED') return false;
    const result = applySplit(before.qty, before.anchor, ratio, previousClose, 1);
    const now = deps.clock.now();
    const ctx = { correlationId: deps.ids.next(), ts: now, now };
    commitPositionChange(
      deps,
      before,
      {
        ...ledgerOf(before),
        qty: result.qtyAfter,
        anchor: result.anchorAfter,
        cashCents: cents(before.cashCents + result.cashInLieuCents),
      },
      [
        positionEvent(
          before,
          'SplitApplied',
          {
            ratio,
            effectiveDate: '2025-06-02',
            qtyBefore: before.qty,
            qtyAfter: result.qtyAfter,
            anchorBefore: before.anchor,
            anchorAfter: result.anchorAfter,
            cashInLieuCents: result.cashInLieuCents,
          },
          ctx,
        ),
      ],
      ctx,
    );
    return true;
  });
}
