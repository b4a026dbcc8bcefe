import type { DomainEvent } from './DomainEvent';
import { cents, type Cents } from './Money';
import { normalizeQty, type PositionLedger } from './Position';

/**
 * Rebuilds a position's ledger from its FACT events alone (SPEC 3: "position state must equal the
 * replay of its events"). `PositionUpdated` is deliberately not read: it is the snapshot replay is
 * checked against. Every other event type (evaluations, orders created/rejected/cancelled, config
 * changes…) does not move the ledger and is skipped.
 *
 * Semantics, one event at a time:
 * - PositionOpened: qty, cash and anchor as opened; receivable and totals 0; status ACTIVE.
 * - CashDeposited / CashWithdrawn: cash ± amount.
 * - OrderFilled: the booked amounts of SPEC 2.8 — BUY: qty + x, cash − (notional + commission);
 *   SELL: qty − x, cash + (notional − commission); total commission + commission. The anchor is not
 *   touched here: the AnchorUpdated written with the fill moves it.
 * - AnchorSet / AnchorUpdated / AnchorAdjusted: anchor = `to`.
 * - DividendAccrued: receivable + net.
 * - DividendPaid: the net (`cashDeltaCents`) moves from receivable to cash; gross and net totals grow.
 * - SplitApplied: qty and anchor become the post-split values; cash + cash in lieu.
 * - PositionStatusChanged: status = `to`.
 */
export function replayPosition(events: readonly DomainEvent[]): PositionLedger {
  let ledger: PositionLedger | null = null;
  let positionId: string | null = null;
  for (const event of events) {
    if (positionId === null) positionId = event.positionId;
    else if (event.positionId !== positionId) {
      throw new Error(
        `replayPosition: event ${event.id} belongs to position ${String(event.positionId)}, not ${positionId}`,
      );
    }
    ledger = applyEvent(ledger, event);
  }
  if (ledger === null) throw new Error('replayPosition: no PositionOpened event');
  return ledger;
}

/** One step of the replay; `ledger` is null before the PositionOpened event. */
export function applyEvent(ledger: PositionLedger | null, event: DomainEvent): PositionLedger | null {
  if (event.type === 'PositionOpened') {
    if (ledger !== null) throw new Error(`applyEvent: position opened twice (event ${event.id})`);
    return {
      qty: normalizeQty(event.payload.qty),
      cashCents: cents(event.payload.cashCents),
      receivableCents: cents(0),
      anchor: event.payload.anchor,
      status: 'ACTIVE',
      totalCommissionPaidCents: cents(0),
      totalDividendsGrossCents: cents(0),
      totalDividendsNetCents: cents(0),
    };
  }
  if (ledger === null) {
    if (isFact(event)) throw new Error(`applyEvent: ${event.type} (event ${event.id}) before PositionOpened`);
    return null;
  }
  switch (event.type) {
    case 'CashDeposited':
      return { ...ledger, cashCents: add(ledger.cashCents, event.payload.amountCents) };
    case 'CashWithdrawn':
      return { ...ledger, cashCents: add(ledger.cashCents, -event.payload.amountCents) };
    case 'OrderFilled': {
      const { side, qty, notionalCents, commissionCents } = event.payload;
      const buy = side === 'BUY';
      return {
        ...ledger,
        qty: normalizeQty(buy ? ledger.qty + qty : ledger.qty - qty),
        cashCents: add(
          ledger.cashCents,
          buy ? -notionalCents - commissionCents : notionalCents - commissionCents,
        ),
        totalCommissionPaidCents: add(ledger.totalCommissionPaidCents, commissionCents),
      };
    }
    case 'AnchorSet':
    case 'AnchorUpdated':
    case 'AnchorAdjusted':
      return { ...ledger, anchor: event.payload.to };
    case 'DividendAccrued':
      return { ...ledger, receivableCents: add(ledger.receivableCents, event.payload.netCents) };
    case 'DividendPaid': {
      const net = event.payload.cashDeltaCents;
      return {
        ...ledger,
        cashCents: add(ledger.cashCents, net),
        receivableCents: add(ledger.receivableCents, -net),
        totalDividendsGrossCents: add(ledger.totalDividendsGrossCents, event.payload.grossCents),
        totalDividendsNetCents: add(ledger.totalDividendsNetCents, net),
      };
    }
    case 'SplitApplied':
      return {
        ...ledger,
        qty: normalizeQty(event.payload.qtyAfter),
        anchor: event.payload.anchorAfter,
        cashCents: add(ledger.cashCents, event.payload.cashInLieuCents),
      };
    case 'PositionStatusChanged':
      return { ...ledger, status: event.payload.to };
    default:
      return ledger;
  }
}

export const FACT_TYPES: ReadonlySet<DomainEvent['type']> = new Set<DomainEvent['type']>([
  'PositionOpened',
  'CashDeposited',
  'CashWithdrawn',
  'OrderFilled',
  'AnchorSet',
  'AnchorUpdated',
  'AnchorAdjusted',
  'DividendAccrued',
  'DividendPaid',
  'SplitApplied',
  'PositionStatusChanged',
]);

/** Whether an event type moves the ledger (and so is read by the replay). */
export function isFact(event: Pick<DomainEvent, 'type'>): boolean {
  return FACT_TYPES.has(event.type);
}

function add(a: Cents, b: number): Cents {
  return cents(a + b);
}
