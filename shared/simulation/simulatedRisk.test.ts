import { describe, expect, it } from 'vitest';
import type { SimulationResult } from './SimulationResult';
import type { SymbolHistory } from './SimulationSpec';
import { runSimulation } from './runSimulation';
import { SimulatedRisk } from './SimulatedRisk';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig } from '../domain/Config';
import { bars, simSpec } from './testing/bars';

/**
 * SPEC 9 in the simulation: the same stops and order validator as the live loop (shared/domain/risk),
 * with their exits and rejections in the result (trades with their reasons, events, totals).
 * $10,000 of cash (positionSpec cents), SPEC 2.9 settings otherwise.
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

const ko = (closes: number[]): SymbolHistory => ({
  bars: bars(
    'KO',
    closes.map((c, i) => [DAYS[i] as string, c]),
  ),
  dividends: [],
});

function run(
  closes: number[],
  config: NonNullable<Parameters<typeof simSpec>[1]>['config'],
): SimulationResult {
  const outcome = runSimulation(simSpec(['KO'], { cash: 1_000_000, config }), [ko(closes)]);
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

describe('risk manager and order validator in a simulation', () => {
  it('without risk settings nothing changes', () => {
    const plain = run([100, 101, 102, 101.5, 102, 103, 102.5], undefined);
    const off = run([100, 101, 102, 101.5, 102, 103, 102.5], { risk: {} as never });
    expect(off.trades).toEqual(plain.trades);
    expect(off.equity.equityCents).toEqual(plain.equity.equityCents);
  });

  it('a trailing stop sells everything once, unsets the anchor and pauses the position', () => {
    // Initial buy of 50 @ 100; highest close 110; 10 % trail → stop at 99: 98 on day 6 fires it.
    const r = run([100, 105, 110, 104, 101, 98, 90], { risk: { trailingStopPct: 0.1 } });
    const exits = r.trades.filter((t) => t.reasons.includes('trailing_stop'));
    expect(exits).toHaveLength(1);
    const exit = exits[0]!;
    expect(exit.decidedAt).toBe('2024-01-09');
    expect(exit.side).toBe('SELL');
    expect(exit.qtyAfter).toBe(0);
    expect(exit.anchorAfter).toBeNull();
    // Paused: no trade after the exit, though 90 would otherwise be a buy.
    expect(r.trades.filter((t) => t.decidedAt > '2024-01-09')).toEqual([]);
    expect(r.positions[0]?.final.qty).toBe(0);
    expect(r.positions[0]?.final.anchor).toBeNull();
  });

  it('a position stop fires at average cost × (1 − stop)', () => {
    // 50 shares @ 100 + commission 0.50 → average cost 100.01; 5 % stop → 95.0095: 95 fires it.
    const r = run([100, 99, 97.5, 95, 94, 93, 92], { risk: { positionStopPct: 0.05 } });
    const exit = r.trades.find((t) => t.reasons.includes('position_stop'));
    expect(exit?.decidedAt).toBe('2024-01-05');
    expect(exit?.qty).toBe(exit?.requestedQty);
  });

  it('the validator rejects an order past a limit, with its code, and counts it', () => {
    // The initial allocation would buy 50 shares; the limit is 40.
    const r = run([100, 100, 100], { risk: { maxPositionQty: 40 } });
    expect(r.trades.map((t) => [t.status, t.reasons.at(-1)])).toEqual([['REJECTED', 'POSITION_SIZE_LIMIT']]);
    expect(r.events.some((e) => e.type === 'OrderRejected' && e.detail.includes('POSITION_SIZE_LIMIT'))).toBe(
      true,
    );
    expect(r.positions[0]?.totals.rejected).toBe(1);
    expect(r.positions[0]?.final.anchor).toBe(100);
  });

  it("the position stop's average cost is the open lots' cost per share (FIFO), as the live loop's", () => {
    const risk = SimulatedRisk.of(
      mergeConfig(DEFAULT_STRATEGY_CONFIG, { risk: { positionStopPct: 0.1 } }),
      0,
      100,
    );
    if (risk === null) throw new Error('a position stop is set');
    risk.onFill('BUY', 10, 100_000, 100); // lot 1: 10 @ $100 + $1 commission = $1,001.00
    risk.onFill('BUY', 10, 80_000, 0); // lot 2: 10 @ $80 = $800.00
    risk.onFill('SELL', 10, 90_000, 0); // FIFO: lot 1 is sold; lot 2 is left, $80.00 a share
    // Stop at $80 × 0.9 = $72 (an average cost kept pro rata would say $90.05 × 0.9 = $81.045).
    expect(risk.onClose(10, 72.01)).toBeNull();
    expect(risk.onClose(10, 72)).toEqual({ reason: 'position_stop', stopPrice: 72, qty: 10 });
  });
});
