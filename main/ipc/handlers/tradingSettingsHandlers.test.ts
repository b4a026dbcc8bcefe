import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioDto, PositionDto } from '../../../shared/ipc/dto/ledger';
import type { DeadLetterDto, TradingSettingsDto } from '../../../shared/ipc/dto/tradingSettings';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

/**
 * Issue 15 "every setting reachable", behind the IPC contract on a real SQLite file: commission rates at
 * every level, paper slippage, price policy and withholding for every portfolio, the dead-letter queue
 * and a dividend entered by hand. Each change is a ConfigChanged (or its own) event, in the same
 * transaction; a refused value changes nothing and says why in the user's units.
 */
describe('settings › trading, dead letters and dividends by hand over IPC', () => {
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

  const events = (type: string): DomainEvent[] =>
    t.lb.backend.queries.events({ types: [type as never], limit: 1000 });

  async function position(symbol = 'KO'): Promise<PositionDto> {
    const r = await t.call('position.createPosition', { portfolioId, symbol, initialCash: 10_000 });
    expect(r.ok, r.message).toBe(true);
    return r.value as PositionDto;
  }

  it('sets, shows and removes commission rates at every level, each a ConfigChanged with old and new values', async () => {
    const before = (await t.call('settings.getTrading', {})).value as TradingSettingsDto;
    expect(before.commission).toMatchObject({ global: null, tenant: null, symbols: [] });
    expect(before.commission.builtInDefault).toMatchObject({ rate: 0.0001, minimumCents: 0 });

    expect((await t.call('settings.setCommissionRate', { level: 'GLOBAL', rate: 0.0002 })).ok).toBe(true);
    expect(
      (await t.call('settings.setCommissionRate', { level: 'TENANT', rate: 0.0005, minimum: 1.5 })).ok,
    ).toBe(true);
    const r = await t.call('settings.setCommissionRate', {
      level: 'TENANT_ASSET',
      symbol: 'ko',
      rate: 0.001,
      minimum: 0.99,
    });
    const view = r.value as TradingSettingsDto;
    expect(view.commission.global).toMatchObject({ rate: 0.0002, minimumCents: 0 });
    expect(view.commission.tenant).toMatchObject({ rate: 0.0005, minimumCents: 150 });
    expect(view.commission.symbols).toEqual([
      { level: 'TENANT_ASSET', symbol: 'KO', rate: 0.001, minimumCents: 99 },
    ]);

    // The position resolves the most specific rate; removing it falls back to the account's.
    const ko = await position('KO');
    expect(t.lb.backend.useCases.resolveCommissionFor({ positionId: ko.id })).toMatchObject({
      ok: true,
      value: { rate: 0.001, minimumCents: 99, scope: 'TENANT_ASSET' },
    });
    const removed = await t.call('settings.removeCommissionRate', { level: 'TENANT_ASSET', symbol: 'KO' });
    expect((removed.value as TradingSettingsDto).commission.symbols).toEqual([]);
    expect(t.lb.backend.useCases.resolveCommissionFor({ positionId: ko.id })).toMatchObject({
      value: { rate: 0.0005, minimumCents: 150, scope: 'TENANT' },
    });

    const changes = events('ConfigChanged').filter(
      (e) => e.type === 'ConfigChanged' && e.payload.scope === 'COMMISSION',
    ) as DomainEvent<'ConfigChanged'>[];
    expect(
      changes.map((e) => [e.payload.section, e.payload.oldValue === null, e.payload.newValue === null]),
    ).toEqual([
      ['GLOBAL', true, false],
      ['TENANT', true, false],
      ['TENANT_ASSET:KO', true, false],
      ['TENANT_ASSET:KO', false, true],
    ]);

    const missing = await t.call('settings.removeCommissionRate', { level: 'TENANT_ASSET', symbol: 'KO' });
    expect(missing).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses bad values in the user’s units and writes nothing', async () => {
    const count = () => t.lb.backend.queries.countEvents();
    const n = count();
    const cases: [string, unknown, string, string][] = [
      [
        'settings.setCommissionRate',
        { level: 'GLOBAL', rate: 0.2 },
        'rate',
        'Commission rate must be between 0 % and 10 %',
      ],
      [
        'settings.setCommissionRate',
        { level: 'GLOBAL', rate: -0.001 },
        'rate',
        'Commission rate must be between 0 % and 10 %',
      ],
      [
        'settings.setCommissionRate',
        { level: 'GLOBAL', rate: 0.001, minimum: 1.234 },
        'minimum',
        'Minimum commission must be between $0 and $1,000,000,000, with at most 2 decimals (cents)',
      ],
      [
        'settings.updateTrading',
        { paperSlippageBps: 5000 },
        'paperSlippageBps',
        'Paper slippage must be between 0 and 1,000 bps, with at most 2 decimals',
      ],
      [
        'settings.updateTrading',
        { dividendWithholdingPct: 1.5 },
        'dividendWithholdingPct',
        'Dividend withholding must be between 0 % and 100 %',
      ],
      [
        'dividend.recordDividend',
        { symbol: 'KO', exDate: '2024-06-14', amountPerShare: 0 },
        'amountPerShare',
        'Dividend per share must be between $0.0001 and $10,000,000, with at most 6 decimals',
      ],
    ];
    for (const [channel, payload, path, message] of cases) {
      const r = await t.call(channel, payload);
      expect(r, channel).toMatchObject({ ok: false, code: 'validation' });
      expect(r.issues, channel).toEqual([{ path, message }]);
    }
    const asset = await t.call('settings.setCommissionRate', { level: 'TENANT_ASSET', rate: 0.001 });
    expect(asset).toMatchObject({ ok: false, message: expect.stringMatching(/A symbol is required/) });
    expect(count()).toBe(n);
  });

  it('paper slippage, price policy and withholding for every portfolio, each recorded', async () => {
    await t.call('portfolio.createPortfolio', { name: 'Income' });
    const r = await t.call('settings.updateTrading', {
      paperSlippageBps: 2.5,
      pricePolicy: 'LAST',
      dividendWithholdingPct: 0.15,
    });
    const view = r.value as TradingSettingsDto;
    expect(view.paperSlippageBps).toBe(2.5);
    expect(view.paperSlippageIsDefault).toBe(false);
    expect(view.portfolios.map((p) => [p.pricePolicy, p.dividendWithholdingPct])).toEqual([
      ['LAST', 0.15],
      ['LAST', 0.15],
    ]);
    // The preference mirrors the portfolios' policy.
    expect(t.host.preferences.get().pricePolicy).toBe('LAST');
    const changes = events('ConfigChanged') as DomainEvent<'ConfigChanged'>[];
    expect(changes.filter((e) => e.payload.section === 'paperSlippageBps')).toEqual([
      expect.objectContaining({
        payload: { scope: 'TENANT', section: 'paperSlippageBps', oldValue: 1, newValue: 2.5 },
      }),
    ]);
    expect(
      changes.filter((e) => e.payload.scope === 'PORTFOLIO' && e.payload.section === 'execution'),
    ).toHaveLength(2);
    // The same again changes nothing and records nothing.
    const n = t.lb.backend.queries.countEvents();
    await t.call('settings.updateTrading', { paperSlippageBps: 2.5, pricePolicy: 'LAST' });
    expect(t.lb.backend.queries.countEvents()).toBe(n);
  });

  function deadIntent(positionId: string, error = 'broker unavailable: timeout'): string {
    const { store } = t.lb.store;
    const now = t.lb.store.clock.now();
    const orderId = `o-${positionId}`;
    const intentId = `i-${positionId}`;
    store.uow.transaction(() => {
      store.orders.insert(t.lb.backend.tenantId, {
        id: orderId,
        tenantId: t.lb.backend.tenantId,
        positionId,
        tickId: 'tick:1',
        side: 'BUY',
        qty: 10,
        price: 60,
        pricePolicy: 'MID',
        commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
        status: 'NEW',
        dedupeKey: `tick:1:${positionId}`,
        filledQty: 0,
        reasons: [],
        createdAt: now,
        updatedAt: now,
      });
      store.intents.enqueue(t.lb.backend.tenantId, { id: intentId, orderId, now });
    });
    store.uow.transaction(() => {
      store.intents.claimNextDue(t.lb.backend.tenantId, now, 60_000);
      store.intents.markFailed(t.lb.backend.tenantId, intentId, error, now, {
        maxAttempts: 1,
        baseDelayMs: 1,
        maxDelayMs: 1,
      });
      store.orders.transition(t.lb.backend.tenantId, orderId, 'NEW', { status: 'CANCELLED', updatedAt: now });
    });
    return intentId;
  }

  it('lists dead letters with their last error, re-queues one as a new order and discards another', async () => {
    const ko = await position('KO');
    const pep = await position('PEP');
    const koIntent = deadIntent(ko.id);
    const pepIntent = deadIntent(pep.id, 'rejected by the broker: halted');
    const list = (await t.call('deadLetter.listDeadLetters', {})).value as DeadLetterDto[];
    expect(list.map((d) => [d.symbol, d.side, d.qty, d.attempts, d.lastError]).sort()).toEqual([
      ['KO', 'BUY', 10, 1, 'broker unavailable: timeout'],
      ['PEP', 'BUY', 10, 1, 'rejected by the broker: halted'],
    ]);

    const requeued = await t.call('deadLetter.requeueDeadLetter', { intentId: koIntent, why: 'broker back' });
    expect(requeued.ok, requeued.message).toBe(true);
    const { orderId, intentId } = requeued.value as { orderId: string; intentId: string };
    const { store } = t.lb.store;
    expect(store.orders.get(t.lb.backend.tenantId, orderId)).toMatchObject({
      status: 'NEW',
      side: 'BUY',
      qty: 10,
      price: 60,
      positionId: ko.id,
    });
    expect(store.intents.get(t.lb.backend.tenantId, intentId)).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
    });
    const [req] = events('DeadIntentRequeued') as DomainEvent<'DeadIntentRequeued'>[];
    expect(req?.payload).toMatchObject({
      intentId: koIntent,
      newOrderId: orderId,
      why: 'broker back',
      by: 'user (desktop)',
    });
    const created = events('OrderIntentCreated') as DomainEvent<'OrderIntentCreated'>[];
    expect(created.map((e) => e.payload.orderId)).toEqual([orderId]);
    // The two events are one transaction's: the same correlation id.
    expect(created[0]?.correlationId).toBe(req?.correlationId);

    expect((await t.call('deadLetter.discardDeadLetter', { intentId: pepIntent })).ok).toBe(true);
    expect(events('DeadIntentDiscarded')).toHaveLength(1);
    expect((await t.call('deadLetter.listDeadLetters', {})).value).toEqual([]);

    // Each dead intent is handled once.
    expect(await t.call('deadLetter.requeueDeadLetter', { intentId: koIntent })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await t.call('deadLetter.discardDeadLetter', { intentId: 'nope' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('refuses to re-queue for a paused position (resume it first, or discard)', async () => {
    const ko = await position('KO');
    const intent = deadIntent(ko.id);
    await t.call('position.pausePosition', { positionId: ko.id });
    const r = await t.call('deadLetter.requeueDeadLetter', { intentId: intent });
    expect(r).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'KO is paused: resume it before placing the order again, or discard it',
    });
    expect(events('DeadIntentRequeued')).toEqual([]);
  });

  it('records a dividend by hand and the dividend job accrues and pays it', async () => {
    // 100 shares held since 2025-01-02 (the test clock's start); today is 2025-01-20.
    const r0 = await t.call('position.createPosition', {
      portfolioId,
      symbol: 'KO',
      initialCash: 10_000,
      existingShares: 100,
    });
    expect(r0.ok, r0.message).toBe(true);
    t.lb.store.clock.advance(18 * 86_400_000);
    const r = await t.call('dividend.recordDividend', {
      symbol: 'ko',
      exDate: '2025-01-10',
      payDate: '2025-01-15',
      amountPerShare: 0.485,
      withholdingPct: 0.15,
    });
    expect(r.ok, r.message).toBe(true);
    expect(r.value).toMatchObject({
      symbol: 'KO',
      exDate: '2025-01-10',
      payDate: '2025-01-15',
      amountPerShare: 0.485,
    });
    const [announced] = events('DividendAnnounced') as DomainEvent<'DividendAnnounced'>[];
    expect(announced?.payload).toMatchObject({ source: 'manual', withholdingTaxPct: 0.15 });
    // gross = 100 × 0.485 = 48.50; withholding 15 % = 7.28 (7.275 half-to-even); net 41.22.
    expect(events('DividendAccrued').map((e) => e.payload)).toEqual([
      expect.objectContaining({ qtyEligible: 100, grossCents: 4850, withholdingCents: 728, netCents: 4122 }),
    ]);
    expect(events('DividendPaid').map((e) => e.payload)).toEqual([
      expect.objectContaining({ cashDeltaCents: 4122 }),
    ]);

    const again = await t.call('dividend.recordDividend', {
      symbol: 'KO',
      exDate: '2025-01-10',
      amountPerShare: 0.5,
    });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    const unknown = await t.call('dividend.recordDividend', {
      symbol: 'MSFT',
      exDate: '2024-06-14',
      amountPerShare: 0.5,
    });
    expect(unknown).toMatchObject({ ok: false, code: 'not_found' });
    const badDates = await t.call('dividend.recordDividend', {
      symbol: 'KO',
      exDate: '2024-06-31',
      payDate: '2024-06-01',
      amountPerShare: 0.5,
    });
    expect(badDates).toMatchObject({ ok: false, code: 'validation' });
    expect(badDates.issues?.map((i) => i.message)).toEqual([
      'Ex-date must be a real date as YYYY-MM-DD, e.g. 2024-06-14',
      'Pay date must be on or after the ex-date',
    ]);
  });
});
