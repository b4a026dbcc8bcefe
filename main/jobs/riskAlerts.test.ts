import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changePortfolioConfig } from '../../shared/application/ledger';
import { checkRiskAlerts, type MeasuredVar } from '../../shared/application/risk/riskAlerts';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import type { EquityHistoryRow } from '../../shared/ports/EquityHistoryRepository';
import { equityHistoryRecord } from '../db/testing/records';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { ny, openHarness, type Harness } from './testing/liveHarness';

/**
 * Risk alerts on a real SQLite file (SPEC 9, ADR 0135): a drawdown past its threshold is recorded once
 * — across checks, and across a restart — notified once, and re-armed when the drawdown recovers.
 */
describe('risk alerts in the event log', () => {
  let h: Harness | undefined;
  let dir: string | undefined;
  afterEach(() => {
    h?.close();
    h = undefined;
    if (dir) removeDir(dir);
    dir = undefined;
  });

  const day = '2024-06-03';
  const open = (file: string, config = {}) =>
    openHarness({ start: ny(day, 16, 30), file, portfolioConfig: config });

  /** Equity history rows of the portfolio total and one position, as the accounting rebuild writes them. */
  function closes(hh: Harness, positionId: string, points: readonly [string, number, number][]): void {
    const rows: EquityHistoryRow[] = [];
    for (const [date, total, position] of points)
      for (const [id, equity] of [
        [null, total],
        [positionId, position],
      ] as const)
        rows.push(equityHistoryRecord(hh.portfolioId, id, date, equity));
    hh.store.uow.transaction(() => hh.store.equityHistory.replaceFrom(hh.tenantId, points[0]![0], rows));
  }

  /** The live loop's deps with the store's equity history (as createBackend wires them). */
  const check = (hh: Harness, ...rest: [string, MeasuredVar[]?]) =>
    checkRiskAlerts({ ...hh.deps, equityHistory: hh.store.equityHistory }, ...rest);

  const alerts = (hh: Harness) =>
    hh.store.events
      .listByTenant(hh.tenantId, { types: ['RiskAlert'] })
      .map((e) => e as DomainEvent<'RiskAlert'>)
      .map((e) => [e.symbol ?? 'portfolio', e.payload.kind, e.payload.transition, e.payload.asOf]);

  it('recorded once across checks and a restart, notified once, re-armed on recovery', async () => {
    dir = tempDir('vb-alerts-');
    const file = path.join(dir, 'live.db');
    // A 10 % drawdown alert for the portfolio (and, by inheritance, its positions).
    h = await open(file, { risk: { alertDrawdownPct: 0.1 } });
    const ko = h.addPosition('KO', 10_000);
    // Portfolio 100 → 110 → 98 (10.9 % below the peak); KO 100 → 95 (5 %): only the portfolio crosses.
    closes(h, ko.id, [
      ['2024-05-30', 1_000_000, 1_000_000],
      ['2024-05-31', 1_100_000, 1_000_000],
      ['2024-06-03', 980_000, 950_000],
    ]);
    const first = check(h, h.tenantId);
    expect(first.map((e) => [e.payload.kind, e.payload.transition])).toEqual([
      ['portfolio_drawdown', 'crossed'],
    ]);
    expect(first[0]!.payload.value).toBeCloseTo(1 - 0.98 / 1.1, 12);
    expect(h.notifications.filter((n) => n.kind === 'riskAlert')).toEqual([
      expect.objectContaining({
        title: 'Risk alert: Portfolio drawdown',
        body: 'Portfolio drawdown 10.9 % reached the alert at 10 % (close of 2024-06-03)',
      }),
    ]);
    // Checking again (the next tick) writes nothing and notifies nothing.
    expect(check(h, h.tenantId)).toEqual([]);
    expect(h.notifications.filter((n) => n.kind === 'riskAlert')).toHaveLength(1);

    // A restart on the same file: the state comes from the log — still once.
    h.close();
    h = await open(file);
    expect(check(h, h.tenantId)).toEqual([]);
    expect(h.notifications).toEqual([]);
    expect(alerts(h)).toEqual([['portfolio', 'portfolio_drawdown', 'crossed', '2024-06-03']]);

    // The next close recovers to 105 (4.5 % below the peak): re-armed, no notification.
    closes(h, ko.id, [['2024-06-04', 1_050_000, 950_000]]);
    expect(check(h, h.tenantId).map((e) => e.payload.transition)).toEqual(['cleared']);
    expect(h.notifications).toEqual([]);
    // Then falls to 95 (13.6 %) and KO to 85 (15 %): both cross, each once.
    closes(h, ko.id, [['2024-06-05', 950_000, 850_000]]);
    check(h, h.tenantId);
    check(h, h.tenantId);
    expect(alerts(h)).toEqual([
      ['portfolio', 'portfolio_drawdown', 'crossed', '2024-06-03'],
      ['portfolio', 'portfolio_drawdown', 'cleared', '2024-06-04'],
      ['portfolio', 'portfolio_drawdown', 'crossed', '2024-06-05'],
      ['KO', 'position_drawdown', 'crossed', '2024-06-05'],
    ]);
    expect(h.notifications.map((n) => n.body)).toEqual([
      'Portfolio drawdown 13.6 % reached the alert at 10 % (close of 2024-06-05)',
      'KO drawdown 15.0 % reached the alert at 10 % (close of 2024-06-05)',
    ]);
  });

  it('off until set; a VaR the caller measured is checked against its limit', async () => {
    dir = tempDir('vb-alerts-');
    h = await open(path.join(dir, 'live.db'));
    const ko = h.addPosition('KO', 10_000);
    closes(h, ko.id, [
      ['2024-05-31', 1_000_000, 1_000_000],
      ['2024-06-03', 500_000, 500_000],
    ]);
    const vars = [{ portfolioId: h.portfolioId, value: 0.031, asOf: '2024-06-03' }];
    expect(check(h, h.tenantId, vars)).toEqual([]);
    // Set through the config store (a ConfigChanged), as the Risk page does.
    const changed = changePortfolioConfig(h.ledgerDeps, {
      tenantId: h.tenantId,
      portfolioId: h.portfolioId,
      patch: { risk: { alertVarPct: 0.03 } },
    });
    expect(changed.ok).toBe(true);
    const written = check(h, h.tenantId, vars);
    expect(written.map((e) => [e.payload.kind, e.payload.transition, e.payload.threshold])).toEqual([
      ['var', 'crossed', 0.03],
    ]);
    expect(h.notifications.at(-1)?.body).toBe(
      'VaR (99 %, 1 day) 3.1 % of equity reached the alert at 3 % (close of 2024-06-03)',
    );
    // Turned off while past (the watch then passes the VaR unmeasured): re-armed, so setting it again
    // alerts again.
    const off = { ...vars[0]!, value: null };
    expect(
      changePortfolioConfig(h.ledgerDeps, {
        tenantId: h.tenantId,
        portfolioId: h.portfolioId,
        patch: { risk: { alertVarPct: null } },
      }).ok,
    ).toBe(true);
    expect(check(h, h.tenantId, [off]).map((e) => [e.payload.transition, e.payload.threshold])).toEqual([
      ['cleared', null],
    ]);
    changePortfolioConfig(h.ledgerDeps, {
      tenantId: h.tenantId,
      portfolioId: h.portfolioId,
      patch: { risk: { alertVarPct: 0.03 } },
    });
    expect(check(h, h.tenantId, vars).map((e) => e.payload.transition)).toEqual(['crossed']);
  });
});
