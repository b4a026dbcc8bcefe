import { afterEach, describe, expect, it } from 'vitest';
import { tradingDaysBetween } from '../../shared/domain/calendar';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import { runSimulation } from '../../shared/simulation';
import { positionSpec } from '../../shared/simulation/SimulationSpec';
import { bars, simSpec } from '../../shared/simulation/testing/bars';
import { PaperBroker } from '../adapters/broker/PaperBroker';
import type { ScriptedQuote } from '../adapters/marketData/ScriptedMarketData';
import { ny, openHarness, type Harness } from './testing/liveHarness';

/**
 * SPEC 5: the simulation replays history through the same domain functions as the live loop. One price
 * path is fed to both — the live loop ticking once per trading day on a virtual clock (quotes with
 * bid = ask = last, a paper broker without slippage, the worker drained after each tick) and the
 * simulation on daily bars filling at the close — and every fill and the final position must agree.
 */
const DAYS = tradingDaysBetween('2024-01-02', '2024-06-28');

/** A deterministic path with swings of several percent, in whole cents. */
function pricePath(): number[] {
  return DAYS.map(
    (_, i) => Math.round((100 + 12 * Math.sin(i / 5) + 6 * Math.sin(i / 1.7) + i * 0.05) * 100) / 100,
  );
}

interface Fill {
  date: string;
  side: string;
  qty: number;
  price: number;
  notionalCents: number;
  commissionCents: number;
}

describe('the simulation and the live loop decide alike', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('gives the same fills, cash, shares and anchor for the same price sequence', async () => {
    const prices = pricePath();
    const script: ScriptedQuote[] = DAYS.map((day, i) => {
      const p = prices[i] as number;
      return { at: ny(day, 10, 0), bid: p, ask: p, last: p };
    });
    h = await openHarness({
      start: ny(DAYS[0] as string, 9, 0),
      script: { KO: script },
      broker: (clock) => new PaperBroker({ clock, slippageBps: 0 }),
    });
    const live = h.addPosition('KO', 100_000);
    for (const day of DAYS) {
      h.clock.set(ny(day, 10, 0));
      await h.tick();
      await h.drain();
    }
    const liveEvents = h.events(live.id);
    const liveFills: Fill[] = liveEvents
      .filter((e): e is DomainEvent<'OrderFilled'> => e.type === 'OrderFilled')
      .map((e) => ({
        date: new Date(e.ts).toISOString().slice(0, 10),
        side: e.payload.side,
        qty: e.payload.qty,
        price: e.payload.price,
        notionalCents: e.payload.notionalCents,
        commissionCents: e.payload.commissionCents,
      }));
    const liveEvaluations = liveEvents.filter((e) => e.type === 'EvaluationEvent');

    const sim = runSimulation(simSpec([positionSpec('KO', 10_000_000)]), [
      {
        bars: bars(
          'KO',
          DAYS.map((d, i) => [d, prices[i] as number]),
        ),
        dividends: [],
      },
    ]);
    if (!sim.ok) throw new Error(sim.message);
    const simFills: Fill[] = sim.result.trades
      .filter((t) => t.status === 'FILLED')
      .map((t) => ({
        date: t.session,
        side: t.side,
        qty: t.qty,
        price: t.price as number,
        notionalCents: t.notionalCents,
        commissionCents: t.commissionCents,
      }));

    // The path really trades both ways, every day was evaluated, and nothing else differs.
    expect(liveEvaluations).toHaveLength(DAYS.length);
    expect(liveFills.some((f) => f.side === 'BUY') && liveFills.some((f) => f.side === 'SELL')).toBe(true);
    expect(liveFills.length).toBeGreaterThan(5);
    expect(liveFills).toEqual(simFills);
    const end = h.position(live.id);
    const simEnd = sim.result.positions[0]?.final;
    expect(simEnd).toMatchObject({ qty: end.qty, cashCents: end.cashCents, anchor: end.anchor });
  });

  it('a stop exits on the same day at the same price in both (SPEC 9: the same rules, the same lots)', async () => {
    // A path that rises, swings and then falls through the trailing stop.
    const prices = pricePath().map((p, i) =>
      i < 60 ? p : Math.round(p * (1 - (i - 60) * 0.01) * 100) / 100,
    );
    const script: ScriptedQuote[] = DAYS.map((day, i) => {
      const p = prices[i] as number;
      return { at: ny(day, 10, 0), bid: p, ask: p, last: p };
    });
    const risk = { trailingStopPct: 0.15, positionStopPct: 0.2 };
    h = await openHarness({
      start: ny(DAYS[0] as string, 9, 0),
      script: { KO: script },
      broker: (clock) => new PaperBroker({ clock, slippageBps: 0 }),
      risk: true,
      portfolioConfig: { risk },
    });
    const live = h.addPosition('KO', 100_000);
    for (const day of DAYS) {
      h.clock.set(ny(day, 10, 0));
      await h.tick();
      await h.drain();
    }
    const liveFills = h
      .events(live.id)
      .filter((e): e is DomainEvent<'OrderFilled'> => e.type === 'OrderFilled')
      .map((e) => [
        new Date(e.ts).toISOString().slice(0, 10),
        e.payload.side,
        e.payload.qty,
        e.payload.price,
      ]);
    const exits = h.events(live.id).filter((e) => e.type === 'RiskExit');

    const sim = runSimulation(simSpec([positionSpec('KO', 10_000_000)], { config: { risk } }), [
      {
        bars: bars(
          'KO',
          DAYS.map((d, i) => [d, prices[i] as number]),
        ),
        dividends: [],
      },
    ]);
    if (!sim.ok) throw new Error(sim.message);
    const simFills = sim.result.trades
      .filter((t) => t.status === 'FILLED')
      .map((t) => [t.session, t.side, t.qty, t.price]);
    const simExits = sim.result.trades.filter((t) => t.reasons.some((r) => r.endsWith('_stop')));

    expect(exits).toHaveLength(1);
    expect(simExits).toHaveLength(1);
    expect(exits[0]?.type === 'RiskExit' && exits[0].payload.reason).toBe(simExits[0]?.reasons[0]);
    expect(liveFills).toEqual(simFills);
    expect(h.position(live.id)).toMatchObject({ qty: 0, anchor: null, status: 'PAUSED' });
    expect(sim.result.positions[0]?.final).toMatchObject({ qty: 0, anchor: null });
  });
});
