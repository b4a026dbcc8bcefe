import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnchorPreviewDto, NewPositionPreviewDto } from '../../../shared/ipc/dto/inputs';
import type { PortfolioDto, PositionDto } from '../../../shared/ipc/dto/ledger';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

describe('inputs that move money, behind the IPC contract', () => {
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

  function quote(symbol: string, last: number, ts = Date.UTC(2020, 1, 19, 21, 0)) {
    const { store } = t.lb.store;
    store.uow.transaction(() =>
      store.quotes.append(null, [
        { symbol, ts, bid: last - 0.01, ask: last + 0.01, last, source: 'scripted', tickId: null },
      ]),
    );
  }

  async function position(symbol = 'KO', cash = 10_000, shares?: number): Promise<PositionDto> {
    const r = await t.call('position.createPosition', {
      portfolioId,
      symbol,
      initialCash: cash,
      ...(shares !== undefined ? { existingShares: shares } : {}),
    });
    expect(r.ok).toBe(true);
    return r.value as PositionDto;
  }

  it('previews a hand-set anchor against the last price: far away asks for confirmation, with what it would buy', async () => {
    quote('KO', 59.24);
    const p = await position('KO', 10_000, 100);
    const near = (await t.call('position.previewAnchor', { positionId: p.id, anchor: 60 }))
      .value as AnchorPreviewDto;
    expect(near).toMatchObject({
      lastPrice: 59.24,
      needsConfirmation: false,
      atLastPrice: { action: 'HOLD' },
    });
    expect(near.message).toBe(
      '$60.00 is 1.3 % above the last price ($59.24, as of 2020-02-19 16:00). At that price nothing trades at the next tick.',
    );
    // A typo: $95 for $59. At $59.24 that is a 37.6 % fall below the anchor: a buy.
    const far = (await t.call('position.previewAnchor', { positionId: p.id, anchor: 95 }))
      .value as AnchorPreviewDto;
    expect(far).toMatchObject({
      needsConfirmation: true,
      triggers: { anchor: 95, buyBelow: expect.closeTo(92.15, 9), sellAbove: expect.closeTo(97.85, 9) },
      atLastPrice: { action: 'BUY', side: 'BUY' },
    });
    expect(far.message).toMatch(
      /^\$95\.00 is 60 % above the last price \(\$59\.24, as of 2020-02-19 16:00\)\. At that price this buys \d+ shares for \$[\d,]+\.\d\d at the next tick\.$/,
    );

    const refused = await t.call('position.setAnchor', { positionId: p.id, anchor: 95, why: 'typo' });
    expect(refused).toMatchObject({
      ok: false,
      code: 'validation',
      issues: [
        {
          path: 'anchor',
          message:
            'Anchor $95.00 is 60 % above the last price $59.24: look at the preview and confirm to set it',
        },
      ],
    });
    expect(
      ((await t.call('position.getPosition', { positionId: p.id })).value as PositionDto).anchor,
    ).toBeNull();
    const confirmed = await t.call('position.setAnchor', {
      positionId: p.id,
      anchor: 95,
      why: 'on purpose',
      confirmed: true,
    });
    expect(confirmed).toMatchObject({ ok: true, value: { anchor: 95 } });
    expect(await t.call('position.setAnchor', { positionId: p.id, anchor: 60, why: 'near' })).toMatchObject({
      ok: true,
    });
  });

  it('checks settings against the last price: a threshold typed too tight trades at the next tick', async () => {
    quote('KO', 59.24);
    const p = await position('KO', 10_000, 100);
    await t.call('position.setAnchor', { positionId: p.id, anchor: 60, why: 'start' });
    const loose = await t.call('position.previewTriggers', { positionId: p.id, override: null });
    expect((loose.value as { atLastPrice: string }).atLastPrice).toBe(
      'At the last price $59.24 (as of 2020-02-19 16:00) these settings: nothing trades.',
    );
    const tight = await t.call('position.previewTriggers', {
      positionId: p.id,
      override: { trigger: { downThreshold: 0.01 } },
    });
    expect((tight.value as { atLastPrice: string }).atLastPrice).toMatch(
      /^At the last price \$59\.24 \(as of 2020-02-19 16:00\) these settings: this buys [\d,]+ shares? for \$[\d,.]+ at the next tick\.$/,
    );
  });

  it('previews a new position: the symbol checked, what the first evaluation buys at today’s price, and when', async () => {
    quote('KO', 59.72);
    const r = await t.call('position.previewNewPosition', { portfolioId, symbol: 'ko', initialCash: 25_000 });
    const preview = r.value as NewPositionPreviewDto;
    expect(preview).toMatchObject({
      symbol: 'KO',
      lastPrice: 59.72,
      firstTrade: { action: 'BUY', side: 'BUY', qty: 209, notionalCents: 1_248_148 },
    });
    expect(preview.message).toMatch(
      /^The first evaluation \(at \d{4}-\d\d-\d\d \d\d:\d\d New York\) buys about 209 shares for \$12,481\.48 at \$59\.72 \(as of 2020-02-19 16:00\) to reach 50 % stock — on paper: no real order is sent\.$/,
    );
    expect(
      await t.call('position.previewNewPosition', { portfolioId, symbol: 'XYZQ', initialCash: 1 }),
    ).toMatchObject({
      ok: false,
      issues: [{ path: 'symbol', message: expect.stringMatching(/^Unknown symbol "XYZQ"/) }],
    });
    // Cash that buys no share: said plainly before anything is created.
    const small = (
      await t.call('position.previewNewPosition', { portfolioId, symbol: 'KO', initialCash: 50 })
    ).value as NewPositionPreviewDto;
    expect(small.firstTrade).toMatchObject({ action: 'HOLD', qty: 0 });
    expect(small.message).toMatch(
      /^At \$59\.72 \(as of 2020-02-19 16:00\) the first evaluation .* trades nothing: /,
    );
    expect((await t.call('position.listPositions', {})).value).toEqual([]);
  });

  it('deletes a position that never traded, and refuses one with an order on record', async () => {
    const p = await position('KO');
    expect(await t.call('position.deletePosition', { positionId: p.id, why: 'typo' })).toMatchObject({
      ok: true,
      value: { id: p.id },
    });
    expect((await t.call('position.listPositions', {})).value).toEqual([]);
    const log = await t.call('eventLog.listEvents', { filter: { types: ['PositionDeleted'] } });
    expect((log.value as { items: { summary: string }[] }).items[0]?.summary).toBe(
      'Deleted by user (desktop) (it never traded): $10,000.00 cash no longer set aside: typo',
    );
    expect(await t.call('position.deletePosition', { positionId: p.id })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('closes with a sell-out at once when there is nothing to sell; a rebalance needs a price', async () => {
    const p = await position('KO');
    const closed = await t.call('position.closePosition', { positionId: p.id, sellOut: true, why: 'done' });
    expect(closed).toMatchObject({ ok: true, value: { status: 'CLOSED' } });
    const q = await position('PEP', 1000, 10);
    const r = await t.call('position.rebalanceNow', { positionId: q.id });
    expect(r).toMatchObject({ ok: false, code: 'conflict' });
  });
});
