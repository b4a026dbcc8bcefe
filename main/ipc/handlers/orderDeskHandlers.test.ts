import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioDto, PositionDto } from '../../../shared/ipc/dto/ledger';
import type { OrderTicketPreviewDto } from '../../../shared/ipc/dto/orderDesk';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

/** The order desk behind the IPC contract (ADRs 0061–0063): previews at the last known price, refusals in words. */
describe('the order desk, behind the IPC contract', () => {
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

  async function position(symbol = 'KO', cash = 10_000, shares = 0): Promise<PositionDto> {
    const r = await t.call('position.createPosition', {
      portfolioId,
      symbol,
      initialCash: cash,
      existingShares: shares,
    });
    expect(r.ok).toBe(true);
    return r.value as PositionDto;
  }

  it('previews a ticket at the last known price, "as of" its time while the market is closed', async () => {
    const { store } = t.lb.store;
    store.uow.transaction(() =>
      store.quotes.append(null, [
        {
          symbol: 'KO',
          ts: Date.UTC(2020, 1, 19, 21, 0),
          bid: 59.23,
          ask: 59.25,
          last: 59.24,
          source: 'scripted',
          tickId: null,
        },
      ]),
    );
    const p = await position('KO', 10_000, 100);
    const r = await t.call('position.previewOrder', { positionId: p.id, side: 'SELL', qty: 40 });
    expect(r.ok).toBe(true);
    const preview = r.value as OrderTicketPreviewDto;
    // 40 × $59.24 = $2,369.60; 0.01 % commission = $0.24 (rounded from 0.23696). Stock share:
    // before 5,924.00 / 15,924.00 = 37.2 %; after 3,554.40 / (3,554.40 + 12,369.36) = 22.3 %.
    expect(preview).toMatchObject({
      price: 59.24,
      priceLive: false,
      notionalCents: 236_960,
      commissionCents: 24,
      cashAfterCents: 1_000_000 + 236_960 - 24,
      qtyAfter: 60,
    });
    expect(preview.summary).toMatch(
      /^Sells 40 shares of KO at about \$59\.24 for \$2,369\.60 \+ \$0\.24 commission; stock share 37\.2 % → 22\.3 % — outside the band 25 %–75 %.* Price \$59\.24 as of 2020-02-19 16:00: the order takes the live price when it is placed\.$/,
    );
  });

  it('the preview says when the risk limits would refuse the order (size, value, exposure)', async () => {
    const { store } = t.lb.store;
    store.uow.transaction(() =>
      store.quotes.append(null, [
        {
          symbol: 'KO',
          ts: Date.UTC(2020, 1, 19, 21, 0),
          bid: 59.99,
          ask: 60.01,
          last: 60,
          source: 'scripted',
          tickId: null,
        },
      ]),
    );
    const p = await position('KO', 10_000, 100);
    expect(
      (
        await t.call('portfolio.changeConfig', {
          portfolioId,
          patch: { risk: { maxPositionValue: 7_000, maxOrdersPerMinute: 1 } },
        })
      ).ok,
    ).toBe(true);
    const preview = async (qty: number) =>
      (
        (await t.call('position.previewOrder', { positionId: p.id, side: 'BUY', qty }))
          .value as OrderTicketPreviewDto
      ).summary;
    // 100 + 20 = 120 shares × $60 = $7,200 > $7,000.
    expect(await preview(20)).toMatch(
      / The risk limits would refuse it: the position would be worth \$7,200\.00; the limit is \$7,000\.00\.$/,
    );
    // 100 + 10 = 110 × $60 = $6,600: nothing said (the rate limit is checked when the order is placed).
    expect(await preview(10)).not.toMatch(/risk limits/);
  });

  it('refuses what cannot be asked, in words, on its field', async () => {
    const p = await position('KO', 10_000);
    expect(await t.call('position.previewOrder', { positionId: p.id, side: 'BUY', qty: 10 })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'No price is known for KO yet: the ticket can be previewed once the loop has quoted it',
    });
    expect(await t.call('position.placeOrder', { positionId: p.id, side: 'BUY', qty: -1 })).toMatchObject({
      ok: false,
      code: 'validation',
      issues: [
        {
          path: 'qty',
          message:
            'Shares to trade must be above 0 and at most 1,000,000,000 shares, with at most 6 decimals',
        },
      ],
    });
    expect(await t.call('position.cancelOrder', { orderId: 'nope' })).toMatchObject({
      ok: false,
      code: 'not_found',
      message: 'order nope not found',
    });
    // The test backend's provider has no quote: an order at market needs one (or the market is closed).
    expect(await t.call('position.placeOrder', { positionId: p.id, side: 'BUY', qty: 10 })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });
});
