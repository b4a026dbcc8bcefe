import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changePortfolioConfig } from '../../shared/application/ledger';
import { equityHistoryRecord } from '../db/testing/records';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { ny, openHarness, type Harness } from '../jobs/testing/liveHarness';
import { createRiskAlertWatch } from './riskAlertWatch';

/** The live app's alert check (ADR 0135): after each tick, only when a close or a setting moved. */
describe('the risk alert watch', () => {
  let h: Harness | undefined;
  let dir: string | undefined;
  afterEach(() => {
    h?.close();
    if (dir) removeDir(dir);
  });

  function totals(hh: Harness, points: readonly [string, number][]): void {
    const rows = points.map(([date, equityCents]) =>
      equityHistoryRecord(hh.portfolioId, null, date, equityCents),
    );
    hh.store.uow.transaction(() => hh.store.equityHistory.replaceFrom(hh.tenantId, points[0]![0], rows));
  }

  it('checks once per new close or setting; ticks in between write nothing', async () => {
    dir = tempDir('vb-watch-');
    h = await openHarness({
      start: ny('2024-06-03', 16, 30),
      file: path.join(dir, 'live.db'),
      portfolioConfig: { risk: { alertDrawdownPct: 0.1 } },
    });
    const hh = h;
    const watch = createRiskAlertWatch({
      deps: { ...hh.deps, equityHistory: hh.store.equityHistory },
      tenantId: hh.tenantId,
      today: () => '2024-06-03',
      benchmarkOf: () => 'SPY',
      logger: hh.logger,
    });
    const alerts = () =>
      hh.store.events
        .listByTenant(hh.tenantId, { types: ['RiskAlert'] })
        .map((e) => (e.type === 'RiskAlert' ? e.payload.transition : ''));
    totals(hh, [
      ['2024-05-31', 1_000_000],
      ['2024-06-03', 880_000],
    ]);
    await watch.afterTick();
    await watch.afterTick();
    expect(alerts()).toEqual(['crossed']);
    // The same close, rewritten: not checked again until a close or a setting moves.
    totals(hh, [['2024-06-03', 990_000]]);
    await watch.afterTick();
    expect(alerts()).toEqual(['crossed']);
    // A setting moved (ConfigChanged): checked — 1 % below the peak is inside 10 %: re-armed.
    expect(
      changePortfolioConfig(hh.ledgerDeps, {
        tenantId: hh.tenantId,
        portfolioId: hh.portfolioId,
        patch: { risk: { alertDrawdownPct: 0.05 } },
      }).ok,
    ).toBe(true);
    await watch.afterTick();
    expect(alerts()).toEqual(['crossed', 'cleared']);
    // A new close 12 % down: crossed again, notified.
    totals(hh, [['2024-06-04', 880_000]]);
    await watch.afterTick();
    expect(alerts()).toEqual(['crossed', 'cleared', 'crossed']);
    expect(hh.notifications.filter((n) => n.kind === 'riskAlert')).toHaveLength(2);
  });
});
