import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changePortfolioConfig,
  changePositionConfigOverride,
  closePosition,
  createPortfolio,
  createPosition,
  createTenant,
  depositCash,
  pausePosition,
  resolveCommissionFor,
  resolveEffectiveConfig,
  resumePosition,
  setAnchor,
  setCommissionRate,
  withdrawCash,
  type Result,
} from '../../shared/application/ledger';
import { DEFAULT_STRATEGY_CONFIG } from '../../shared/domain/Config';
import { ledgerProblems } from './testing/ledgerInvariants';
import { orderRecord } from './testing/records';
import { dumpTables, openTestStore, removeDir, type TestStore } from './testing/testDatabase';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(() => {
  t.close();
  removeDir(t.dir);
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.value;
}

/** Tenant with a portfolio and an AAPL position of $50 000 and 500 shares. */
function setup(name = 'Alice') {
  const tenant = value(createTenant(t.deps, { name }));
  const portfolio = value(createPortfolio(t.deps, { tenantId: tenant.id, name: 'Core' }));
  const position = value(
    createPosition(t.deps, {
      tenantId: tenant.id,
      portfolioId: portfolio.id,
      symbol: 'aapl',
      initialCash: 50_000,
      existingShares: 500,
    }),
  );
  return { tenant, portfolio, position };
}

const types = (tenantId: string, positionId?: string) =>
  (positionId
    ? t.store.events.listByPosition(tenantId, positionId)
    : t.store.events.listByTenant(tenantId)
  ).map((e) => e.type);

describe('create tenant, portfolio, position', () => {
  it('each is one transaction with its events', () => {
    const { tenant, portfolio, position } = setup();
    expect(t.store.tenants.get(tenant.id)?.name).toBe('Alice');
    expect(portfolio.config).toEqual(DEFAULT_STRATEGY_CONFIG);
    expect(t.store.portfolios.get(tenant.id, portfolio.id)).toEqual(portfolio);
    expect(position).toMatchObject({
      symbol: 'AAPL',
      qty: 500,
      cashCents: 5_000_000,
      anchor: null,
      status: 'ACTIVE',
      configOverride: null,
    });
    expect(t.store.positions.get(tenant.id, position.id)).toEqual(position);
    expect(types(tenant.id)).toEqual(['ConfigChanged', 'ConfigChanged', 'PositionOpened', 'PositionUpdated']);
    const [opened, updated] = t.store.events.listByPosition(tenant.id, position.id);
    expect(opened?.payload).toEqual({ qty: 500, cashCents: 5_000_000, anchor: null, initialStockPct: 0.5 });
    expect(opened?.correlationId).toBe(updated?.correlationId);
    expect(ledgerProblems(t.store, tenant.id)).toEqual([]);
  });

  it('a portfolio takes config overrides on the SPEC defaults; a position its initial_stock_pct and withholding', () => {
    const tenant = value(createTenant(t.deps, { name: 'Bob' }));
    const portfolio = value(
      createPortfolio(t.deps, {
        tenantId: tenant.id,
        name: 'Aggressive',
        baseCurrency: 'EUR',
        config: { trigger: { upThreshold: 0.05 }, orderPolicy: { qtyStep: 0 } },
      }),
    );
    expect(portfolio.config.trigger).toEqual({ upThreshold: 0.05, downThreshold: 0.03 });
    expect(portfolio.config.orderPolicy.qtyStep).toBe(0);
    const position = value(
      createPosition(t.deps, {
        tenantId: tenant.id,
        portfolioId: portfolio.id,
        symbol: 'MSFT',
        initialCash: 1_000.5,
        initialStockPct: 0.3,
        withholdingPct: 0.15,
      }),
    );
    expect(position).toMatchObject({
      qty: 0,
      cashCents: 100_050,
      configOverride: { execution: { initialStockPct: 0.3 } },
      withholdingPct: 0.15,
    });
    expect(t.store.events.listByPosition(tenant.id, position.id)[0]?.payload).toMatchObject({
      initialStockPct: 0.3,
    });
    const effective = value(resolveEffectiveConfig(t.deps, { tenantId: tenant.id, positionId: position.id }));
    expect(effective.execution).toMatchObject({ initialStockPct: 0.3, dividendWithholdingPct: 0.15 });
    expect(effective.trigger.upThreshold).toBe(0.05);
  });

  it('refuses a second open position of a symbol in a portfolio, but allows one after closing', () => {
    const { tenant, portfolio, position } = setup();
    const again = { tenantId: tenant.id, portfolioId: portfolio.id, symbol: 'AAPL', initialCash: 10 };
    expect(createPosition(t.deps, again)).toMatchObject({ ok: false, code: 'conflict' });
    value(closePosition(t.deps, { tenantId: tenant.id, positionId: position.id, by: 'me' }));
    expect(createPosition(t.deps, again).ok).toBe(true);
  });
});

describe('cash', () => {
  it('deposits and withdraws, never overdraws; the receivable cannot be withdrawn', () => {
    const { tenant, position } = setup();
    const ref = { tenantId: tenant.id, positionId: position.id };
    expect(value(depositCash(t.deps, { ...ref, amount: 0.1 })).cashCents).toBe(5_000_010);
    expect(value(withdrawCash(t.deps, { ...ref, amount: 10.1 })).cashCents).toBe(4_999_000);
    const over = withdrawCash(t.deps, { ...ref, amount: 49_990.01 });
    expect(over).toEqual({
      ok: false,
      code: 'insufficient_funds',
      message: 'Cannot withdraw $49,990.01: AAPL has $49,990.00 in cash',
    });
    expect(value(withdrawCash(t.deps, { ...ref, amount: 49_990 })).cashCents).toBe(0);
    const events = t.store.events
      .listByPosition(tenant.id, position.id)
      .filter((e) => e.type.startsWith('Cash'));
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['CashDeposited', { amountCents: 10 }],
      ['CashWithdrawn', { amountCents: 1_010 }],
      ['CashWithdrawn', { amountCents: 4_999_000 }],
    ]);
    expect(t.store.positions.get(tenant.id, position.id)?.version).toBe(4);
    expect(ledgerProblems(t.store, tenant.id)).toEqual([]);
  });

  it('a closed position takes no deposit but can be emptied', () => {
    const { tenant, position } = setup();
    const ref = { tenantId: tenant.id, positionId: position.id };
    value(closePosition(t.deps, { ...ref, by: 'me', why: 'sold elsewhere' }));
    expect(depositCash(t.deps, { ...ref, amount: 1 })).toMatchObject({ ok: false, code: 'conflict' });
    expect(value(withdrawCash(t.deps, { ...ref, amount: 50_000 })).cashCents).toBe(0);
  });
});

describe('anchor and status', () => {
  it('sets the anchor by hand with who and why', () => {
    const { tenant, position } = setup();
    const after = value(
      setAnchor(t.deps, {
        tenantId: tenant.id,
        positionId: position.id,
        anchor: 101.37,
        by: 'alice',
        why: 'rebase after transfer',
      }),
    );
    expect(after.anchor).toBe(101.37);
    expect(t.store.events.latestForPosition(tenant.id, position.id, 'AnchorSet')?.payload).toEqual({
      from: null,
      to: 101.37,
      by: 'alice',
      why: 'rebase after transfer',
    });
    expect(ledgerProblems(t.store, tenant.id)).toEqual([]);
  });

  it('pause ⇄ resume, close is final, and every illegal move is a conflict', () => {
    const { tenant, position } = setup();
    const ref = { tenantId: tenant.id, positionId: position.id, by: 'alice' };
    expect(resumePosition(t.deps, ref)).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'position AAPL is ACTIVE: it cannot become ACTIVE',
    });
    expect(value(pausePosition(t.deps, { ...ref, why: 'earnings' })).status).toBe('PAUSED');
    expect(pausePosition(t.deps, ref)).toMatchObject({ ok: false, code: 'conflict' });
    expect(value(resumePosition(t.deps, ref)).status).toBe('ACTIVE');
    expect(value(closePosition(t.deps, ref)).status).toBe('CLOSED');
    for (const move of [pausePosition, resumePosition, closePosition]) {
      expect(move(t.deps, ref)).toMatchObject({ ok: false, code: 'conflict' });
    }
    expect(setAnchor(t.deps, { ...ref, anchor: 5, why: 'x' })).toMatchObject({ ok: false, code: 'conflict' });
    const changes = t.store.events
      .listByPosition(tenant.id, position.id)
      .filter((e) => e.type === 'PositionStatusChanged');
    expect(changes.map((e) => e.payload)).toEqual([
      { from: 'ACTIVE', to: 'PAUSED', by: 'alice', why: 'earnings' },
      { from: 'PAUSED', to: 'ACTIVE', by: 'alice', why: null },
      { from: 'ACTIVE', to: 'CLOSED', by: 'alice', why: null },
    ]);
    expect(ledgerProblems(t.store, tenant.id)).toEqual([]);
  });

  it('a position with an open order cannot be closed', () => {
    const { tenant, position } = setup();
    t.store.orders.insert(tenant.id, orderRecord(tenant.id, position.id, 'o1'));
    expect(closePosition(t.deps, { tenantId: tenant.id, positionId: position.id, by: 'me' })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/open orders/),
    });
  });
});

describe('config changes', () => {
  it('portfolio: one ConfigChanged per changed section with old and new values; a no-op writes nothing', () => {
    const { tenant, portfolio } = setup();
    const before = t.store.events.listByTenant(tenant.id).length;
    const changed = value(
      changePortfolioConfig(t.deps, {
        tenantId: tenant.id,
        portfolioId: portfolio.id,
        patch: {
          trigger: { downThreshold: 0.04 },
          guardrails: { maxOrdersPerDay: null },
          sizing: { strategy: 'proportional' },
        },
      }),
    );
    expect(changed.config.trigger.downThreshold).toBe(0.04);
    expect(t.store.portfolios.get(tenant.id, portfolio.id)?.config).toEqual(changed.config);
    const events = t.store.events.listByTenant(tenant.id).slice(before);
    expect(events.map((e) => e.payload)).toEqual([
      {
        scope: 'PORTFOLIO',
        section: 'trigger',
        oldValue: { upThreshold: 0.03, downThreshold: 0.03 },
        newValue: { upThreshold: 0.03, downThreshold: 0.04 },
      },
      {
        scope: 'PORTFOLIO',
        section: 'guardrails',
        oldValue: DEFAULT_STRATEGY_CONFIG.guardrails,
        newValue: { ...DEFAULT_STRATEGY_CONFIG.guardrails, maxOrdersPerDay: null },
      },
    ]);
    const dump = dumpTables(t.db.sqlite);
    value(
      changePortfolioConfig(t.deps, {
        tenantId: tenant.id,
        portfolioId: portfolio.id,
        patch: { trigger: { downThreshold: 0.04 } },
      }),
    );
    expect(dumpTables(t.db.sqlite)).toEqual(dump);
  });

  it("portfolio: a change that breaks a cross-field rule, or a position's merged settings, is refused", () => {
    const { tenant, portfolio, position } = setup();
    const ref = { tenantId: tenant.id, portfolioId: portfolio.id };
    expect(
      changePortfolioConfig(t.deps, { ...ref, patch: { guardrails: { minStockPct: 0.8 } } }),
    ).toMatchObject({
      ok: false,
      code: 'validation',
      message: expect.stringMatching(/Minimum stock share must not be above the maximum stock share/),
    });
    value(
      changePositionConfigOverride(t.deps, {
        tenantId: tenant.id,
        positionId: position.id,
        override: { guardrails: { minStockPct: 0.6 } },
      }),
    );
    expect(
      changePortfolioConfig(t.deps, { ...ref, patch: { guardrails: { maxStockPct: 0.55 } } }),
    ).toMatchObject({
      ok: false,
      code: 'validation',
      message: expect.stringMatching(/position AAPL's settings invalid/),
    });
  });

  it('position: override replaced whole and withholding, with old and new values; effective config merges', () => {
    const { tenant, position } = setup();
    const ref = { tenantId: tenant.id, positionId: position.id };
    const after = value(
      changePositionConfigOverride(t.deps, {
        ...ref,
        override: { trigger: { upThreshold: 0.05 } },
        withholdingPct: 0.3,
      }),
    );
    expect(after).toMatchObject({
      configOverride: { trigger: { upThreshold: 0.05 } },
      withholdingPct: 0.3,
      version: 2,
    });
    expect(value(resolveEffectiveConfig(t.deps, ref)).trigger).toEqual({
      upThreshold: 0.05,
      downThreshold: 0.03,
    });
    value(changePositionConfigOverride(t.deps, { ...ref, override: {} }));
    expect(t.store.positions.get(tenant.id, position.id)?.configOverride).toBeNull();
    const changes = t.store.events
      .listByPosition(tenant.id, position.id)
      .filter((e) => e.type === 'ConfigChanged');
    expect(changes.map((e) => e.payload)).toEqual([
      {
        scope: 'POSITION',
        section: 'override',
        oldValue: null,
        newValue: { trigger: { upThreshold: 0.05 } },
      },
      { scope: 'POSITION', section: 'withholdingPct', oldValue: null, newValue: 0.3 },
      {
        scope: 'POSITION',
        section: 'override',
        oldValue: { trigger: { upThreshold: 0.05 } },
        newValue: null,
      },
    ]);
    expect(value(resolveEffectiveConfig(t.deps, ref))).toEqual({
      ...DEFAULT_STRATEGY_CONFIG,
      execution: { ...DEFAULT_STRATEGY_CONFIG.execution, dividendWithholdingPct: 0.3 },
    });
    expect(ledgerProblems(t.store, tenant.id)).toEqual([]);
  });

  it('commission: set at each level with old and new values; the position resolves the most specific', () => {
    const { tenant, position } = setup();
    const ref = { tenantId: tenant.id, positionId: position.id };
    expect(value(resolveCommissionFor(t.deps, ref))).toEqual({
      rate: 0.0001,
      minimumCents: 0,
      scope: 'GLOBAL',
    });
    value(setCommissionRate(t.deps, { tenantId: tenant.id, scope: 'GLOBAL', rate: 0.0002 }));
    value(
      setCommissionRate(t.deps, { tenantId: tenant.id, scope: 'TENANT', rate: 0.0003, minimumCents: 100 }),
    );
    expect(value(resolveCommissionFor(t.deps, ref))).toEqual({
      rate: 0.0003,
      minimumCents: 100,
      scope: 'TENANT',
    });
    value(
      setCommissionRate(t.deps, { tenantId: tenant.id, scope: 'TENANT_ASSET', symbol: 'aapl', rate: 0.0004 }),
    );
    value(
      setCommissionRate(t.deps, { tenantId: tenant.id, scope: 'TENANT_ASSET', symbol: 'AAPL', rate: 0.0005 }),
    );
    expect(value(resolveCommissionFor(t.deps, ref))).toEqual({
      rate: 0.0005,
      minimumCents: 0,
      scope: 'TENANT_ASSET',
    });
    const payloads = t.store.events
      .listByTenant(tenant.id, { types: ['ConfigChanged'] })
      .map((e) => e.payload)
      .filter((p) => (p as { scope: string }).scope === 'COMMISSION');
    expect(
      payloads.map((p) => [
        (p as { section: string }).section,
        (p as { oldValue: { rate: number } | null }).oldValue?.rate ?? null,
        (p as { newValue: { rate: number } }).newValue.rate,
      ]),
    ).toEqual([
      ['GLOBAL', null, 0.0002],
      ['TENANT', null, 0.0003],
      ['TENANT_ASSET:AAPL', null, 0.0004],
      ['TENANT_ASSET:AAPL', 0.0004, 0.0005],
    ]);
    // another tenant sees the global rate only
    const other = setup('Carol');
    expect(
      value(resolveCommissionFor(t.deps, { tenantId: other.tenant.id, positionId: other.position.id })),
    ).toEqual({
      rate: 0.0002,
      minimumCents: 0,
      scope: 'GLOBAL',
    });
  });
});

describe('bad input: a clear error, and nothing changes (dump of all tables before/after)', () => {
  it.each(['validation', 'not_found', 'conflict', 'insufficient_funds'] as const)('%s cases', (code) => {
    const a = setup('A');
    const b = setup('B');
    const A = a.tenant.id;
    const pos = { tenantId: A, positionId: a.position.id };
    const bPos = { tenantId: A, positionId: b.position.id };
    type Case = [string, () => Result<unknown>, RegExp];
    const cases: Record<typeof code, Case[]> = {
      validation: [
        ['createTenant without a name', () => createTenant(t.deps, { name: '  ' }), /Name must not be empty/],
        ['createTenant with a number', () => createTenant(t.deps, { name: 5 as never }), /Name must be text/],
        [
          'createTenant with an extra field',
          () => createTenant(t.deps, { name: 'x', admin: true } as never),
          /Unknown field "admin"/,
        ],
        [
          'createTenant with nothing',
          () => createTenant(t.deps, undefined as never),
          /The request must be an object/,
        ],
        [
          'createPortfolio bad currency',
          () => createPortfolio(t.deps, { tenantId: A, name: 'x', baseCurrency: 'usd' }),
          /3-letter ISO code/,
        ],
        [
          'createPortfolio unknown config field',
          () => createPortfolio(t.deps, { tenantId: A, name: 'x', config: { trigger: { up: 1 } } as never }),
          /Unknown field "config.trigger.up"/,
        ],
        [
          'createPortfolio threshold out of range',
          () =>
            createPortfolio(t.deps, { tenantId: A, name: 'x', config: { trigger: { downThreshold: 1.5 } } }),
          /^Down threshold must be between 0\.1 % and 50 %$/,
        ],
        [
          'createPortfolio lot not a multiple of step',
          () =>
            createPortfolio(t.deps, {
              tenantId: A,
              name: 'x',
              config: { orderPolicy: { qtyStep: 10, lotSize: 15 } },
            }),
          /Lot size must be a multiple of the quantity step/,
        ],
        [
          'createPosition negative cash',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: -5,
            }),
          /^Initial cash must be between \$0 and \$1,000,000,000, with at most 2 decimals \(cents\)$/,
        ],
        [
          'createPosition NaN cash',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: NaN,
            }),
          /Initial cash must be between/,
        ],
        [
          'createPosition 3 decimals',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: 10.005,
            }),
          /at most 2 decimals/,
        ],
        [
          'createPosition cash as text',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: '100' as never,
            }),
          /Initial cash must be/,
        ],
        [
          'createPosition nothing at all',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: 0,
            }),
          /needs initial cash or shares already held/,
        ],
        [
          'createPosition bad symbol',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'A B',
              initialCash: 1,
            }),
          /Symbol must be 1–15 letters/,
        ],
        [
          'createPosition negative shares',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: 1,
              existingShares: -1,
            }),
          /Shares held must be between 0 and 1,000,000,000 shares/,
        ],
        [
          'createPosition pct > 1',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: 1,
              initialStockPct: 1.2,
            }),
          /^Initial stock share must be between 0 % and 100 %$/,
        ],
        [
          'deposit zero',
          () => depositCash(t.deps, { ...pos, amount: 0 }),
          /^Amount must be between \$0.01 and \$1,000,000,000, with at most 2 decimals \(cents\)$/,
        ],
        ['deposit negative', () => depositCash(t.deps, { ...pos, amount: -1 }), /Amount must be between/],
        ['deposit NaN', () => depositCash(t.deps, { ...pos, amount: NaN }), /Amount must be between/],
        [
          'deposit Infinity',
          () => depositCash(t.deps, { ...pos, amount: Infinity }),
          /Amount must be between/,
        ],
        ['deposit too precise', () => depositCash(t.deps, { ...pos, amount: 0.001 }), /at most 2 decimals/],
        ['deposit absurd', () => depositCash(t.deps, { ...pos, amount: 1e15 }), /Amount must be between/],
        [
          'withdraw as string',
          () => withdrawCash(t.deps, { ...pos, amount: '5' as never }),
          /Amount must be/,
        ],
        [
          'withdraw empty id',
          () => withdrawCash(t.deps, { tenantId: A, positionId: '', amount: 5 }),
          /Position id must not be empty/,
        ],
        [
          'withdraw id as number',
          () => withdrawCash(t.deps, { tenantId: A, positionId: 7 as never, amount: 5 }),
          /Position id must be a string id/,
        ],
        [
          'setAnchor zero',
          () => setAnchor(t.deps, { ...pos, anchor: 0, by: 'me', why: 'x' }),
          /^Anchor must be between \$0.0001 and \$10,000,000, with at most 4 decimals$/,
        ],
        [
          'setAnchor NaN',
          () => setAnchor(t.deps, { ...pos, anchor: NaN, by: 'me', why: 'x' }),
          /^Anchor must be between \$0.0001 and \$10,000,000, with at most 4 decimals$/,
        ],
        [
          'setAnchor no why',
          () => setAnchor(t.deps, { ...pos, anchor: 5, by: 'me', why: '' }),
          /Why must say why/,
        ],
        [
          'setAnchor no who',
          () => setAnchor(t.deps, { ...pos, anchor: 5, by: '', why: 'x' }),
          /Who acts must be named/,
        ],
        ['pause without by', () => pausePosition(t.deps, { ...pos } as never), /Who acts must be text/],
        [
          'position override unknown field',
          () => changePositionConfigOverride(t.deps, { ...pos, override: { sizing: { ratio: 2 } } as never }),
          /Unknown field "override.sizing.ratio"/,
        ],
        [
          'position override breaking the band',
          () =>
            changePositionConfigOverride(t.deps, { ...pos, override: { guardrails: { minStockPct: 0.9 } } }),
          /Minimum stock share must not be above the maximum stock share/,
        ],
        [
          'position override nothing to change',
          () => changePositionConfigOverride(t.deps, { ...pos }),
          /Nothing to change/,
        ],
        [
          'position withholding > 1',
          () => changePositionConfigOverride(t.deps, { ...pos, withholdingPct: 2 }),
          /^Dividend withholding must be between 0 % and 100 %$/,
        ],
        [
          'portfolio config wrong type',
          () =>
            changePortfolioConfig(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              patch: { trigger: { upThreshold: '0.1' } } as never,
            }),
          /^Up threshold must be between 0\.1 % and 100 %$/,
        ],
        [
          'commission negative rate',
          () => setCommissionRate(t.deps, { tenantId: A, scope: 'TENANT', rate: -0.1 }),
          /^Commission rate must be between 0 % and 10 %$/,
        ],
        [
          'commission NaN rate',
          () => setCommissionRate(t.deps, { tenantId: A, scope: 'TENANT', rate: NaN }),
          /^Commission rate must be between 0 % and 10 %$/,
        ],
        [
          'commission fractional minimum',
          () => setCommissionRate(t.deps, { tenantId: A, scope: 'TENANT', rate: 0.1, minimumCents: 1.5 }),
          /^Minimum commission must be between \$0 and \$1,000,000,000, with at most 2 decimals \(cents\)$/,
        ],
        [
          'commission asset without symbol',
          () => setCommissionRate(t.deps, { tenantId: A, scope: 'TENANT_ASSET', rate: 0.001 }),
          /A symbol is required for a per-symbol rate/,
        ],
        [
          'commission tenant with symbol',
          () => setCommissionRate(t.deps, { tenantId: A, scope: 'TENANT', symbol: 'AAPL', rate: 0.001 }),
          /A symbol is required for a per-symbol rate/,
        ],
        [
          'commission unknown scope',
          () => setCommissionRate(t.deps, { tenantId: A, scope: 'ASSET' as never, rate: 0.001 }),
          /Commission level must be GLOBAL, TENANT or TENANT_ASSET/,
        ],
        [
          'resolve config bad id',
          () => resolveEffectiveConfig(t.deps, { tenantId: A, positionId: null as never }),
          /Position id must be a string id/,
        ],
        [
          'resolve commission bad tenant',
          () => resolveCommissionFor(t.deps, { tenantId: {} as never, positionId: 'x' }),
          /Tenant id must be a string id/,
        ],
      ],
      not_found: [
        [
          'createPortfolio unknown tenant',
          () => createPortfolio(t.deps, { tenantId: 'nobody', name: 'x' }),
          /tenant nobody not found/,
        ],
        [
          "createPosition in B's portfolio",
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: b.portfolio.id,
              symbol: 'KO',
              initialCash: 1,
            }),
          /portfolio .* not found/,
        ],
        [
          "deposit to B's position",
          () => depositCash(t.deps, { ...bPos, amount: 1 }),
          /position .* not found/,
        ],
        [
          "withdraw from B's position",
          () => withdrawCash(t.deps, { ...bPos, amount: 1 }),
          /position .* not found/,
        ],
        [
          'deposit unknown position',
          () => depositCash(t.deps, { tenantId: A, positionId: 'nope', amount: 1 }),
          /position nope not found/,
        ],
        [
          "setAnchor on B's position",
          () => setAnchor(t.deps, { ...bPos, anchor: 5, by: 'me', why: 'x' }),
          /not found/,
        ],
        ["pause B's position", () => pausePosition(t.deps, { ...bPos, by: 'me' }), /not found/],
        ["resume B's position", () => resumePosition(t.deps, { ...bPos, by: 'me' }), /not found/],
        ["close B's position", () => closePosition(t.deps, { ...bPos, by: 'me' }), /not found/],
        [
          "change B's portfolio config",
          () =>
            changePortfolioConfig(t.deps, {
              tenantId: A,
              portfolioId: b.portfolio.id,
              patch: { trigger: { upThreshold: 0.1 } },
            }),
          /not found/,
        ],
        [
          "change B's position override",
          () => changePositionConfigOverride(t.deps, { ...bPos, override: null }),
          /not found/,
        ],
        [
          'commission for unknown tenant',
          () => setCommissionRate(t.deps, { tenantId: 'nobody', scope: 'TENANT', rate: 0.001 }),
          /tenant nobody not found/,
        ],
        ["resolve config of B's position", () => resolveEffectiveConfig(t.deps, bPos), /not found/],
        ["resolve commission of B's position", () => resolveCommissionFor(t.deps, bPos), /not found/],
        [
          "B's position under B's tenant id but a wrong portfolio",
          () =>
            createPosition(t.deps, {
              tenantId: b.tenant.id,
              portfolioId: a.portfolio.id,
              symbol: 'KO',
              initialCash: 1,
            }),
          /not found/,
        ],
      ],
      conflict: [
        [
          'duplicate symbol',
          () =>
            createPosition(t.deps, {
              tenantId: A,
              portfolioId: a.portfolio.id,
              symbol: 'AAPL',
              initialCash: 1,
            }),
          /already has an open AAPL position/,
        ],
        [
          'resume an active position',
          () => resumePosition(t.deps, { ...pos, by: 'me' }),
          /cannot become ACTIVE/,
        ],
      ],
      insufficient_funds: [
        [
          'overdraft by a cent',
          () => withdrawCash(t.deps, { ...pos, amount: 50_000.01 }),
          /Cannot withdraw \$50,000.01: AAPL has \$50,000.00 in cash/,
        ],
      ],
    };
    for (const [name, run, message] of cases[code]) {
      const before = dumpTables(t.db.sqlite);
      const result = run();
      expect(result, name).toMatchObject({ ok: false, code });
      expect(result.ok ? '' : result.message, name).toMatch(message);
      expect(dumpTables(t.db.sqlite), name).toEqual(before);
    }
    expect(ledgerProblems(t.store, A)).toEqual([]);
    expect(ledgerProblems(t.store, b.tenant.id)).toEqual([]);
  });
});
