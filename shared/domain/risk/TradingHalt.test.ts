import { describe, expect, it } from 'vitest';
import { checkPortfolio } from './RiskRules';
import {
  equityReferences,
  haltStateOf,
  tradingAllowed,
  type EquityClose,
  type HaltFact,
  type ResumeFact,
} from './TradingHalt';

const halt = (reason: HaltFact['reason'], session: string, ts = 0): HaltFact => ({
  kind: 'TradingHalted',
  ts,
  reason,
  scope: reason === 'max_drawdown' ? 'all' : 'buys',
  session,
  equityCents: 0,
  referenceCents: 0,
  limitPct: 0.1,
});
const resume = (session: string, equityCents: number | null, ts = 0): ResumeFact => ({
  kind: 'TradingResumed',
  ts,
  session,
  equityCents,
});

describe('haltStateOf (SPEC 9: halt until resumed; the daily loss stop for its session)', () => {
  it.each([
    ['nothing happened', [], 'all'],
    ['circuit breaker', [halt('max_drawdown', '2024-06-03')], 'none'],
    ['circuit breaker, days later', [halt('max_drawdown', '2024-05-01')], 'none'],
    ['circuit breaker then resume', [halt('max_drawdown', '2024-06-03'), resume('2024-06-03', 1)], 'all'],
    ['resume then a new halt', [resume('2024-06-01', 1), halt('max_drawdown', '2024-06-03')], 'none'],
    ['daily loss stop today', [halt('daily_loss_stop', '2024-06-03')], 'sells'],
    ['daily loss stop yesterday: lapsed', [halt('daily_loss_stop', '2024-05-31')], 'all'],
    [
      'resume does not lift the daily loss stop',
      [halt('daily_loss_stop', '2024-06-03'), resume('2024-06-03', 1)],
      'sells',
    ],
    [
      'both today: the halt wins',
      [halt('daily_loss_stop', '2024-06-03'), halt('max_drawdown', '2024-06-03')],
      'none',
    ],
  ] as const)('%s → %s', (_name, facts, allowed) => {
    expect(tradingAllowed(haltStateOf(facts, '2024-06-03'))).toBe(allowed);
  });
});

describe('equityReferences (previous close and peak from the equity history, flows added back)', () => {
  const closes: EquityClose[] = [
    { date: '2024-05-29', equityCents: 100_000_00, flowsCents: 100_000_00 },
    { date: '2024-05-30', equityCents: 110_000_00, flowsCents: 100_000_00 },
    { date: '2024-05-31', equityCents: 104_500_00, flowsCents: 100_000_00 },
    { date: '2024-06-03', equityCents: 90_000_00, flowsCents: 100_000_00 }, // today: not a reference yet
  ];

  it('no flows: previous close = the last close before today, peak = the highest of them', () => {
    expect(equityReferences(closes, '2024-06-03', 100_000_00, null)).toEqual({
      previousCloseCents: 104_500_00,
      peakCents: 110_000_00,
    });
  });

  it('a $10,000 withdrawal since is not a loss: every reference drops by it', () => {
    expect(equityReferences(closes, '2024-06-03', 90_000_00, null)).toEqual({
      previousCloseCents: 94_500_00,
      peakCents: 100_000_00,
    });
  });

  it('after a resume the peak starts again from the equity at the resume', () => {
    expect(equityReferences(closes, '2024-06-03', 100_000_00, resume('2024-05-31', 99_000_00))).toEqual({
      previousCloseCents: 104_500_00,
      peakCents: 104_500_00, // the resume's session close (104,500) is above the resume's 99,000
    });
    expect(equityReferences(closes, '2024-06-03', 100_000_00, resume('2024-06-03', 95_000_00))).toEqual({
      previousCloseCents: 104_500_00,
      peakCents: 95_000_00,
    });
  });

  it('no close yet: both unknown, the rules stay quiet', () => {
    const refs = equityReferences([], '2024-06-03', 0, null);
    expect(refs).toEqual({ previousCloseCents: null, peakCents: null });
    expect(
      checkPortfolio(
        { equity: 1, previousCloseEquity: refs.previousCloseCents, peakEquity: refs.peakCents },
        { dailyLossLimitPct: 0.01, maxDrawdownPct: 0.01 },
      ),
    ).toMatchObject({ noNewBuys: false, halt: false });
  });

  it('hand-worked: equity 99,000 vs peak 110,000 with a 10 % breaker halts (99,000 ≤ 99,000)', () => {
    const refs = equityReferences(closes, '2024-06-03', 100_000_00, null);
    const d = checkPortfolio(
      { equity: 99_000_00, previousCloseEquity: refs.previousCloseCents, peakEquity: refs.peakCents },
      { dailyLossLimitPct: 0.05, maxDrawdownPct: 0.1 },
    );
    // 99,000 / 104,500 − 1 = −5.26 % ≤ −5 %: the daily loss stop too.
    expect(d).toMatchObject({ halt: true, noNewBuys: true });
    expect(d.drawdown).toBeCloseTo(-0.1, 12);
  });
});
