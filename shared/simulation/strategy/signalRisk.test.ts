import { describe, expect, it } from 'vitest';
import type { MatchingModel } from '../../domain/orders/MatchingRules';
import type { RiskConfig } from '../../domain/risk/RiskConfig';
import type { SymbolHistory } from '../SimulationSpec';
import { bars, simSpec } from '../testing/bars';
import { scripted } from '../testing/scripted';
import type { LabResult } from './runStrategy';
import { runStrategy } from './runStrategy';
import { sizerChoice } from './Sizers';
import type { SignalAction } from './Strategy';

/**
 * SPEC 9 on a signal strategy (SPEC 10: "the other strategies obey the risk manager and validator of
 * section 9 when set"): the same stops and validator as volatility balancing's simulation and the live
 * loop (SimulatedRisk → shared/domain/risk), with the exits and rejections in the result. Hand-worked:
 * 50 shares bought at the first close, no commission, fills at the close unless said otherwise.
 */
const DAYS = [
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
  '2024-01-08',
  '2024-01-09',
  '2024-01-10',
];

/** BUY/SELL at given bars (`bar` or `SYMBOL:bar`). */
const says = (script: Record<string, SignalAction>) =>
  scripted(Object.fromEntries(Object.entries(script).map(([k, action]) => [k, { action }])));

function run(
  closes: number[],
  script: Record<number, SignalAction>,
  risk: Partial<RiskConfig> | undefined,
  matching: Partial<MatchingModel> = {},
): LabResult {
  const history: SymbolHistory = {
    bars: bars(
      'X',
      closes.map((c, i) => [DAYS[i] as string, c]),
    ),
    dividends: [],
  };
  const spec = simSpec(['X'], { cash: 10_000_000, config: risk === undefined ? undefined : { risk } });
  spec.commission = { rate: 0, minimumCents: 0, scope: 'GLOBAL' };
  const out = runStrategy(spec, [history], says(script), {
    sizer: sizerChoice('fixed', [50]),
    matching: { fill: 'close', slippageBps: 0, maxVolumePct: null, ...matching },
  });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

/** Two symbols, each with its script (`SYMBOL:bar`). */
function runTwo(
  closes: Record<'X' | 'Y', number[]>,
  script: Record<string, SignalAction>,
  risk: Partial<RiskConfig>,
): LabResult {
  const history = (['X', 'Y'] as const).map((sym): SymbolHistory => ({
    bars: bars(
      sym,
      closes[sym].map((c, i) => [DAYS[i] as string, c]),
    ),
    dividends: [],
  }));
  const spec = simSpec(['X', 'Y'], { cash: 10_000_000, config: { risk } });
  spec.commission = { rate: 0, minimumCents: 0, scope: 'GLOBAL' };
  const out = runStrategy(spec, history, says(script), {
    sizer: sizerChoice('fixed', [50]),
    matching: { fill: 'close', slippageBps: 0, maxVolumePct: null },
  });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

const trades = (r: LabResult): [string, string, string, number, number | null, string[]][] =>
  r.simulation.trades.map((t) => [t.decidedAt.slice(5), t.side, t.status, t.qty, t.price, t.reasons]);

describe('risk manager and order validator on a signal strategy', () => {
  it('without risk settings nothing changes', () => {
    const closes = [100, 105, 110, 104, 101, 98, 90];
    const plain = run(closes, { 0: 'BUY', 6: 'SELL' }, undefined);
    const off = run(closes, { 0: 'BUY', 6: 'SELL' }, {});
    expect(off.simulation.trades).toEqual(plain.simulation.trades);
    expect(off.simulation.equity.equityCents).toEqual(plain.simulation.equity.equityCents);
    expect(off.orderEvents).toEqual(plain.orderEvents);
  });

  it('a trailing stop sells everything at the close that touches it, and the position trades no more', () => {
    // Bought 50 @ 100; highest close 110; 10 % trail → stop at 99: the close of 98 (01-09) fires it.
    // The BUY signal of 01-10 is dropped: a position a stop has exited is paused.
    const r = run([100, 105, 110, 104, 101, 98, 90], { 0: 'BUY', 6: 'BUY' }, { trailingStopPct: 0.1 });
    expect(trades(r)).toEqual([
      ['01-02', 'BUY', 'FILLED', 50, 100, []],
      ['01-09', 'SELL', 'FILLED', 50, 98, ['trailing_stop']],
    ]);
    expect(r.orderEvents.filter((e) => e.orderId === 2).map((e) => `${e.at} ${e.to} ${e.detail}`)).toEqual([
      '2024-01-09 NEW MARKET DAY',
      '2024-01-09 ACKED ',
      '2024-01-09 FILLED ',
    ]);
    expect(r.simulation.positions[0]?.final.qty).toBe(0);
    expect(r.roundTrips).toHaveLength(1);
  });

  it('a position stop fires at the average cost × (1 − stop); with next-open fills the exit fills at the next open', () => {
    // Average cost 100 (no commission); 5 % stop → 95: the close of 94 (01-05) fires it, filled 01-08.
    const r = run(
      [100, 99, 97.5, 94, 93, 92, 91],
      { 0: 'BUY' },
      { positionStopPct: 0.05 },
      { fill: 'next_open' },
    );
    expect(trades(r)).toEqual([
      ['01-02', 'BUY', 'FILLED', 50, 99, []],
      ['01-05', 'SELL', 'FILLED', 50, 93, ['position_stop']],
    ]);
    expect(r.simulation.trades[1]?.filledAt).toBe('2024-01-08');
  });

  it('a strategy sell before the stop leaves nothing to exit', () => {
    const r = run([100, 105, 110, 104, 101, 98, 90], { 0: 'BUY', 3: 'SELL' }, { trailingStopPct: 0.1 });
    expect(trades(r).map((t) => t[5])).toEqual([[], []]);
  });

  it('the validator rejects an order past a limit, with its code, as a REJECTED order of the run', () => {
    // The sizer asks for 50 shares; the limit is 40.
    const r = run([100, 100, 100], { 0: 'BUY' }, { maxPositionQty: 40 });
    expect(trades(r)).toEqual([['01-02', 'BUY', 'REJECTED', 0, null, ['POSITION_SIZE_LIMIT']]]);
    expect(r.orderEvents.map((e) => `${e.to} ${e.detail}`)).toEqual([
      'NEW MARKET DAY',
      'REJECTED POSITION_SIZE_LIMIT',
    ]);
    expect(r.simulation.events.filter((e) => e.type === 'OrderRejected').map((e) => e.detail)).toEqual([
      'POSITION_SIZE_LIMIT',
    ]);
    expect(r.simulation.positions[0]?.totals.rejected).toBe(1);
    expect(r.simulation.positions[0]?.final.qty).toBe(0);
  });

  it('the circuit breaker (portfolio drawdown) halts the run: no order after it, the halt in the log', () => {
    // $100,000; 50 bought @ 100; the close of 40 (01-04) puts the equity at $97,000, 3 % under its peak:
    // a 2 % breaker halts, and the SELL signal of 01-05 is not acted on.
    const closes = [100, 100, 40, 45, 50];
    const halted = run(closes, { 0: 'BUY', 3: 'SELL' }, { maxDrawdownPct: 0.02 });
    expect(trades(halted)).toEqual([['01-02', 'BUY', 'FILLED', 50, 100, []]]);
    expect(
      halted.simulation.events.filter((e) => e.type === 'TradingHalted').map((e) => [e.at, e.detail]),
    ).toEqual([['2024-01-04', 'max_drawdown']]);
    expect(halted.simulation.positions[0]?.final.qty).toBe(50);
    expect(trades(run(closes, { 0: 'BUY', 3: 'SELL' }, undefined))).toHaveLength(2);
  });

  it('the daily loss stop: no new buy for the rest of the session, buys again the next one', () => {
    // Two positions of $100,000. X: 50 bought @ 100, closes at 50 on 01-04: the portfolio is 1.25 % under
    // the previous close, past a 1 % daily loss stop, so Y's BUY of 01-04 is dropped; Y's BUY of 01-05 acts.
    const r = runTwo(
      { X: [100, 100, 50, 50], Y: [10, 10, 10, 10] },
      { 'X:0': 'BUY', 'Y:2': 'BUY', 'Y:3': 'BUY' },
      { dailyLossLimitPct: 0.01 },
    );
    expect(r.simulation.trades.map((t) => [t.symbol, t.decidedAt.slice(5), t.side, t.qty])).toEqual([
      ['X', '01-02', 'BUY', 50],
      ['Y', '01-05', 'BUY', 50],
    ]);
    expect(
      r.simulation.events.filter((e) => e.type === 'TradingHalted').map((e) => [e.at, e.detail]),
    ).toEqual([['2024-01-04', 'daily_loss_stop']]);
  });

  it('within the limit the order goes through', () => {
    const r = run([100, 100, 100], { 0: 'BUY' }, { maxPositionQty: 50 });
    expect(trades(r)).toEqual([['01-02', 'BUY', 'FILLED', 50, 100, []]]);
  });
});
