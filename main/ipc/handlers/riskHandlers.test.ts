import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioDto } from '../../../shared/ipc/dto/ledger';
import type { RiskAlertDto, RiskReportDto } from '../../../shared/ipc/dto/risk';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

describe('risk.getReport (SPEC 9 Risk page) on a real SQLite file', () => {
  let t: TestIpc;
  let portfolioId: string;
  beforeEach(async () => {
    t = await openTestIpc();
    portfolioId = ((await t.call('portfolio.createPortfolio', { name: 'Core' })).value as PortfolioDto).id;
  });
  afterEach(async () => {
    await t.close();
    expect(t.logged).toEqual([]);
  });

  async function report(): Promise<RiskReportDto> {
    const r = await t.call('risk.getReport', {});
    expect(r.ok).toBe(true);
    return r.value as RiskReportDto;
  }

  it('says why there are no figures when nothing is held, and lists every limit as off', async () => {
    const r = await report();
    expect(r.figures).toBeNull();
    expect(r.reason).toMatch(/no holdings/);
    expect(r.stress).toEqual([]);
    expect(r.limits.length).toBe(11);
    expect(r.limits.every((l) => l.text === 'off' && !l.on)).toBe(true);
  });

  it('measures held shares on the bundled history: VaR levels, distribution, correlation, stress, limits', async () => {
    for (const symbol of ['KO', 'PG']) {
      const p = await t.call('position.createPosition', {
        portfolioId,
        symbol,
        initialCash: 5_000,
        existingShares: 100,
      });
      expect(p.ok).toBe(true);
    }
    const changed = await t.call('portfolio.changeConfig', {
      portfolioId,
      patch: { risk: { alertVarPct: 0.5, maxTotalExposurePct: 0.9, positionStopPct: 0.2 } },
    });
    expect(changed).toMatchObject({ ok: true });
    const r = await report();
    expect(r.reason).toBeNull();
    const f = r.figures;
    if (f === null) throw new Error('no figures');
    expect(f.holdings.map((h) => h.symbol)).toEqual(['KO', 'PG']);
    expect(f.pnl.length).toBe(f.sessions);
    expect(f.sessions).toBeGreaterThan(1);
    // The distribution is Σ v_i·r_i: its 1 % quantile loss is the historical 99 % VaR's size.
    const l99 = f.levels.find((l) => l.confidence === 0.99);
    const l95 = f.levels.find((l) => l.confidence === 0.95);
    expect(l99 && l95 && l99.historicalVar1d >= l95.historicalVar1d).toBe(true);
    expect(l99 && l99.historicalCvar1d >= l99.historicalVar1d).toBe(true);
    expect(f.correlation.length).toBe(2);
    expect(f.correlation[0]?.[0]).toBe(1);
    expect(f.correlation[0]?.[1]).toBe(f.correlation[1]?.[0]);
    // Component VaR adds up to the parametric VaR (Euler).
    const sum99 = f.holdings.reduce((s, h) => s + h.componentVar99, 0);
    expect(sum99).toBeCloseTo(l99?.parametricVar1d ?? NaN, 6);
    expect(f.equity).toBeCloseTo(f.stockValue + 10_000, 6);
    // The four SPEC windows and the three standard shocks.
    expect(r.stress.map((s) => s.name)).toEqual([
      'Dot-com crash',
      'Global financial crisis',
      'COVID-19 crash',
      '2022 bear market',
      'All stocks −10 %',
      'All stocks −20 %',
      'All stocks −30 %',
    ]);
    const shock10 = r.stress[4];
    expect(shock10?.pnl).toBeCloseTo(-0.1 * f.stockValue, 6);
    const byKey = new Map(r.limits.map((l) => [l.key, l]));
    const exposure = byKey.get('maxTotalExposurePct');
    expect(exposure?.distance).toBeCloseTo(0.9 - f.stockValue / f.equity, 9);
    expect(exposure?.text).toMatch(/ % above the stock exposure limit$/);
    const varAlert = byKey.get('alertVarPct');
    expect(varAlert?.distance).toBeCloseTo(0.5 - (l99?.historicalVar1dPct ?? NaN), 9);
    expect(byKey.get('positionStopPct')).toMatchObject({
      on: true,
      setting: '20 %',
      text: 'checked for each position at each price',
    });
    expect(byKey.get('dailyLossLimitPct')).toMatchObject({ on: false, text: 'off' });
  });

  it("risk.listAlerts: crossings and the risk manager's events, newest first, per portfolio", async () => {
    const other = ((await t.call('portfolio.createPortfolio', { name: 'Other' })).value as PortfolioDto).id;
    const { store } = t.lb;
    const tenantId = t.lb.backend.tenantId;
    const base = { tenantId, positionId: null, symbol: null, correlationId: 'c' };
    store.store.uow.transaction(() =>
      store.store.events.append(tenantId, [
        {
          ...base,
          type: 'RiskAlert',
          portfolioId,
          ts: 1_000,
          payload: {
            kind: 'portfolio_drawdown',
            transition: 'crossed',
            value: 0.12,
            threshold: 0.1,
            asOf: '2024-06-03',
          },
        },
        {
          ...base,
          type: 'RiskAlert',
          portfolioId: other,
          ts: 2_000,
          payload: { kind: 'var', transition: 'crossed', value: 0.03, threshold: 0.02, asOf: '2024-06-03' },
        },
        // The risk manager's event, by its type name (risklive's payload).
        {
          ...base,
          type: 'TradingHalted' as 'RiskAlert',
          portfolioId,
          ts: 3_000,
          payload: {
            reason: 'max_drawdown',
            scope: 'all',
            session: 'REGULAR',
            equityCents: 7_500_000,
            referenceCents: 10_000_000,
            limitPct: 0.25,
          } as never,
        },
      ]),
    );
    const mine = await t.call('risk.listAlerts', { portfolioId });
    expect(mine.ok).toBe(true);
    expect(
      (mine.value as RiskAlertDto[]).map((a) => [a.type, a.what, a.value, a.threshold, a.status]),
    ).toEqual([
      ['TradingHalted', 'Drawdown circuit breaker', '−25.0 %', '25 % below the peak', 'trading halted'],
      ['RiskAlert', 'Portfolio drawdown', '12.0 %', '10 %', 'crossed'],
    ]);
    const all = await t.call('risk.listAlerts', {});
    expect((all.value as RiskAlertDto[]).map((a) => a.at)).toEqual([3_000, 2_000, 1_000]);
  });
});
