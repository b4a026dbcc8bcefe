import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioDto } from '../../../shared/ipc/dto/ledger';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

/** SPEC 8's settings over IPC: lot method, benchmark (a symbol with history), the day-trade limit. */
describe('accounting settings over IPC', () => {
  let t: TestIpc;
  let portfolioId: string;
  beforeEach(async () => {
    t = await openTestIpc();
    portfolioId = ((await t.call('portfolio.createPortfolio', { name: 'Core' })).value as PortfolioDto).id;
  });
  afterEach(async () => {
    await t.close();
  });

  const settings = (over: Record<string, unknown> = {}) => ({
    lotMethod: 'FIFO',
    benchmark: 'SPY',
    dayTradeLimit: { maxDayTrades: null, minEquityCents: 2_500_000, mode: 'warn' },
    ...over,
  });

  it('saves lot method, benchmark and day-trade limit with one ConfigChanged event holding old and new', async () => {
    const r = await t.call('accounting.updateSettings', {
      portfolioId,
      settings: settings({
        lotMethod: 'HIFO',
        benchmark: ' ko ',
        dayTradeLimit: { maxDayTrades: 3, minEquityCents: 2_500_000, mode: 'block' },
      }),
    });
    expect(r).toMatchObject({ ok: true, value: { lotMethod: 'HIFO', benchmark: 'KO' } });
    expect(await t.call('accounting.getSettings', { portfolioId })).toMatchObject({
      ok: true,
      value: { lotMethod: 'HIFO', benchmark: 'KO', dayTradeLimit: { maxDayTrades: 3, mode: 'block' } },
    });
    const tenantId = t.lb.store.store.tenants.listAll()[0]?.id as string;
    const events = t.lb.store.store.events.listByTenant(tenantId, { types: ['ConfigChanged'] });
    const change = events.find((e) => e.type === 'ConfigChanged' && e.payload.section === 'accounting');
    expect(change?.type === 'ConfigChanged' && change.payload).toMatchObject({
      oldValue: { lotMethod: 'FIFO', benchmark: 'SPY' },
      newValue: { lotMethod: 'HIFO', benchmark: 'KO' },
    });
  });

  it('refuses a benchmark without price history, naming the field, and changes nothing', async () => {
    const r = await t.call('accounting.updateSettings', {
      portfolioId,
      settings: settings({ benchmark: 'ZZZZ' }),
    });
    expect(r).toMatchObject({ ok: false });
    expect(r.issues).toEqual([
      {
        path: 'benchmark',
        message:
          'No price history for ZZZZ: the benchmark must be a symbol with daily closes (SPY is bundled)',
      },
    ]);
    expect((await t.call('accounting.getSettings', { portfolioId })).value).toMatchObject({
      benchmark: 'SPY',
    });
  });

  it.each([
    [{ benchmark: 'S P Y' }, 'benchmark', /^Benchmark must be a ticker symbol such as SPY/],
    [
      { dayTradeLimit: { maxDayTrades: 2.5, minEquityCents: 0, mode: 'warn' } },
      'maxDayTrades',
      /^Day-trade limit must be a whole number of day trades between 0 and 1,000$/,
    ],
    [
      { dayTradeLimit: { maxDayTrades: 3, minEquityCents: -1, mode: 'warn' } },
      'minEquityCents',
      /^Equity threshold must be between \$0 and \$1,000,000,000/,
    ],
  ])('refuses %o with one message in the user’s units', async (over, field, message) => {
    const r = await t.call('accounting.updateSettings', { portfolioId, settings: settings(over) });
    expect(r.ok).toBe(false);
    const issue = r.issues?.find((i) => i.path.endsWith(field));
    expect(issue?.message).toMatch(message);
  });
});
