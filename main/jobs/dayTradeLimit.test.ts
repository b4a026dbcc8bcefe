import { afterEach, describe, expect, it } from 'vitest';
import type { DayTradeLimit } from '../../shared/domain/accounting/DayTrades';
import { DEFAULT_ACCOUNTING_SETTINGS } from '../../shared/ports/AccountingSettingsRepository';
import { ny, openHarness, type Harness } from './testing/liveHarness';

/**
 * SPEC 8's optional day-trade limit in the live loop, hand-worked. KO at 100 on Monday: the initial
 * allocation buys 500 shares (a buy, no day trade). Tuesday 10:00 at 104 (up 4 % > 3 %): the rules sell.
 * Tuesday 10:05 at 100 (down 3.8 % from the new anchor 104): the rules buy — a buy after a sell of KO
 * in the same session, so the first day trade of the last 5 sessions. With a limit of 0 day trades and
 * equity ($100,000 of the position) below a $1,000,000 threshold, that buy exceeds it.
 */
describe('day-trade limit in the live loop', () => {
  let h: Harness;
  afterEach(() => h?.close());

  const monday = '2024-06-03';
  const tuesday = '2024-06-04';
  const script = {
    KO: [
      { at: ny(monday, 9, 58), bid: 99.9, ask: 100.1, last: 100 },
      { at: ny(tuesday, 9, 58), bid: 103.9, ask: 104.1, last: 104 },
      { at: ny(tuesday, 10, 3), bid: 99.9, ask: 100.1, last: 100 },
    ],
  };

  async function tradeUntilTheBuy(limit: DayTradeLimit | null) {
    h = await openHarness({ start: ny(monday, 10, 0), script });
    if (limit !== null)
      h.store.accountingSettings.save(
        h.tenantId,
        h.portfolioId,
        { ...DEFAULT_ACCOUNTING_SETTINGS, dayTradeLimit: limit },
        h.clock.now(),
      );
    const ko = h.addPosition('KO', 100_000);
    await h.tick();
    await h.drain();
    expect(h.position(ko.id).qty).toBe(500);
    h.clock.set(ny(tuesday, 10, 0));
    const sell = await h.tick();
    expect(sell.tenants[0]?.ordersCreated).toBe(1);
    await h.drain();
    expect(h.position(ko.id).qty).toBeLessThan(500);
    h.clock.set(ny(tuesday, 10, 5));
    return { ko, buy: await h.tick() };
  }

  it('limit off (the default): the buy goes through, nothing said', async () => {
    const { ko, buy } = await tradeUntilTheBuy(null);
    expect(buy.tenants[0]?.ordersCreated).toBe(1);
    const last = h
      .events(ko.id)
      .filter((e) => e.type === 'EvaluationEvent')
      .at(-1);
    expect(last?.type === 'EvaluationEvent' && last.payload.action).toBe('BUY');
    expect(last?.type === 'EvaluationEvent' && last.payload.reasons).not.toContain('day_trade_warning');
  });

  it('block: the buy is a REJECTED order with the reason day_trade_limit and words in the investor’s units', async () => {
    const { ko, buy } = await tradeUntilTheBuy({
      maxDayTrades: 0,
      minEquityCents: 100_000_000,
      mode: 'block',
    });
    expect(buy.tenants[0]?.ordersCreated).toBe(0);
    expect(buy.tenants[0]?.ordersRejected).toBe(1);
    const rejected = h.events(ko.id).find((e) => e.type === 'OrderRejected');
    expect(rejected?.type === 'OrderRejected' && rejected.payload.reasons).toContain('day_trade_limit');
    expect(rejected?.type === 'OrderRejected' && rejected.payload.detail).toMatch(
      /Buy blocked by the day-trade limit: this buy would be day trade 1 in the last 5 sessions \(limit 0\) while equity \$[\d,]+\.\d\d is below \$1,000,000\.00/,
    );
    h.expectReplayMatches(ko.id);
  });

  it('warn: the buy goes through with the reason day_trade_warning', async () => {
    const { ko, buy } = await tradeUntilTheBuy({
      maxDayTrades: 0,
      minEquityCents: 100_000_000,
      mode: 'warn',
    });
    expect(buy.tenants[0]?.ordersCreated).toBe(1);
    const last = h
      .events(ko.id)
      .filter((e) => e.type === 'EvaluationEvent')
      .at(-1);
    expect(last?.type === 'EvaluationEvent' && last.payload.reasons).toContain('day_trade_warning');
    expect(last?.type === 'EvaluationEvent' && last.payload.detail).toMatch(/Day-trade limit warning/);
  });

  it('equity at or above the threshold: the limit does not apply', async () => {
    const { buy } = await tradeUntilTheBuy({ maxDayTrades: 0, minEquityCents: 1_000_000, mode: 'block' });
    expect(buy.tenants[0]?.ordersCreated).toBe(1);
  });

  it('within the limit: one day trade allowed, the buy goes through', async () => {
    const { buy } = await tradeUntilTheBuy({ maxDayTrades: 1, minEquityCents: 100_000_000, mode: 'block' });
    expect(buy.tenants[0]?.ordersCreated).toBe(1);
  });
});
