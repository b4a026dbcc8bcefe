import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config, DEFAULT_COMMISSION, position } from '../testing/builders';
import { NO_ACTIVITY } from './DailyActivity';
import { applyFill, bookFill } from './FillBooking';
import { formatCents } from './Money';
import { evaluatePosition, PositionEvaluator } from './PositionEvaluator';

/** SPEC 2.9: k = 0.0001, r = 1.6667, band 0.25–0.75, max trade 0.5, step 1, min notional 100. */
describe('SPEC 2.9 worked examples', () => {
  const rows = [
    {
      name: 'buy below the down threshold',
      anchor: 100,
      q: 500,
      C: 50_000,
      R: 0,
      P: 96.5,
      action: 'BUY',
      qty: 61,
      notional: '5,886.50',
      commission: '0.59',
      cashAfter: '44,112.91',
      reasons: ['qty_rounded'],
    },
    {
      name: 'sell above the up threshold',
      anchor: 100,
      q: 500,
      C: 50_000,
      R: 0,
      P: 103.2,
      action: 'SELL',
      qty: 50,
      notional: '5,160.00',
      commission: '0.52',
      cashAfter: '55,159.48',
      reasons: ['qty_rounded'],
    },
    {
      name: 'hold inside the ±3 % band',
      anchor: 100,
      q: 500,
      C: 50_000,
      R: 0,
      P: 98.5,
      action: 'HOLD',
      qty: 0,
      reasons: ['no_trigger'],
    },
    {
      name: 'buy blocked above max allocation',
      anchor: 100,
      q: 700,
      C: 10_000,
      R: 0,
      P: 95,
      action: 'HOLD',
      qty: 0,
      reasons: ['band_blocked_above_max'],
    },
    {
      name: 'buy trimmed by the band',
      anchor: 100,
      q: 1_000,
      C: 40_000,
      R: 0,
      P: 90,
      action: 'BUY',
      qty: 83,
      commission: '0.75',
      cashAfter: '32,529.25',
      reasons: ['band_trim', 'qty_rounded'],
    },
    {
      name: 'buy trimmed by spendable cash (band max 0.95)',
      anchor: 100,
      q: 500,
      C: 1_000,
      R: 3_000,
      P: 96,
      maxStockPct: 0.95,
      action: 'BUY',
      qty: 10,
      commission: '0.10',
      cashAfter: '39.90',
      reasons: ['band_trim', 'cash_trim', 'qty_rounded'],
    },
  ] as const;

  it.each(rows)('$name', (row) => {
    const cfg = config('maxStockPct' in row ? { guardrails: { maxStockPct: row.maxStockPct } } : {});
    const state = position({ qty: row.q, cash: row.C, receivable: row.R, anchor: row.anchor });
    const out = evaluatePosition({
      state,
      price: row.P,
      config: cfg,
      commission: DEFAULT_COMMISSION,
      today: NO_ACTIVITY,
    });
    expect(out.action).toBe(row.action);
    expect(out.qty).toBe(row.qty);
    expect(out.reasons).toEqual(row.reasons);
    if (out.action === 'HOLD' || out.side === null) return;
    const booking = bookFill(out.side, out.qty, row.P, DEFAULT_COMMISSION);
    if ('notional' in row) expect(formatCents(booking.notionalCents)).toBe(row.notional);
    if ('commission' in row) expect(formatCents(booking.commissionCents)).toBe(row.commission);
    const after = applyFill(
      {
        ...state,
        status: 'ACTIVE',
        totalCommissionPaidCents: 0 as never,
        totalDividendsGrossCents: 0 as never,
        totalDividendsNetCents: 0 as never,
      },
      out.side,
      out.qty,
      row.P,
      booking,
    );
    if ('cashAfter' in row) expect(formatCents(after.cashCents)).toBe(row.cashAfter);
    expect(after.anchor).toBe(row.P);
  });

  it('the band-trim row sized 267.50 shares before the band cut it', () => {
    const out = evaluatePosition({
      state: position({ qty: 1000, cash: 40_000, anchor: 100 }),
      price: 90,
      config: config(),
      commission: DEFAULT_COMMISSION,
      today: NO_ACTIVITY,
    });
    expect(out.rawQty).toBeCloseTo(267.5, 1);
    expect(out.steps[0]).toMatchObject({ reason: 'band_trim', before: out.rawQty });
    expect(out.steps[0]?.after).toBeCloseTo(83.33, 2);
  });
});

describe('PositionEvaluator reused across evaluations', () => {
  it('a position written in place and `run` decide as a fresh evaluator does, evaluation after evaluation', () => {
    const cfg = config();
    const wholeStep = config({ orderPolicy: { actionBelowMin: 'reject' } });
    const evaluator = new PositionEvaluator();
    const input = fc.record({
      anchor: fc.option(
        fc.integer({ min: 100, max: 50_000 }).map((c) => c / 100),
        { nil: null },
      ),
      move: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
      qty: fc.integer({ min: 0, max: 3_000 }),
      cashCents: fc.integer({ min: 0, max: 20_000_000 }),
      receivableCents: fc.integer({ min: 0, max: 50_000 }),
      reject: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 30 }), (inputs) => {
        for (const x of inputs) {
          const price = Math.round((x.anchor ?? 50) * (1 + x.move) * 100) / 100;
          const state = position({
            anchor: x.anchor,
            qty: x.qty,
            cash: x.cashCents / 100,
            receivable: x.receivableCents / 100,
          });
          const strategy = x.reject ? wholeStep : cfg;
          const p = evaluator.position;
          p.qty = state.qty;
          p.cashCents = state.cashCents;
          p.receivableCents = state.receivableCents;
          p.anchor = state.anchor ?? NaN;
          evaluator.price = price;
          const reused = evaluator.run(strategy, DEFAULT_COMMISSION, NO_ACTIVITY).toOutcome();
          const fresh = new PositionEvaluator()
            .evaluate(state, price, strategy, DEFAULT_COMMISSION, NO_ACTIVITY)
            .toOutcome();
          expect(reused).toEqual(fresh);
        }
      }),
      { numRuns: 300 },
    );
  });
});
