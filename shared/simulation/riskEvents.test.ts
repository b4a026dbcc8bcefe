import { describe, expect, it } from 'vitest';
import { simRiskEventWords } from '../format/SimRiskEventWords';
import { riskEventsOf } from './riskEvents';
import type { SimEvent, SimTrade } from './SimulationResult';

const trade = (over: Partial<SimTrade>): SimTrade => ({
  seq: 1,
  symbol: 'KO',
  decidedAt: '2018-01-02',
  filledAt: '2018-01-02',
  session: '2018-01-02',
  side: 'BUY',
  status: 'FILLED',
  isInitialAllocation: false,
  requestedQty: 10,
  qty: 10,
  cancelledQty: 0,
  decisionPrice: 40,
  price: 40,
  notionalCents: 40_000,
  commissionCents: 4,
  qtyAfter: 10,
  cashAfterCents: 0,
  anchorAfter: 40,
  reasons: ['anchor_unset'],
  note: null,
  ...over,
});
const halt = (at: string, detail: string, amountCents: number): SimEvent => ({
  seq: 9,
  at,
  symbol: '',
  type: 'TradingHalted',
  tradeSeq: null,
  qty: null,
  price: null,
  amountCents,
  anchorBefore: null,
  anchorAfter: null,
  detail,
});

describe('riskEventsOf (ADR 0155)', () => {
  const trades = [
    trade({}),
    trade({
      seq: 2,
      side: 'SELL',
      decidedAt: '2018-02-05',
      filledAt: '2018-02-05',
      qty: 10,
      price: 36.5,
      notionalCents: 36_500,
      reasons: ['trailing_stop'],
    }),
    trade({
      seq: 3,
      symbol: 'PEP',
      decidedAt: '2018-03-01',
      filledAt: null,
      status: 'REJECTED',
      requestedQty: 4,
      qty: 0,
      price: null,
      decisionPrice: 100,
      reasons: ['no_trigger', 'POSITION_VALUE_LIMIT'],
    }),
    // A rejection that is not the validator's (the guardrails): not a risk event.
    trade({ seq: 4, decidedAt: '2018-03-02', status: 'REJECTED', reasons: ['below_min'] }),
  ];
  const events = [
    halt('2018-03-01', 'daily_loss_stop', 950_000),
    halt('2018-04-02', 'max_drawdown', 800_000),
  ];

  it('lists stop exits, validator rejections and halts in time order, a halt first on its bar', () => {
    const found = riskEventsOf({ trades, events });
    expect(
      found.map((e) => [e.at, e.symbol, e.kind, e.tradeSeq, e.qty, e.price, e.amountCents, e.codes]),
    ).toEqual([
      ['2018-02-05', 'KO', 'trailing_stop', 2, 10, 36.5, 36_500, []],
      ['2018-03-01', '', 'daily_loss_stop', null, null, null, 950_000, []],
      ['2018-03-01', 'PEP', 'rejected', 3, 4, 100, null, ['POSITION_VALUE_LIMIT']],
      ['2018-04-02', '', 'max_drawdown', null, null, null, 800_000, []],
    ]);
  });

  it('says each in words through the one formatter', () => {
    expect(riskEventsOf({ trades, events }).map(simRiskEventWords)).toEqual([
      'Risk exit: price at or below the trailing stop: sold 10 shares at $36.50 ($365.00); the position is paused, its anchor unset',
      'Daily loss stop at equity $9,500.00: no new buys for the rest of the session',
      'Rejected: the position would be worth more than its limit (4 shares at $100.00)',
      'Trading halted by the max-drawdown circuit breaker at equity $8,000.00: no order for the rest of the run',
    ]);
  });

  it('counts a stop exit only when it filled (a cancelled one sold nothing)', () => {
    const cancelled = trade({
      seq: 5,
      side: 'SELL',
      status: 'CANCELLED',
      filledAt: null,
      qty: 0,
      price: null,
      requestedQty: 10,
      reasons: ['position_stop'],
      note: 'end_of_data',
    });
    expect(riskEventsOf({ trades: [cancelled], events: [] })).toEqual([]);
  });

  it('is empty for a run without limits', () => {
    expect(riskEventsOf({ trades: [trades[0] as SimTrade, trades[3] as SimTrade], events: [] })).toEqual([]);
  });
});
