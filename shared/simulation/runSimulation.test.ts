import { describe, expect, it } from 'vitest';
import type { SimulationResult, SimTrade } from './SimulationResult';
import type { SymbolHistory } from './SimulationSpec';
import { positionSpec } from './SimulationSpec';
import { prepareSimulation, replayPrepared, runSimulation } from './runSimulation';
import { bars, dividend, simSpec } from './testing/bars';

/**
 * Hand-checked scenarios (SPEC 2.9 settings: k = 0.0001, r = 1.6667, band 0.25–0.75, max trade 0.5,
 * whole shares, minimum notional 100), $10,000 of cash. The arithmetic of each expectation is written
 * out beside it.
 */
const DAYS = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09'];

function run(history: SymbolHistory[], spec = simSpec(history.map((h) => h.bars.symbol))): SimulationResult {
  const outcome = runSimulation(spec, history);
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

function brief(t: SimTrade): Partial<SimTrade> {
  return {
    decidedAt: t.decidedAt,
    filledAt: t.filledAt,
    side: t.side,
    status: t.status,
    qty: t.qty,
    price: t.price,
    notionalCents: t.notionalCents,
    commissionCents: t.commissionCents,
    cashAfterCents: t.cashAfterCents,
    qtyAfter: t.qtyAfter,
    anchorAfter: t.anchorAfter,
  };
}

const KO = (closes: number[], divs = [dividend('KO', '2024-01-08', 0.5)]): SymbolHistory => ({
  bars: bars(
    'KO',
    closes.map((c, i) => [DAYS[i] as string, c]),
  ),
  dividends: divs,
});

describe('single position, fills at the close', () => {
  const result = run([KO([100, 98.5, 96.5, 99.4, 99])]);

  it('trades exactly as computed by hand', () => {
    expect(result.trades.map(brief)).toEqual([
      // Initial allocation: 50 % of $10,000 at 100 → BUY 50; N = 5,000.00, commission 0.50; cash 10,000 − 5,000.50.
      {
        decidedAt: '2024-01-02',
        filledAt: '2024-01-02',
        side: 'BUY',
        status: 'FILLED',
        qty: 50,
        price: 100,
        notionalCents: 500_000,
        commissionCents: 50,
        cashAfterCents: 499_950,
        qtyAfter: 50,
        anchorAfter: 100,
      },
      // 96.5 ≤ 97: V = 50·96.5 + 4,999.50 = 9,824.50; ΔQ = (100/96.5 − 1)·1.6667·V/96.5 = 6.15 → 6;
      // N = 579.00, commission 0.0579 → 0.06; cash 4,999.50 − 579.06 = 4,420.44.
      {
        decidedAt: '2024-01-04',
        filledAt: '2024-01-04',
        side: 'BUY',
        status: 'FILLED',
        qty: 6,
        price: 96.5,
        notionalCents: 57_900,
        commissionCents: 6,
        cashAfterCents: 442_044,
        qtyAfter: 56,
        anchorAfter: 96.5,
      },
      // 99.4 ≥ 96.5·1.03 = 99.395: V = 56·99.4 + 4,420.44 = 9,986.84; ΔQ = (96.5/99.4 − 1)·1.6667·V/99.4 = −4.89 → SELL 4;
      // N = 397.60, commission 0.03976 → 0.04; cash 4,420.44 + 397.56 = 4,818.00.
      {
        decidedAt: '2024-01-05',
        filledAt: '2024-01-05',
        side: 'SELL',
        status: 'FILLED',
        qty: 4,
        price: 99.4,
        notionalCents: 39_760,
        commissionCents: 4,
        cashAfterCents: 481_800,
        qtyAfter: 52,
        anchorAfter: 99.4,
      },
    ]);
    expect(result.trades.map((t) => t.reasons)).toEqual([['anchor_unset'], ['qty_rounded'], ['qty_rounded']]);
  });

  it('accrues and pays the dividend on the ex-date and lowers the anchor', () => {
    // Ex-date 2024-01-08 on the 52 shares held at the previous close: 52 × 0.50 = 26.00, paid the same day.
    const dividends = result.events.filter(
      (e) => e.type.startsWith('Dividend') || e.type === 'AnchorAdjusted',
    );
    expect(dividends.map((e) => [e.type, e.at, e.qty, e.amountCents, e.anchorBefore, e.anchorAfter])).toEqual(
      [
        ['DividendAccrued', '2024-01-08', 52, 2600, null, null],
        ['AnchorAdjusted', '2024-01-08', null, null, 99.4, 98.9],
        ['DividendPaid', '2024-01-08', 52, 2600, null, null],
      ],
    );
    expect(result.positions[0]?.final).toEqual({
      qty: 52,
      cashCents: 484_400,
      receivableCents: 0,
      anchor: 98.9,
      equityCents: 999_200,
    });
  });

  it('marks equity every day as cash + shares × close', () => {
    expect(result.equity.dates).toEqual(DAYS.slice(0, 5));
    // 50·100 + 4,999.50; 50·98.5 + 4,999.50; 56·96.5 + 4,420.44; 52·99.4 + 4,818.00; 52·99 + 4,844.00.
    expect(result.equity.equityCents).toEqual([999_950, 992_450, 982_444, 998_680, 999_200]);
    expect(result.equity.cashCents).toEqual([499_950, 499_950, 442_044, 481_800, 484_400]);
  });

  it('runs buy-and-hold beside it: whole shares at the first close, dividends as cash', () => {
    // 10,000 / (100 · 1.0001) → 99 shares; N = 9,900, commission 0.99; cash 99.01; dividend 99 × 0.50 = 49.50.
    expect(result.positions[0]?.buyAndHold).toEqual({
      qty: 99,
      cashCents: 14_851,
      commissionsCents: 99,
      dividendsNetCents: 4950,
      boughtAt: '2024-01-02',
      price: 100,
    });
    // Equity: 99.01 + 99 × close (+ 49.50 from the ex-date).
    expect(result.equity.buyHoldEquityCents).toEqual([999_901, 985_051, 965_251, 993_961, 994_951]);
  });

  it('records every bar in the compact timeline', () => {
    const t = result.timeline[0];
    expect(t?.action.map((a) => t.actions[a])).toEqual(['BUY', 'HOLD', 'BUY', 'SELL', 'HOLD']);
    expect(t?.anchor).toEqual([null, 100, 100, 96.5, 98.9]);
    expect(t?.reasons.map((r) => t.reasonSets[r])).toEqual([
      ['anchor_unset'],
      ['no_trigger'],
      ['qty_rounded'],
      ['qty_rounded'],
      ['no_trigger'],
    ]);
  });

  it('counts trades and commissions consistently with the trade list', () => {
    expect(result.metrics.strategy.tradeCount).toBe(3);
    expect(result.metrics.strategy.commissionsCents).toBe(60);
    expect(result.metrics.strategy.dividendsCents).toBe(2600);
  });
});

describe('fill models, slippage and volume cap', () => {
  it('next_open fills at the next bar open (a half-cent commission rounds to even) and cancels on the last bar', () => {
    const history: SymbolHistory = {
      bars: bars('KO', [
        { at: '2024-01-02', close: 100 },
        { at: '2024-01-03', open: 101, close: 100 },
        { at: '2024-01-04', open: 99, close: 97.9 },
      ]),
      dividends: [],
    };
    const result = run([history], simSpec(['KO'], { execution: { fill: 'next_open' } }));
    expect(result.trades.map(brief)).toEqual([
      // Decided on the 2nd at 100 (BUY 50), filled at the 3rd's open 101: N = 5,050, commission 0.505 → 0.50 (half-even).
      {
        decidedAt: '2024-01-02',
        filledAt: '2024-01-03',
        side: 'BUY',
        status: 'FILLED',
        qty: 50,
        price: 101,
        notionalCents: 505_000,
        commissionCents: 50,
        cashAfterCents: 494_950,
        qtyAfter: 50,
        anchorAfter: 101,
      },
      // 97.9 ≤ 101·0.97 = 97.97 → BUY 5 decided on the last bar, which has no next open: cancelled.
      {
        decidedAt: '2024-01-04',
        filledAt: null,
        side: 'BUY',
        status: 'CANCELLED',
        qty: 0,
        price: null,
        notionalCents: 0,
        commissionCents: 0,
        cashAfterCents: 494_950,
        qtyAfter: 50,
        anchorAfter: 101,
      },
    ]);
    expect([result.trades[1]?.requestedQty, result.trades[1]?.cancelledQty, result.trades[1]?.note]).toEqual([
      5,
      5,
      'end_of_data',
    ]);
  });

  it('slippage moves buys up and sells down, and the moved price is the exact fill price', () => {
    const result = run([KO([100, 106], [])], simSpec(['KO'], { execution: { slippageBps: 10 } }));
    // BUY 50 at 100 × 1.001 = 100.1: N = 5,005.00, commission 0.5005 → 0.50.
    // SELL: V = 50·106 + 4,994.50 = 10,294.50; ΔQ = (100.1/106 − 1)·1.6667·V/106 = −9.02 → 9 at 106 × 0.999 = 105.894.
    expect(result.trades.map((t) => [t.side, t.qty, t.price, t.notionalCents, t.commissionCents])).toEqual([
      ['BUY', 50, 100.1, 500_500, 50],
      ['SELL', 9, 105.894, 95_305, 10],
    ]);
    expect(result.trades[1]?.anchorAfter).toBe(105.894);
  });

  it('caps a fill at a fraction of the bar volume and cancels the rest', () => {
    const history: SymbolHistory = {
      bars: bars('KO', [{ at: '2024-01-02', close: 100, volume: 300 }]),
      dividends: [],
    };
    const result = run([history], simSpec(['KO'], { execution: { volumeCap: 0.1 } }));
    expect(result.trades.map((t) => [t.status, t.requestedQty, t.qty, t.cancelledQty, t.note])).toEqual([
      ['FILLED', 50, 30, 20, 'volume_cap'],
    ]);
    expect(result.events.map((e) => e.type)).toEqual(['OrderFilled', 'AnchorUpdated', 'OrderCancelled']);
  });

  it('never spends cash it does not have when the next open is dearer than the close', () => {
    const history: SymbolHistory = {
      bars: bars('KO', [
        { at: '2024-01-02', close: 100 },
        { at: '2024-01-03', open: 250, close: 250 },
      ]),
      dividends: [],
    };
    const spec = simSpec(['KO'], {
      execution: { fill: 'next_open' },
      config: { execution: { initialStockPct: 1 }, guardrails: { maxStockPct: 1, maxTradePctOfPosition: 1 } },
    });
    const result = run([history], spec);
    // Sized at 100 (99 shares), filled at 250: 10,000 / (250 · 1.0001) → 39 shares.
    expect(result.trades.map((t) => [t.status, t.requestedQty, t.qty, t.note])).toEqual([
      ['FILLED', 99, 39, 'insufficient_cash'],
    ]);
    expect(result.positions[0]?.final.cashCents).toBeGreaterThanOrEqual(0);
  });
});

describe('rules outcomes the engine must record', () => {
  it('records a rejected order (action_below_min = reject) without booking it', () => {
    const spec = simSpec(['KO'], {
      config: { orderPolicy: { minNotional: 1000, actionBelowMin: 'reject' } },
    });
    const result = run([KO([100, 96.5], [])], spec);
    // The BUY 6 at 96.5 (579.00) is below the 1,000 minimum.
    expect(
      result.trades.map((t) => [t.status, t.side, t.requestedQty, t.qty, t.notionalCents, t.cashAfterCents]),
    ).toEqual([
      ['FILLED', 'BUY', 50, 50, 500_000, 499_950],
      ['REJECTED', 'BUY', 6, 0, 0, 499_950],
    ]);
    expect(result.trades[1]?.reasons).toEqual(['qty_rounded', 'below_min']);
    expect(result.timeline[0]?.action).toEqual([1, 3]);
    expect(result.metrics.strategy.tradeCount).toBe(1);
  });

  it('sets the anchor without a trade when the initial allocation is below the minimum', () => {
    const spec = simSpec(['KO'], { cash: 10_000, config: { orderPolicy: { minNotional: 100 } } });
    // $100 of cash: half is $50, below the $100 minimum → HOLD below_min, anchor = 100.
    const result = run([KO([100, 98], [])], spec);
    expect(result.trades).toEqual([]);
    expect(result.events.map((e) => [e.type, e.anchorAfter])).toEqual([['AnchorUpdated', 100]]);
    expect(result.timeline[0]?.anchor).toEqual([null, 100]);
  });

  it('applies a dividend whose ex-date is not a bar date on the next bar', () => {
    // Ex-date Saturday 2024-01-06: applied on Monday the 8th, on the shares held at Friday's close.
    const result = run([KO([100, 100, 100, 100, 100], [dividend('KO', '2024-01-06', 0.25)])]);
    const accrued = result.events.find((e) => e.type === 'DividendAccrued');
    expect([accrued?.at, accrued?.qty, accrued?.amountCents]).toEqual(['2024-01-08', 50, 1250]);
  });

  it('pays on a later pay date from the receivable', () => {
    const result = run([
      KO([100, 100, 100, 100, 100, 100], [dividend('KO', '2024-01-03', 0.25, '2024-01-08')]),
    ]);
    const at = (d: string): number => result.equity.dates.indexOf(d);
    expect(result.equity.receivableCents[at('2024-01-03')]).toBe(1250);
    expect(result.equity.receivableCents[at('2024-01-08')]).toBe(0);
    expect(result.equity.cashCents[at('2024-01-08')]! - result.equity.cashCents[at('2024-01-05')]!).toBe(
      1250,
    );
  });
});

describe('portfolio of several positions', () => {
  it('aligns on the union of dates, each position with its own cash; equity is the sum', () => {
    const a: SymbolHistory = {
      bars: bars('AAA', [
        ['2024-01-02', 10],
        ['2024-01-03', 10],
        ['2024-01-05', 10],
      ]),
      dividends: [],
    };
    const b: SymbolHistory = {
      bars: bars('BBB', [
        ['2024-01-03', 20],
        ['2024-01-04', 20],
        ['2024-01-05', 20],
      ]),
      dividends: [],
    };
    const spec = simSpec([positionSpec('AAA', 100_000), positionSpec('BBB', 200_000)]);
    const result = run([a, b], spec);
    expect(result.equity.dates).toEqual(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    expect(result.timeline.map((t) => t.at)).toEqual([
      ['2024-01-02', '2024-01-03', '2024-01-05'],
      ['2024-01-03', '2024-01-04', '2024-01-05'],
    ]);
    // AAA: BUY 50 @ 10 (commission 0.05) → 999.95 + 500 = 1,499.95... in cents: 100,000 − 5 = 99,995.
    // BBB: before its first bar it is its cash; then BUY 50 @ 20 (commission 0.10) → 199,990.
    expect(result.equity.equityCents).toEqual([
      99_995 + 200_000,
      99_995 + 199_990,
      99_995 + 199_990,
      99_995 + 199_990,
    ]);
    expect(result.positions.map((p) => p.daily.close)).toEqual([
      [10, 10, 10, 10],
      [null, 20, 20, 20],
    ]);
    expect(result.trades.map((t) => [t.symbol, t.decidedAt])).toEqual([
      ['AAA', '2024-01-02'],
      ['BBB', '2024-01-03'],
    ]);
  });
});

describe('intraday bars', () => {
  it('evaluates every bar, resets the daily order limit per session, and marks equity once a day', () => {
    const rows = [
      { at: '2024-01-02T14:30:00Z', session: '2024-01-02', close: 100 },
      { at: '2024-01-02T14:35:00Z', session: '2024-01-02', close: 96 },
      { at: '2024-01-02T14:40:00Z', session: '2024-01-02', close: 92 },
      { at: '2024-01-03T14:30:00Z', session: '2024-01-03', close: 88 },
    ];
    const spec = simSpec(['KO'], { interval: '5m', config: { guardrails: { maxOrdersPerDay: 2 } } });
    const result = run([{ bars: bars('KO', rows, '5m'), dividends: [] }], spec);
    const t = result.timeline[0];
    // Two orders on the 2nd (initial, then 96); the third bar is blocked by the daily limit; the 3rd is a new day.
    expect(t?.action.map((a) => t.actions[a])).toEqual(['BUY', 'BUY', 'HOLD', 'BUY']);
    expect(t?.reasons.map((r) => t.reasonSets[r])[2]).toEqual(['max_orders_per_day']);
    expect(result.equity.dates).toEqual(['2024-01-02', '2024-01-03']);
    expect(result.trades[0]?.decidedAt).toBe('2024-01-02T14:30:00.000Z');
  });
});

describe('bad input gives a clear failure and no result', () => {
  const history = [KO([100, 98])];
  it.each([
    {
      name: 'a date range with no data',
      spec: simSpec(['KO'], { from: '2020-01-01', to: '2020-12-31' }),
      code: 'NO_DATA',
    },
    {
      name: 'a reversed range',
      spec: simSpec(['KO'], { from: '2024-12-31', to: '2024-01-01' }),
      code: 'INVALID_SPEC',
    },
    { name: 'a symbol without bars', spec: simSpec(['PEP']), code: 'MISSING_HISTORY' },
    { name: 'negative cash', spec: simSpec([positionSpec('KO', -5)]), code: 'INVALID_SPEC' },
    {
      name: 'a threshold of 300 %',
      spec: simSpec(['KO'], { config: { trigger: { downThreshold: 3 } } }),
      code: 'INVALID_SPEC',
    },
    {
      name: 'a band with min above max',
      spec: simSpec(['KO'], { config: { guardrails: { minStockPct: 0.8, maxStockPct: 0.2 } } }),
      code: 'INVALID_SPEC',
    },
    {
      name: 'slippage of 50 %',
      spec: simSpec(['KO'], { execution: { slippageBps: 5000 } }),
      code: 'INVALID_SPEC',
    },
    {
      name: 'a volume cap above 1',
      spec: simSpec(['KO'], { execution: { volumeCap: 2 } }),
      code: 'INVALID_SPEC',
    },
  ])('refuses $name', ({ spec, code }) => {
    const outcome = runSimulation(spec, history);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.code).toBe(code);
      expect(outcome.message).not.toBe('');
    }
  });
});

/** n consecutive calendar days from 2000-01-03 (the engine needs ascending dates, not a trading calendar). */
function longHistory(n: number): SymbolHistory {
  const start = Date.UTC(2000, 0, 3);
  const rows = Array.from(
    { length: n },
    (_, i) =>
      [new Date(start + i * 86_400_000).toISOString().slice(0, 10), 100 + (i % 10)] as [string, number],
  );
  return { bars: bars('KO', rows), dividends: [] };
}

describe('progress and cancel', () => {
  it('reports progress about every 1 % of the steps, ending at the total', () => {
    const history = [longHistory(3000)];
    const seen: number[] = [];
    const out = runSimulation(simSpec(['KO']), history, { onProgress: (done) => seen.push(done) });
    expect(out.ok).toBe(true);
    // 3 000 steps → every max(256, 30) = 256 steps, plus the final report.
    expect(seen).toEqual([...Array.from({ length: 11 }, (_, i) => (i + 1) * 256), 3000]);
  });

  it('stops with CANCELLED when the signal is aborted', () => {
    const history = [longHistory(3000)];
    const controller = new AbortController();
    const out = runSimulation(simSpec(['KO']), history, {
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    expect(out).toMatchObject({ ok: false, code: 'CANCELLED' });
  });

  it("reports and cancels the same way in a run that keeps no rows (a sweep's replay)", () => {
    const history = [longHistory(3000)];
    const prepared = prepareSimulation(simSpec(['KO']), history);
    if (!prepared.ok) throw new Error(prepared.message);
    const seen: number[] = [];
    const done = replayPrepared(prepared.plan, prepared.plan.spec.config, {
      onProgress: (steps) => seen.push(steps),
    });
    expect(done.ok).toBe(true);
    expect(seen).toEqual([...Array.from({ length: 11 }, (_, i) => (i + 1) * 256), 3000]);
    const signal = { aborted: false };
    const cancelled = replayPrepared(prepared.plan, prepared.plan.spec.config, {
      signal,
      onProgress: (steps) => {
        if (steps >= 512) signal.aborted = true;
      },
    });
    expect(cancelled).toMatchObject({ ok: false, code: 'CANCELLED' });
  });
});
