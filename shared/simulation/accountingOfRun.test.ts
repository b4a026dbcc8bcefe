import { describe, expect, it } from 'vitest';
import { accountingOfRun } from './accountingOfRun';
import { runSimulation } from './runSimulation';
import { bars, dividend, simSpec } from './testing/bars';

/** A price path swinging ±10 % around 100 over a year of sessions, so the strategy buys and sells often. */
function history(symbol: string, phase: number) {
  const rows: [string, number][] = [];
  const start = Date.parse('2023-01-02T00:00:00Z');
  for (let i = 0, d = 0; i < 250; d++) {
    const date = new Date(start + d * 86_400_000);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    rows.push([
      date.toISOString().slice(0, 10),
      Math.round((100 + 10 * Math.sin(i / 6 + phase)) * 100) / 100,
    ]);
    i++;
  }
  return { bars: bars(symbol, rows), dividends: [dividend(symbol, '2023-06-01', 0.5)] };
}

describe('SPEC 8 on a simulation run (the same domain code as the live ledger)', () => {
  const outcome = runSimulation(simSpec(['KO', 'PEP']), [history('KO', 0), history('PEP', 2)]);
  if (!outcome.ok) throw new Error(outcome.message);
  const result = outcome.result;

  it('round trips come from the run’s fills; the identity holds per position against the run’s equity', () => {
    const acc = accountingOfRun(result);
    expect(acc.roundTrips.length).toBeGreaterThan(5);
    expect(acc.roundTripStats.count).toBe(acc.roundTrips.length);
    for (const [i, p] of acc.positions.entries()) {
      const outcome = result.positions[i]!;
      const initial = result.inputs.positions[i]!.initialCashCents;
      expect(p.realisedCents + (p.unrealisedCents ?? 0) + p.dividendsCents).toBe(
        outcome.final.equityCents - initial,
      );
      expect(p.lots.reduce((s, l) => s + l.qty, 0)).toBeCloseTo(outcome.final.qty, 9);
    }
  });

  it('a strategy that buys back within 30 days of a loss shows wash sales; each method gives its own lots', () => {
    const fifo = accountingOfRun(result, 'FIFO');
    const hifo = accountingOfRun(result, 'HIFO');
    expect(fifo.disallowedCents).toBe(fifo.washSales.reduce((s, w) => s + w.disallowedCents, 0));
    const total = (a: typeof fifo) =>
      a.positions.reduce((s, p) => s + p.realisedCents + (p.unrealisedCents ?? 0), 0);
    expect(total(hifo)).toBe(total(fifo));
  });
});
