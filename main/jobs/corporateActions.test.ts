import { afterEach, describe, expect, it } from 'vitest';
import {
  catchUpCorporateActions,
  CORPORATE_ACTIONS_JOB,
} from '../../shared/application/corporateActions/catchUpCorporateActions';
import { ingestCorporateActions } from '../../shared/application/dividends/ingestCorporateActions';
import type { DomainEvent } from '../../shared/domain/DomainEvent';
import type { DividendInfo, SplitInfo } from '../../shared/ports/MarketData';
import { dumpTables } from '../db/testing/testDatabase';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

const div = (
  symbol: string,
  exDate: string,
  payDate: string | null,
  amount: number,
  withholding: number | null = null,
): DividendInfo => ({
  symbol,
  exDate,
  payDate,
  amountPerShare: amount,
  currency: 'USD',
  withholdingTaxPct: withholding,
  source: 'scripted',
});

/** A position created on Friday 2024-05-31 with shares and an anchor, as if it had traded before. */
function seasoned(
  h: Harness,
  symbol: string,
  qty: number,
  anchor: number,
  opts: Parameters<Harness['addPosition']>[2] = {},
) {
  const p = h.addPosition(symbol, 50_000, { ...opts, shares: qty });
  const row = h.position(p.id);
  h.store.positions.update(h.tenantId, { ...row, anchor, version: row.version + 1 }, row.version);
  // The anchor is a fact too (so replay agrees): set it the way a user would.
  h.store.events.append(h.tenantId, [
    {
      type: 'AnchorSet',
      tenantId: h.tenantId,
      portfolioId: row.portfolioId,
      positionId: row.id,
      symbol,
      ts: h.clock.now(),
      correlationId: 'setup',
      payload: { from: null, to: anchor, by: 'test', why: 'seasoned position' },
    },
  ]);
  return p;
}

function brief(events: readonly DomainEvent[]): string[] {
  return events
    .filter((e) =>
      ['DividendAccrued', 'DividendPaid', 'AnchorAdjusted', 'SplitApplied', 'OrderCancelled'].includes(
        e.type,
      ),
    )
    .map((e) => {
      switch (e.type) {
        case 'DividendAccrued':
          return `${e.symbol} accrued ${new Date(e.ts).toISOString().slice(0, 10)} qty ${e.payload.qtyEligible} gross ${e.payload.grossCents} wh ${e.payload.withholdingCents} net ${e.payload.netCents}`;
        case 'DividendPaid':
          return `${e.symbol} paid ${new Date(e.ts).toISOString().slice(0, 10)} ${e.payload.cashDeltaCents}`;
        case 'AnchorAdjusted':
          return `${e.symbol} anchor ${e.payload.from} → ${e.payload.to}`;
        case 'SplitApplied':
          return `${e.symbol} split ${e.payload.ratio}: ${e.payload.qtyBefore} → ${e.payload.qtyAfter}, anchor ${e.payload.anchorBefore} → ${e.payload.anchorAfter}, cash in lieu ${e.payload.cashInLieuCents}`;
        default:
          return `${e.symbol} ${e.type}`;
      }
    });
}

describe('dividends (SPEC 4.3)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('shares bought on the ex-date are not entitled; no anchor adjustment after such a fill', async () => {
    const exDay = '2024-06-05';
    h = await openHarness({
      start: ny('2024-05-31', 12, 0),
      script: { KO: [{ at: ny(exDay, 9, 59), bid: 57.99, ask: 58.01, last: 58 }] },
      market: { dividends: [div('KO', exDay, '2024-06-10', 0.485)] },
    });
    const ko = seasoned(h, 'KO', 500, 60);
    h.clock.set(ny(exDay, 10, 0));
    await h.tick(); // 58 ≤ 60 × 0.97: BUY on the ex-date
    await h.drain();
    const bought = h.position(ko.id).qty - 500;
    expect(bought).toBeGreaterThan(0);

    await ingestCorporateActions(h.deps, exDay);
    await catchUpCorporateActions(h.deps, exDay);
    expect(brief(h.events(ko.id))).toEqual(['KO accrued 2024-06-05 qty 500 gross 24250 wh 0 net 24250']);
    expect(h.position(ko.id).receivableCents).toBe(24_250);
    h.expectReplayMatches(ko.id);
  });

  it('a missed week is caught up day by day in order, once; the anchor drops on the ex-date', async () => {
    h = await openHarness({
      start: ny('2024-05-31', 12, 0),
      market: {
        dividends: [
          div('KO', '2024-06-05', '2024-06-07', 0.485),
          div('AAPL', '2024-06-10', null, 0.25),
          div('KO', '2024-08-15', '2024-09-03', 0.49),
        ],
      },
    });
    const ko = seasoned(h, 'KO', 500, 60);
    const aapl = seasoned(h, 'AAPL', 200, 190);
    h.store.jobRuns.markCompleted(h.tenantId, CORPORATE_ACTIONS_JOB, '2024-06-03', h.clock.now());
    h.clock.set(ny('2024-06-12', 0, 5)); // the app was off from Tuesday 4 to Wednesday 12 June
    const ingested = await ingestCorporateActions(h.deps, '2024-06-12');
    expect(ingested[0]?.announcements.map((e) => `${e.symbol} ${e.payload.exDate}`)).toEqual([
      'AAPL 2024-06-10',
      'KO 2024-06-05',
      'KO 2024-08-15',
    ]);
    const days = await catchUpCorporateActions(h.deps, '2024-06-12');
    expect(days.map((d) => d.date)).toEqual([
      '2024-06-04',
      '2024-06-05',
      '2024-06-06',
      '2024-06-07',
      '2024-06-08',
      '2024-06-09',
      '2024-06-10',
      '2024-06-11',
      '2024-06-12',
    ]);

    const all = h.store.events.listByTenant(h.tenantId, { limit: 10_000 });
    expect(brief(all)).toEqual([
      'KO accrued 2024-06-05 qty 500 gross 24250 wh 0 net 24250',
      'KO anchor 60 → 59.515',
      'KO paid 2024-06-07 24250',
      'AAPL accrued 2024-06-10 qty 200 gross 5000 wh 0 net 5000',
      'AAPL anchor 190 → 189.75',
      'AAPL paid 2024-06-10 5000', // no pay date: paid on the ex-date
    ]);
    expect(h.position(ko.id)).toMatchObject({
      cashCents: 5_024_250,
      receivableCents: 0,
      totalDividendsGrossCents: 24_250,
      totalDividendsNetCents: 24_250,
    });
    expect(h.store.jobRuns.lastCompletedDate(h.tenantId, CORPORATE_ACTIONS_JOB)).toBe('2024-06-12');

    // Exactly once: the same days again (job record rewound) and the same ingestion change nothing.
    const before = dumpTables(h.db.sqlite);
    h.db.sqlite
      .prepare('UPDATE job_runs SET last_completed_date = ? WHERE job = ?')
      .run('2024-06-01', CORPORATE_ACTIONS_JOB);
    await ingestCorporateActions(h.deps, '2024-06-12');
    await catchUpCorporateActions(h.deps, '2024-06-12');
    const after = dumpTables(h.db.sqlite);
    expect(after['events']).toEqual(before['events']);
    expect(after['dividend_accruals']).toEqual(before['dividend_accruals']);
    expect(after['positions']).toEqual(before['positions']);
    h.expectReplayMatches(ko.id);
    h.expectReplayMatches(aapl.id);
  });

  it('a pay date reached before its ex-date was processed (announced late): accrued first, then paid, in one run', async () => {
    h = await openHarness({ start: ny('2024-05-31', 12, 0) });
    const ko = seasoned(h, 'KO', 500, 60);
    h.clock.set(ny('2024-06-10', 0, 5));
    await catchUpCorporateActions(h.deps, '2024-06-09'); // nothing announced yet
    // The provider publishes the dividend only now, after both its ex-date and its pay date.
    h.store.dividends.insertAnnouncement(h.tenantId, {
      id: 'late',
      tenantId: h.tenantId,
      symbol: 'KO',
      exDate: '2024-06-05',
      payDate: '2024-06-07',
      amountPerShare: 0.485,
      currency: 'USD',
      withholdingTaxPct: null,
      source: 'scripted',
      createdAt: h.clock.now(),
    });
    await catchUpCorporateActions(h.deps, '2024-06-10');
    expect(brief(h.events(ko.id))).toEqual([
      'KO accrued 2024-06-05 qty 500 gross 24250 wh 0 net 24250',
      'KO anchor 60 → 59.515',
      'KO paid 2024-06-07 24250',
    ]);
    h.expectReplayMatches(ko.id);
  });

  it('withholding: the announcement, else the position, else the tenant default; anchor adjustment can be off', async () => {
    h = await openHarness({
      start: ny('2024-05-31', 12, 0),
      portfolioConfig: { execution: { dividendWithholdingPct: 0.1 } },
      market: {
        dividends: [
          div('KO', '2024-06-05', null, 0.5, 0.15),
          div('PG', '2024-06-05', null, 1),
          div('PEP', '2024-06-05', null, 1),
        ],
      },
    });
    const ko = seasoned(h, 'KO', 100, 60, { withholdingPct: 0.3 });
    const pg = seasoned(h, 'PG', 100, 160, { withholdingPct: 0.3 });
    const pep = seasoned(h, 'PEP', 101, 170, { override: { execution: { adjustAnchorOnDividend: false } } });
    await ingestCorporateActions(h.deps, '2024-06-05');
    await catchUpCorporateActions(h.deps, '2024-06-05');
    expect(brief(h.events(ko.id))).toEqual([
      'KO accrued 2024-06-05 qty 100 gross 5000 wh 750 net 4250',
      'KO anchor 60 → 59.5',
      'KO paid 2024-06-05 4250',
    ]);
    expect(brief(h.events(pg.id))).toEqual([
      'PG accrued 2024-06-05 qty 100 gross 10000 wh 3000 net 7000',
      'PG anchor 160 → 159',
      'PG paid 2024-06-05 7000',
    ]);
    expect(brief(h.events(pep.id))).toEqual([
      'PEP accrued 2024-06-05 qty 101 gross 10100 wh 1010 net 9090',
      'PEP paid 2024-06-05 9090',
    ]);
    for (const p of [ko, pg, pep]) h.expectReplayMatches(p.id);
  });
});

describe('splits (SPEC 4.3)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  const split = (symbol: string, effectiveDate: string, ratio: number): SplitInfo => ({
    symbol,
    effectiveDate,
    ratio,
    source: 'scripted',
  });

  it('4:1 and 1:8 with cash in lieu at the previous close; open orders cancelled; no trigger fires because of the split', async () => {
    const before = '2024-06-07';
    const effective = '2024-06-10';
    h = await openHarness({
      start: ny('2024-05-31', 12, 0),
      script: {
        // Friday's quotes go to the quote log (the previous close); Monday's are post-split.
        NVDA: [
          { at: ny(before, 15, 59), bid: 1199.99, ask: 1200.01, last: 1200 },
          { at: ny(effective, 9, 59), bid: 300.49, ask: 300.51, last: 300.5 },
        ],
        XYZ: [
          { at: ny(before, 15, 59), bid: 19.99, ask: 20.01, last: 20 },
          { at: ny(effective, 9, 59), bid: 160.99, ask: 161.01, last: 161 },
        ],
      },
      market: { splits: [split('NVDA', effective, 4), split('XYZ', effective, 0.125)] },
    });
    const nvda = seasoned(h, 'NVDA', 21, 1210);
    const xyz = seasoned(h, 'XYZ', 1003, 20.2);
    h.clock.set(ny(before, 16, 0) - MIN);
    await h.tick(); // Friday: both inside their bands; their quotes are logged
    // An order still open over the weekend (made by hand here): the split cancels it.
    const open = h.store.orders.insert(h.tenantId, {
      id: 'open-order',
      tenantId: h.tenantId,
      positionId: nvda.id,
      tickId: 'manual:x',
      side: 'BUY',
      qty: 5,
      price: 1200,
      pricePolicy: 'MID',
      commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
      status: 'NEW',
      dedupeKey: 'manual:x',
      filledQty: 0,
      reasons: [],
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    });
    expect(open).toBe(true);

    h.clock.set(ny(effective, 0, 5));
    await ingestCorporateActions(h.deps, effective);
    const days = await catchUpCorporateActions(h.deps, effective);
    expect(days.at(-1)?.splits.applied).toHaveLength(2);
    expect(brief(h.events(nvda.id))).toEqual([
      'NVDA split 4: 21 → 84, anchor 1210 → 302.5, cash in lieu 0',
      'NVDA OrderCancelled',
    ]);
    // 1003 / 8 = 125.375: 125 shares kept, 0.375 new share = 3 old shares paid at Friday's close of 20.
    expect(brief(h.events(xyz.id))).toEqual([
      'XYZ split 0.125: 1003 → 125, anchor 20.2 → 161.6, cash in lieu 6000',
    ]);
    expect(h.position(xyz.id).cashCents).toBe(5_006_000);
    expect(h.store.orders.get(h.tenantId, 'open-order')?.status).toBe('CANCELLED');

    // Monday 10:00 at post-split prices: no trigger fires because of the split.
    h.clock.set(ny(effective, 10, 0));
    await h.tick();
    for (const p of [nvda, xyz]) {
      const e = h
        .events(p.id)
        .filter((x) => x.type === 'EvaluationEvent')
        .at(-1);
      expect(e?.type === 'EvaluationEvent' && e.payload).toMatchObject({
        action: 'HOLD',
        reasons: ['no_trigger'],
      });
      h.expectReplayMatches(p.id);
    }
    // Applied once: running the day again changes nothing.
    h.db.sqlite
      .prepare('UPDATE job_runs SET last_completed_date = ? WHERE job = ?')
      .run(before, CORPORATE_ACTIONS_JOB);
    const again = await catchUpCorporateActions(h.deps, effective);
    expect(again.flatMap((d) => d.splits.applied)).toHaveLength(0);
  });

  it('no previous close anywhere: the split waits (the day is not marked done) and applies once one is known', async () => {
    h = await openHarness({
      start: ny('2024-05-31', 12, 0),
      market: { splits: [split('ABC', '2024-06-10', 2)] },
    });
    const abc = seasoned(h, 'ABC', 10, 50);
    h.clock.set(ny('2024-06-10', 0, 5));
    await ingestCorporateActions(h.deps, '2024-06-10');
    const days = await catchUpCorporateActions(h.deps, '2024-06-10');
    expect(days.at(-1)?.splits.pending).toHaveLength(1);
    expect(h.store.jobRuns.lastCompletedDate(h.tenantId, CORPORATE_ACTIONS_JOB)).toBe('2024-06-09');
    h.store.quotes.append(null, [
      {
        symbol: 'ABC',
        ts: ny('2024-06-07', 15, 55),
        bid: null,
        ask: null,
        last: 51,
        source: 'scripted',
        tickId: null,
      },
    ]);
    await catchUpCorporateActions(h.deps, '2024-06-10');
    expect(brief(h.events(abc.id))).toEqual(['ABC split 2: 10 → 20, anchor 50 → 25, cash in lieu 0']);
    expect(h.store.jobRuns.lastCompletedDate(h.tenantId, CORPORATE_ACTIONS_JOB)).toBe('2024-06-10');
  });
});
