import { beforeAll, describe, expect, it } from 'vitest';
import { BundledBarSource } from '../../main/adapters/data/BundledBarSource';
import { cents } from '../domain/Money';
import type { PositionLedger } from '../domain/Position';
import { stepPosition } from './SimulatedPosition';
import type { SimulationResult } from './SimulationResult';
import type { SimulationSpec, SymbolHistory } from './SimulationSpec';
import { positionSpec } from './SimulationSpec';
import { prepareSimulation, replayPrepared, runSimulation } from './runSimulation';
import { simSpec } from './testing/bars';
import { productCents } from '../domain/Money';

/** The engine on the bundled real data: invariants every day, every trade, and determinism. */
const source = new BundledBarSource();
const SYMBOLS = ['KO', 'AAPL', 'GE', 'T', 'INTC'] as const;
const history = new Map<string, SymbolHistory>();

beforeAll(async () => {
  for (const symbol of SYMBOLS) {
    const bars = await source.getBars(symbol, '1999-01-01', '2030-01-01', '1d');
    const dividends = await source.getDividends(symbol, '1999-01-01', '2030-01-01');
    if (!bars.ok || !dividends.ok) throw new Error(`cannot load ${symbol}`);
    history.set(symbol, { bars: bars.bars, dividends: dividends.dividends });
  }
});

function run(spec: SimulationSpec, prefilter = true): SimulationResult {
  const outcome = runSimulation(
    spec,
    spec.positions.map((p) => history.get(p.symbol) as SymbolHistory),
    { prefilter },
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

function checkInvariants(result: SimulationResult): void {
  const problems: string[] = [];
  for (const p of result.positions) {
    const d = p.daily;
    result.equity.dates.forEach((date, t) => {
      const close = d.close[t];
      const qty = d.qty[t] as number;
      const cash = d.cashCents[t] as number;
      const receivable = d.receivableCents[t] as number;
      if (qty < 0 || cash < 0 || receivable < 0)
        problems.push(`${p.symbol} ${date}: qty ${qty}, cash ${cash}, receivable ${receivable}`);
      if (
        close !== null &&
        close !== undefined &&
        d.equityCents[t] !== cash + receivable + productCents(qty, close)
      ) {
        problems.push(`${p.symbol} ${date}: equity ${d.equityCents[t]} ≠ cash + receivable + qty × close`);
      }
    });
    const trades = result.trades.filter((t) => t.symbol === p.symbol);
    const filled = trades.filter((t) => t.status === 'FILLED');
    expect(p.totals.trades).toBe(filled.length);
    expect(p.totals.commissionsCents).toBe(filled.reduce((s, t) => s + t.commissionCents, 0));
    expect(p.totals.notionalCents).toBe(filled.reduce((s, t) => s + t.notionalCents, 0));
    // Cash moves only by fills and dividend payments: replaying them from the start gives the final cash.
    const spec = result.inputs.positions.find((x) => x.symbol === p.symbol);
    const bySign = filled.reduce(
      (s, t) => s + (t.side === 'BUY' ? -1 : 1) * t.notionalCents - t.commissionCents,
      0,
    );
    expect(p.final.cashCents).toBe((spec?.initialCashCents ?? 0) + bySign + p.totals.dividendsNetCents);
    for (const t of filled) {
      if (t.cashAfterCents < 0 || t.qtyAfter < 0)
        problems.push(`trade ${t.seq}: cash ${t.cashAfterCents}, qty ${t.qtyAfter}`);
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
  const filledAll = result.trades.filter((t) => t.status === 'FILLED');
  expect(result.metrics.strategy.tradeCount).toBe(filledAll.length);
  expect(result.metrics.strategy.commissionsCents).toBe(filledAll.reduce((s, t) => s + t.commissionCents, 0));
  // Portfolio equity is the sum of the positions'.
  result.equity.equityCents.forEach((e, t) => {
    expect(e).toBe(result.positions.reduce((s, p) => s + (p.daily.equityCents[t] as number), 0));
  });
}

describe('real data (bundled dataset)', () => {
  it.each(SYMBOLS)(
    '%s over 26 years: no negative cash or shares, equity = cash + shares × close every day',
    (symbol) => {
      const result = run(simSpec([symbol], { cash: 10_000_000 }));
      expect(result.inputs.sessions).toBe(6642);
      expect(result.metrics.strategy.tradeCount).toBeGreaterThan(50);
      checkInvariants(result);
    },
  );

  it('keeps the invariants with next-open fills, slippage and a volume cap', () => {
    const result = run(
      simSpec(['KO', 'INTC'], {
        cash: 50_000_000,
        execution: { fill: 'next_open', slippageBps: 5, volumeCap: 0.0001 },
      }),
    );
    expect(result.trades.some((t) => t.note === 'volume_cap')).toBe(true);
    checkInvariants(result);
  });

  it('runs a portfolio of several symbols whose equity is the sum of its positions', () => {
    const spec = simSpec(
      [positionSpec('KO', 5_000_000), positionSpec('AAPL', 5_000_000), positionSpec('T', 5_000_000)],
      {
        from: '2005-01-01',
        to: '2015-12-31',
      },
    );
    checkInvariants(run(spec));
  });

  it('is deterministic: the same inputs give byte-identical JSON', () => {
    const spec = simSpec(['KO', 'GE'], { cash: 2_000_000 });
    expect(JSON.stringify(run(spec))).toBe(JSON.stringify(run(spec)));
  });

  it.each([
    ['close fills', {}],
    ['next-open fills, slippage and a volume cap', { fill: 'next_open', slippageBps: 5, volumeCap: 0.0001 }],
  ] as const)(
    "the lone replay of sweeps (%s) gives the full run's daily equity and totals to the cent",
    (_, execution) => {
      for (const symbol of SYMBOLS) {
        const spec = simSpec([symbol], { cash: 10_000_000, execution });
        const full = run(spec);
        const plan = prepareSimulation(spec, [history.get(symbol) as SymbolHistory]);
        if (!plan.ok) throw new Error(plan.message);
        const reused = new Float64Array(full.inputs.sessions).fill(-1);
        for (const into of [undefined, reused]) {
          const lone = replayPrepared(plan.plan, spec.config, { dailyEquityInto: into });
          if (!lone.ok) throw new Error(lone.message);
          expect(Array.from(lone.dailyEquityCents)).toEqual(full.equity.equityCents);
          expect(lone.totals).toEqual(full.positions[0]?.totals);
        }
      }
    },
  );

  it.each([
    ['a portfolio', ['AAPL', 'T']],
    ['one position (its own loop)', ['INTC']],
  ])(
    'the HOLD pre-check changes nothing in %s: every bar through evaluatePosition gives the same result',
    (_, symbols) => {
      const spec = simSpec(symbols, { cash: 2_000_000, execution: { fill: 'next_open' } });
      expect(JSON.stringify(run(spec, false))).toBe(JSON.stringify(run(spec, true)));
    },
  );

  it('one position alone runs as it does inside a portfolio: the same days, timeline, trades and buy-and-hold', () => {
    const options = { cash: 3_000_000, from: '2005-01-01', to: '2012-12-31' };
    const alone = run(simSpec(['KO'], options));
    // AAPL has the same sessions as KO, so KO's steps in the portfolio are its own bars.
    const inPortfolio = run(simSpec(['KO', 'AAPL'], options));
    expect(alone.positions[0]).toEqual(inPortfolio.positions[0]);
    expect(alone.timeline[0]).toEqual(inPortfolio.timeline[0]);
    const withoutSeq = (r: SimulationResult): unknown[] =>
      r.trades.filter((t) => t.symbol === 'KO').map(({ seq: _, ...t }) => t);
    expect(withoutSeq(alone)).toEqual(withoutSeq(inPortfolio));
  });

  it('conforms to stepPosition fed the same closes one by one (the decision and booking the live loop makes)', () => {
    const ko = history.get('KO') as SymbolHistory;
    const noDividends = new Map([['KO', { bars: ko.bars, dividends: [] }]]);
    const spec = simSpec(['KO'], { cash: 10_000_000 });
    const outcome = runSimulation(spec, [noDividends.get('KO') as SymbolHistory]);
    if (!outcome.ok) throw new Error(outcome.message);
    let ledger: PositionLedger = {
      qty: 0,
      cashCents: cents(10_000_000),
      receivableCents: cents(0),
      anchor: null,
      status: 'ACTIVE',
      totalCommissionPaidCents: cents(0),
      totalDividendsGrossCents: cents(0),
      totalDividendsNetCents: cents(0),
    };
    const fills: [string, string, number, number, number][] = [];
    for (let i = 0; i < ko.bars.close.length; i++) {
      const price = ko.bars.close[i] as number;
      const step = stepPosition(ledger, price, {
        config: spec.config,
        commission: spec.commission,
        today: { ordersToday: 0, notionalTodayCents: 0 },
      });
      ledger = step.ledger;
      if (step.fill)
        fills.push([ko.bars.session[i] as string, step.fill.side, step.fill.qty, price, ledger.cashCents]);
    }
    const engine = outcome.result.trades.map((t) => [t.filledAt, t.side, t.qty, t.price, t.cashAfterCents]);
    expect(engine).toEqual(fills);
    expect(outcome.result.positions[0]?.final.anchor).toBe(ledger.anchor);
  });
});
