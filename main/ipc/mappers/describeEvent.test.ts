import { describe, expect, it } from 'vitest';
import type { DomainEvent, EventPayloads, EventType } from '../../../shared/domain/DomainEvent';
import { describeEvent } from './describeEvent';

function event<T extends EventType>(type: T, payload: EventPayloads[T]): DomainEvent {
  return {
    id: '01J0000000000000000000000',
    type,
    tenantId: 't',
    portfolioId: 'p',
    positionId: 'x',
    symbol: 'KO',
    ts: 0,
    recordedAt: 0,
    correlationId: 'c',
    payload,
    hash: 'h',
    prevHash: null,
  } as unknown as DomainEvent;
}

const commission = { rate: 0.0001, minimumCents: 0, source: 'GLOBAL' } as never;

describe('event summaries use the one formatter', () => {
  const rows: { name: string; event: DomainEvent; text: string }[] = [
    {
      name: 'a fill with a float-noise price',
      event: event('OrderFilled', {
        orderId: 'o',
        tradeId: 't',
        side: 'BUY',
        qty: 1234,
        price: 167.77000427246094,
        notionalCents: 20_702_818,
        commissionCents: 2070,
        brokerRef: 'paper:o',
        commission,
      }),
      text: 'Bought 1,234 shares at $167.77: notional $207,028.18, commission $20.70',
    },
    {
      name: 'a deposit is a signed change',
      event: event('CashDeposited', { amountCents: 50_050 }),
      text: 'Deposited +$500.50',
    },
    {
      name: 'a withdrawal is a signed change',
      event: event('CashWithdrawn', { amountCents: 50_050 }),
      text: 'Withdrew −$500.50',
    },
    {
      name: 'a dividend paid',
      event: event('DividendPaid', {
        announcementId: 'a',
        cashDeltaCents: 8_200,
        totalDividendsGrossCents: 8_200,
        totalDividendsNetCents: 8_200,
        grossCents: 8_200,
      }),
      text: 'Dividend paid: +$82.00 to cash',
    },
    {
      name: 'an anchor set by hand',
      event: event('AnchorSet', { from: 80.71, to: 100, by: 'user (desktop)', why: 'earnings gap' }),
      text: 'Anchor set by hand $80.71 → $100.00 by user (desktop): earnings gap',
    },
    {
      name: 'an anchor adjusted for a dividend',
      event: event('AnchorAdjusted', { from: 59.72, to: 59.31, announcementId: 'a', amountPerShare: 0.41 }),
      text: 'Anchor lowered by the $0.41 dividend: $59.72 → $59.31',
    },
    {
      name: 'an order queued',
      event: event('OrderIntentCreated', {
        orderId: 'o',
        intentId: 'i',
        side: 'SELL',
        qty: 50,
        price: 103.2,
        pricePolicy: 'MID',
        commission,
        dedupeKey: 'k',
        tickId: 't',
        isInitialAllocation: false,
      }),
      text: 'Order to sell 50 shares at $103.20 (MID) queued',
    },
    {
      name: 'a re-evaluation',
      event: event('OrderReEvaluated', {
        orderId: 'o',
        oldPrice: 96.5,
        newPrice: 96.7,
        oldQty: 61,
        newQty: 60,
        driftBps: 20.73,
      }),
      text: 'Order re-evaluated after the price moved 20.7 bps: price $96.50 → $96.70, quantity 61 → 60',
    },
    {
      name: 'a position opened with shares',
      event: event('PositionOpened', { qty: 10, cashCents: 2_500_000, anchor: null, initialStockPct: 0.5 }),
      text: 'Opened with $25,000.00 cash and 10 shares, initial stock 50 %',
    },
    {
      name: 'a dividend announced',
      event: event('DividendAnnounced', {
        announcementId: 'a',
        exDate: '2020-03-12',
        payDate: null,
        amountPerShare: 0.41,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'bundled',
      }),
      text: 'Dividend of $0.41 a share announced: ex-date 2020-03-12, paid on the ex-date',
    },
  ];
  it.each(rows)('$name', ({ event: e, text }) => {
    expect(describeEvent(e)).toBe(text);
  });
});
