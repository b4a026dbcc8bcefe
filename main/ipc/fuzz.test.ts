import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, type ChannelName } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { dumpTables } from '../db/testing/testDatabase';
import { openTestIpc, type TestIpc } from './testing/testIpc';

/** A valid request per channel, mutated by the fuzzer field by field (ids are filled in beforeAll). */
function samples(ids: {
  portfolioId: string;
  positionId: string;
}): Record<ChannelName, Record<string, unknown>> {
  const { portfolioId, positionId } = ids;
  const setup = { symbols: ['AAPL'], from: '2020-01-01', to: '2020-12-31', initialCash: 10_000 };
  return {
    'app.getStatus': {},
    'app.createDemoPortfolio': {},
    'app.openLogFolder': {},
    'app.restartApp': {},
    'app.exportIntegrityEvidence': {},
    'portfolio.listPortfolios': {},
    'portfolio.createPortfolio': { name: 'Fuzz', config: { trigger: { upThreshold: 0.05 } } },
    'portfolio.changeConfig': { portfolioId, patch: { trigger: { downThreshold: 0.04 } } },
    'portfolio.getDashboard': { portfolioId },
    'position.listPositions': { portfolioId, statuses: ['ACTIVE'] },
    'position.getPosition': { positionId },
    'position.createPosition': {
      portfolioId,
      symbol: 'MSFT',
      initialCash: 1000,
      existingShares: 1,
      initialStockPct: 0.5,
    },
    'position.pausePosition': { positionId, why: 'fuzz' },
    'position.resumePosition': { positionId },
    'position.closePosition': { positionId },
    'position.depositCash': { positionId, amount: 10 },
    'position.withdrawCash': { positionId, amount: 10 },
    'position.setAnchor': { positionId, anchor: 100, why: 'fuzz' },
    'position.changeConfig': {
      positionId,
      override: { trigger: { upThreshold: 0.04 } },
      withholdingPct: 0.15,
    },
    'position.previewTriggers': { positionId, override: null },
    'position.listOrders': { positionId, limit: 10 },
    'position.listTrades': { positionId, limit: 10 },
    'position.getChart': { positionId, limit: 100 },
    'position.previewAnchor': { positionId, anchor: 120 },
    'position.previewNewPosition': { portfolioId, symbol: 'KO', initialCash: 1000, initialStockPct: 0.5 },
    'position.rebalanceNow': { positionId },
    'position.deletePosition': { positionId, why: 'fuzz' },
    'position.previewOrder': { positionId, side: 'BUY', qty: 1 },
    'position.placeOrder': { positionId, side: 'SELL', qty: 1, why: 'fuzz' },
    'position.cancelOrder': { orderId: positionId, why: 'fuzz' },
    'position.evaluateNow': { positionId },
    'timeline.listEvaluations': { positionId, cursor: null, limit: 50, actions: ['HOLD'] },
    'trading.getStatus': {},
    'trading.pauseTrading': {},
    'trading.resumeTrading': {},
    'trading.evaluateNow': {},
    'dividend.getOverview': {},
    'simulation.getDataset': {},
    'simulation.startSimulation': { setup, sweep: { thresholds: [0.03], rebalanceRatios: [1.6667] } },
    'simulation.cancelSimulation': { runId: 'r1' },
    'simulation.listRuns': {},
    'simulation.getRun': { runId: 'r1' },
    'simulation.listSources': {},
    'simulation.importCsv': { symbol: 'FUZ', bars: 'date,open,high,low,close\n2020-01-02,1,1,1,1' },
    'eventLog.listEvents': { filter: { types: ['OrderFilled'], search: 'x' }, cursor: null, limit: 10 },
    'eventLog.verifyChain': {},
    'report.exportSimulation': { runId: 'r1', format: 'csv' },
    'report.exportEvents': { filter: {}, format: 'json' },
    'backup.createBackup': {},
    'backup.listBackups': {},
    'backup.stageRestore': { name: 'demo-20260101T000000000Z.db' },
    'settings.getSettings': {},
    'settings.updateSettings': { theme: 'dark', notifications: { fills: false } },
    // accounting (issue 16)
    'accounting.listLots': { positionId },
    'accounting.getPerformance': { portfolioId, from: '2020-01-01', to: '2020-12-31', benchmark: 'SPY' },
    'accounting.getDashboardFigures': { portfolioId },
    'accounting.getTaxReport': { year: 2024 },
    'accounting.getSettings': { portfolioId },
    'accounting.updateSettings': {
      portfolioId,
      settings: {
        lotMethod: 'HIFO',
        dayTradeLimit: { maxDayTrades: null, minEquityCents: 0, mode: 'warn' },
        benchmark: 'SPY',
      },
    },
    'report.exportTaxReport': { year: 2024, format: 'csv' },
    'lab.compareStrategies': {
      symbols: ['KO'],
      from: '2020-01-01',
      to: '2020-12-31',
      initialCash: 10_000,
      strategies: [{ id: 'macd', params: [] }],
      risk: { trailingStopPct: 0.05, maxPositionQty: 1000 },
    },
    'lab.exportCompare': { format: 'json' },
    // settings › trading, dead letters, dividends by hand (issue 15)
    'settings.getTrading': {},
    'settings.setCommissionRate': { level: 'TENANT_ASSET', symbol: 'KO', rate: 0.0002, minimum: 1 },
    'settings.removeCommissionRate': { level: 'TENANT', symbol: null },
    'settings.updateTrading': { paperSlippageBps: 2, dividendWithholdingPct: 0.15, pricePolicy: 'LAST' },
    'deadLetter.listDeadLetters': {},
    'deadLetter.requeueDeadLetter': { intentId: 'i1' },
    'deadLetter.discardDeadLetter': { intentId: 'i1', why: 'fuzz' },
    'settings.getStrategyFields': {},
    'dividend.recordDividend': { symbol: 'AAPL', exDate: '2024-05-10', amountPerShare: 0.25 },
    'risk.getReport': {},
    'risk.listAlerts': { limit: 50 },
    'risk.haltStatus': {},
    'risk.resumeTrading': { portfolioId: 'p1', why: 'checked the market' },
  };
}

const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -1,
    1e308,
    '',
    ' ',
    '__proto__',
    'constructor',
    null,
    undefined,
    [],
    {},
  ),
  fc.string({ maxLength: 300 }),
  fc.double(),
);

/** A valid sample with one field (possibly nested) replaced by junk, or an extra unknown field. */
function mutated(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  const replace =
    keys.length === 0
      ? fc.constant(sample)
      : fc.tuple(fc.constantFrom(...keys), junk).map(([key, value]) => ({ ...sample, [key]: value }));
  const extra = fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }), junk)
    .map(([k, v]) => ({ ...sample, [k]: v }));
  return fc.oneof(replace, extra, junk);
}

describe('IPC validation fuzz', () => {
  let t: TestIpc;
  let valid: Record<ChannelName, Record<string, unknown>>;

  beforeAll(async () => {
    t = await openTestIpc();
    const portfolio = await t.call('portfolio.createPortfolio', { name: 'Core' });
    const portfolioId = (portfolio.value as { id: string }).id;
    const position = await t.call('position.createPosition', {
      portfolioId,
      symbol: 'AAPL',
      initialCash: 5000,
    });
    valid = samples({ portfolioId, positionId: (position.value as { id: string }).id });
  });

  afterAll(async () => {
    await t.close();
  });

  it('has a valid sample for every channel', () => {
    for (const channel of CHANNELS) {
      const parsed = (contract[channel].request as z.ZodType).safeParse(valid[channel]);
      expect(parsed.success, channel).toBe(true);
    }
  });

  it('refuses every malformed payload on every channel with a typed error, and changes nothing', async () => {
    const sqlite = t.lb.store.db.sqlite;
    const before = dumpTables(sqlite);
    const prefsBefore = JSON.stringify(t.host.preferences.get());
    const callsBefore = JSON.stringify(t.lb.calls);
    const pushesBefore = t.pushes.length;
    let refused = 0;
    for (const channel of CHANNELS) {
      const schema = contract[channel].request as z.ZodType;
      await fc.assert(
        fc.asyncProperty(
          mutated(valid[channel]).filter((p) => !schema.safeParse(p).success),
          async (payload) => {
            const result = await t.call(channel, payload);
            expect(result.ok).toBe(false);
            expect(result.code).toBe('validation');
            expect(typeof result.message).toBe('string');
            refused += 1;
          },
        ),
        { numRuns: 60, seed: 20_260_101 },
      );
    }
    expect(refused).toBeGreaterThan(CHANNELS.length * 30);
    expect(dumpTables(sqlite)).toEqual(before);
    expect(JSON.stringify(t.host.preferences.get())).toBe(prefsBefore);
    expect(JSON.stringify(t.lb.calls)).toBe(callsBefore);
    expect(t.pushes.length).toBe(pushesBefore);
    expect(t.logged).toEqual([]);
  });

  it('refuses unknown channel names of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        junk.filter((c) => !(CHANNELS as readonly unknown[]).includes(c)),
        async (channel) => {
          const result = await t.ipc.dispatch(channel, {}, { transport: 'loopback' });
          expect(result).toMatchObject({ ok: false, code: 'unknown_channel' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
