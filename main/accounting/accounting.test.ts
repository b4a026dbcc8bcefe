import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../shared/domain/accounting/Ledger';
import { exchangeDateOf, tradingDaysBetween } from '../../shared/domain/calendar';
import type { ClosePrices } from '../../shared/ports/ClosePrices';
import { PaperBroker } from '../adapters/broker/PaperBroker';
import type { ScriptedQuote } from '../adapters/marketData/ScriptedMarketData';
import { depositCash } from '../../shared/application/ledger';
import { ny, openHarness, type Harness } from '../jobs/testing/liveHarness';
import { AccountingService } from './AccountingService';

const DAYS = tradingDaysBetween('2024-01-02', '2024-05-31');
const PRICES = DAYS.map(
  (_, i) => Math.round((100 + 12 * Math.sin(i / 4) + 5 * Math.sin(i / 1.3)) * 100) / 100,
);

/** Closes of the scripted path (and a made-up benchmark), as a history source would give them. */
const closes: ClosePrices = {
  closes: async (symbol, from, to) =>
    new Map(
      DAYS.map((d, i) => [d, symbol === 'SPY' ? 400 + i : (PRICES[i] as number)] as const).filter(
        ([d]) => d >= from && d <= to,
      ),
    ),
};

describe('accounting in the live app (SPEC 8)', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('lots replayed from the event log equal the lots of the stored fills; the history keeps the identity', async () => {
    const script: ScriptedQuote[] = DAYS.map((day, i) => {
      const p = PRICES[i] as number;
      return { at: ny(day, 10, 0), bid: p, ask: p, last: p };
    });
    h = await openHarness({
      start: ny(DAYS[0] as string, 9, 0),
      script: { KO: script },
      broker: (clock) => new PaperBroker({ clock, slippageBps: 0 }),
    });
    const position = h.addPosition('KO', 100_000);
    for (const [i, day] of DAYS.entries()) {
      h.clock.set(ny(day, 10, 0));
      await h.tick();
      await h.drain();
      if (i === 40) {
        const deposited = depositCash(h.ledgerDeps, {
          tenantId: h.tenantId,
          positionId: position.id,
          amount: 5_000,
        });
        expect(deposited.ok).toBe(true);
      }
    }
    h.clock.set(ny(DAYS[DAYS.length - 1] as string, 17, 0));
    const service = new AccountingService(
      { ...h.store, clock: h.clock, closes },
      h.tenantId,
      () => PRICES[PRICES.length - 1] as number,
    );
    const tenant = service.ledger();
    const book = tenant.ledger.books.get(position.id);
    expect(book).toBeDefined();
    expect(book!.closed.length).toBeGreaterThan(3);

    // The fills stored in the trades table give the same lots as the log's OrderFilled events.
    const trades = h.store.trades.listByPosition(h.tenantId, position.id, 10_000).reverse();
    const fromTrades = new Ledger().applyAll(
      trades.map((t) => ({
        kind: 'fill' as const,
        id: t.id,
        positionId: t.positionId,
        symbol: 'KO',
        date: exchangeDateOf(t.executedAt),
        side: t.side,
        qty: t.qty,
        price: t.price,
        notionalCents: t.notionalCents,
        commissionCents: t.commissionCents,
      })),
    );
    expect(fromTrades.books.get(position.id)!.lots).toEqual(book!.lots);
    expect(fromTrades.books.get(position.id)!.closed).toEqual(book!.closed);

    // The book agrees with the position row (shares, cash) and with the identity.
    const row = h.position(position.id);
    expect(book!.qty).toBe(row.qty);
    expect(book!.cashCents).toBe(row.cashCents);
    const price = PRICES[PRICES.length - 1] as number;
    expect(book!.realisedCents + book!.unrealisedCents(price) + book!.dividendsCents).toBe(
      book!.equityCents(price) - book!.flowsCents,
    );

    // The equity history is rebuilt for every session the app "was not running", one row per position and total.
    const report = await service.rebuild();
    expect(report.sessions).toBe(DAYS.length);
    const totals = h.store.equityHistory.list(h.tenantId, { positionId: null });
    expect(totals.map((r) => r.date)).toEqual(DAYS);
    for (const r of totals) {
      expect(r.realisedCents + r.unrealisedCents + r.dividendsCents).toBe(r.equityCents - r.flowsCents);
    }
    expect(totals.find((r) => r.dayFlowCents === 500_000)).toBeDefined();
    const last = totals[totals.length - 1]!;
    expect(last.equityCents).toBe(book!.equityCents(price));

    // A second rebuild rewrites only from the last stored session.
    const again = await service.rebuild();
    expect(again.sessions).toBe(1);

    const perf = await service.performance({});
    expect(perf.dates).toEqual(DAYS);
    expect(perf.benchmarkStats).not.toBeNull();
    expect(perf.roundTrips.length).toBe(book!.closed.length);
    const sumContrib = perf.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(sumContrib).toBeCloseTo(perf.arithmeticReturn, 10);

    const lots = service.lots(position.id);
    expect(lots[0]!.lots.reduce((s, l) => s + l.qty, 0)).toBeCloseTo(row.qty, 9);
  });
});
