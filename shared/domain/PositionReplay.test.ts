import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventPayloads, EventType } from './DomainEvent';
import { bookFill, applyFill } from './FillBooking';
import { accrueDividend } from './DividendMath';
import { applySplit } from './SplitMath';
import type { PositionLedger } from './Position';
import { applyEvent, isFact, replayPosition } from './PositionReplay';

let seq = 0;
function ev<T extends EventType>(type: T, payload: EventPayloads[T], positionId = 'p1'): DomainEvent {
  seq += 1;
  return {
    type,
    payload,
    id: `E${String(seq).padStart(5, '0')}`,
    tenantId: 't1',
    portfolioId: 'f1',
    positionId,
    symbol: 'AAPL',
    ts: seq,
    recordedAt: seq,
    correlationId: 'c',
    prevHash: '',
    hash: '',
  } as DomainEvent;
}

const opened = (qty: number, cashCents: number) =>
  ev('PositionOpened', { qty, cashCents, anchor: null, initialStockPct: 0.5 });

const base: PositionLedger = {
  qty: 500,
  cashCents: 5_000_000 as PositionLedger['cashCents'],
  receivableCents: 0 as PositionLedger['cashCents'],
  anchor: null,
  status: 'ACTIVE',
  totalCommissionPaidCents: 0 as PositionLedger['cashCents'],
  totalDividendsGrossCents: 0 as PositionLedger['cashCents'],
  totalDividendsNetCents: 0 as PositionLedger['cashCents'],
};

describe('applyEvent: one row per fact', () => {
  const buy = bookFill('BUY', 61, 96.5, { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' });
  const sell = bookFill('SELL', 50, 103.2, { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' });
  const rows: { name: string; event: DomainEvent; expected: Partial<PositionLedger> }[] = [
    {
      name: 'deposit adds cash',
      event: ev('CashDeposited', { amountCents: 12_345 }),
      expected: { cashCents: 5_012_345 as never },
    },
    {
      name: 'withdrawal removes cash',
      event: ev('CashWithdrawn', { amountCents: 45 }),
      expected: { cashCents: 4_999_955 as never },
    },
    {
      name: 'BUY fill (SPEC 2.9 row 1): +61 shares, cash 44 112.91, commission 0.59',
      event: ev('OrderFilled', {
        orderId: 'o',
        tradeId: 'x',
        side: 'BUY',
        qty: 61,
        price: 96.5,
        notionalCents: buy.notionalCents,
        commissionCents: buy.commissionCents,
        brokerRef: 'b',
        commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
      }),
      expected: {
        qty: 561,
        cashCents: 4_411_291 as never,
        totalCommissionPaidCents: 59 as never,
        anchor: null,
      },
    },
    {
      name: 'SELL fill (SPEC 2.9 row 2): −50 shares, cash 55 159.48',
      event: ev('OrderFilled', {
        orderId: 'o',
        tradeId: 'x',
        side: 'SELL',
        qty: 50,
        price: 103.2,
        notionalCents: sell.notionalCents,
        commissionCents: sell.commissionCents,
        brokerRef: 'b',
        commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
      }),
      expected: { qty: 450, cashCents: 5_515_948 as never, totalCommissionPaidCents: 52 as never },
    },
    {
      name: 'AnchorSet sets the anchor',
      event: ev('AnchorSet', { from: null, to: 101.5, by: 'me', why: 'test' }),
      expected: { anchor: 101.5 },
    },
    {
      name: 'AnchorUpdated sets the anchor',
      event: ev('AnchorUpdated', { from: null, to: 96.5, orderId: 'o' }),
      expected: { anchor: 96.5 },
    },
    {
      name: 'AnchorAdjusted sets the anchor',
      event: ev('AnchorAdjusted', { from: 100, to: 99.76, announcementId: 'a', amountPerShare: 0.24 }),
      expected: { anchor: 99.76 },
    },
    {
      name: 'DividendAccrued adds the net to the receivable',
      event: ev('DividendAccrued', {
        announcementId: 'a',
        qtyEligible: 500,
        grossCents: 12_000,
        withholdingCents: 1_800,
        netCents: 10_200,
      }),
      expected: { receivableCents: 10_200 as never, cashCents: base.cashCents },
    },
    {
      name: 'SplitApplied sets qty and anchor, adds cash in lieu',
      event: ev('SplitApplied', {
        ratio: 4,
        effectiveDate: '2025-01-02',
        qtyBefore: 500,
        qtyAfter: 2000,
        anchorBefore: null,
        anchorAfter: null,
        cashInLieuCents: 7,
      }),
      expected: { qty: 2000, anchor: null, cashCents: 5_000_007 as never },
    },
    {
      name: 'status change',
      event: ev('PositionStatusChanged', { from: 'ACTIVE', to: 'PAUSED', by: 'me', why: null }),
      expected: { status: 'PAUSED' },
    },
    {
      name: 'PositionUpdated is a snapshot, not a fact: ignored',
      event: ev('PositionUpdated', { ...base, qty: 1, cashCents: 1 }),
      expected: {},
    },
    {
      name: 'ConfigChanged does not move the ledger',
      event: ev('ConfigChanged', { scope: 'POSITION', section: 'override', oldValue: null, newValue: {} }),
      expected: {},
    },
  ];
  it.each(rows)('$name', ({ event, expected }) => {
    expect(applyEvent(base, event)).toEqual({ ...base, ...expected });
  });

  it('DividendPaid moves the net from receivable to cash and adds the totals', () => {
    const accrued = { ...base, receivableCents: 10_200 as never };
    const paid = applyEvent(
      accrued,
      ev('DividendPaid', {
        announcementId: 'a',
        cashDeltaCents: 10_200,
        grossCents: 12_000,
        totalDividendsGrossCents: 12_000,
        totalDividendsNetCents: 10_200,
      }),
    );
    expect(paid).toEqual({
      ...base,
      cashCents: 5_010_200,
      receivableCents: 0,
      totalDividendsGrossCents: 12_000,
      totalDividendsNetCents: 10_200,
    });
  });
});

describe('replayPosition', () => {
  it('agrees with the booking functions the live loop uses (applyFill, accrueDividend, applySplit)', () => {
    const snapshot = { rate: 0.0001, minimumCents: 100, scope: 'TENANT' as const };
    let expected: PositionLedger = { ...base, qty: 0, cashCents: 1_000_000 as never };
    const events: DomainEvent[] = [opened(0, 1_000_000)];
    for (const [side, qty, price] of [
      ['BUY', 33, 151.37],
      ['SELL', 7, 160.015],
      ['BUY', 0.125, 149.99],
    ] as const) {
      const booking = bookFill(side, qty, price, snapshot);
      expected = applyFill(expected, side, qty, price, booking);
      events.push(
        ev('OrderFilled', {
          orderId: 'o',
          tradeId: 't',
          side,
          qty,
          price,
          ...booking,
          brokerRef: 'b',
          commission: snapshot,
        }),
        ev('AnchorUpdated', { from: null, to: price, orderId: 'o' }),
      );
    }
    const dividend = accrueDividend(expected.qty, 0.24, 0.15);
    events.push(ev('DividendAccrued', { announcementId: 'a', ...dividend }));
    events.push(
      ev('DividendPaid', {
        announcementId: 'a',
        cashDeltaCents: dividend.netCents,
        grossCents: dividend.grossCents,
        totalDividendsGrossCents: dividend.grossCents,
        totalDividendsNetCents: dividend.netCents,
      }),
    );
    expected = {
      ...expected,
      cashCents: (expected.cashCents + dividend.netCents) as never,
      totalDividendsGrossCents: dividend.grossCents,
      totalDividendsNetCents: dividend.netCents,
    };
    const split = applySplit(expected.qty, expected.anchor, 3, 150, 1);
    events.push(
      ev('SplitApplied', {
        ratio: 3,
        effectiveDate: '2025-03-03',
        qtyBefore: expected.qty,
        qtyAfter: split.qtyAfter,
        anchorBefore: expected.anchor,
        anchorAfter: split.anchorAfter,
        cashInLieuCents: split.cashInLieuCents,
      }),
    );
    expected = {
      ...expected,
      qty: split.qtyAfter,
      anchor: split.anchorAfter,
      cashCents: (expected.cashCents + split.cashInLieuCents) as never,
    };

    expect(replayPosition(events)).toEqual(expected);
    expect(split.cashInLieuCents).toBeGreaterThan(0);
  });

  it('starts from PositionOpened (shares held, no anchor)', () => {
    expect(replayPosition([opened(12.5, 100)])).toEqual({ ...base, qty: 12.5, cashCents: 100 });
  });

  it('refuses a fact before the position was opened, a second opening, and mixed positions', () => {
    expect(() => replayPosition([ev('CashDeposited', { amountCents: 1 })])).toThrow(/before PositionOpened/);
    expect(() => replayPosition([opened(0, 0), opened(0, 0)])).toThrow(/opened twice/);
    expect(() => replayPosition([opened(0, 0), ev('CashDeposited', { amountCents: 1 }, 'p2')])).toThrow(
      /belongs to position p2/,
    );
    expect(() => replayPosition([])).toThrow(/no PositionOpened/);
  });

  it('classifies facts', () => {
    expect(isFact({ type: 'OrderFilled' })).toBe(true);
    expect(isFact({ type: 'PositionUpdated' })).toBe(false);
    expect(isFact({ type: 'EvaluationEvent' })).toBe(false);
  });
});
