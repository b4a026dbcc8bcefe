import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortfolioDto, PositionDto } from '../../../shared/ipc/dto/ledger';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

/**
 * Issue 19: numbers that are valid JSON numbers but absurd are refused behind the contract, with a
 * message in the person's units (shared/domain/InputLimits.ts), and change nothing.
 */
describe('absurd but valid numbers behind the IPC contract', () => {
  let t: TestIpc;
  let portfolioId: string;
  let position: PositionDto;
  beforeEach(async () => {
    t = await openTestIpc();
    portfolioId = ((await t.call('portfolio.createPortfolio', { name: 'Core' })).value as PortfolioDto).id;
    position = (await t.call('position.createPosition', { portfolioId, symbol: 'KO', initialCash: 10_000 }))
      .value as PositionDto;
  });
  afterEach(async () => {
    await t.close();
  });

  it.each([
    ['position.setAnchor', { anchor: 5e-324 }, /\$0\.0001/],
    ['position.setAnchor', { anchor: 1e300 }, /\$10,000,000/],
    ['position.depositCash', { amount: 1e300 }, /\$1,000,000,000/],
    ['position.depositCash', { amount: 5e-324 }, /cent|\$0\.01/],
    ['position.withdrawCash', { amount: 1e15 }, /\$1,000,000,000/],
  ] as const)('%s %j is refused in dollars', async (channel, input, words) => {
    const before = (await t.call('position.getPosition', { positionId: position.id })).value;
    const r = await t.call(channel, { positionId: position.id, ...input });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(words);
    expect(r.ok ? '' : r.message).not.toMatch(/e-324|e\+?300|1e15/);
    expect((await t.call('position.getPosition', { positionId: position.id })).value).toEqual(before);
  });

  it.each([
    [{ symbol: 'KO', initialCash: 1e300 }, /\$1,000,000,000/],
    [{ symbol: 'KO', initialCash: 1_000, existingShares: 1e300 }, /shares/],
    [{ symbol: 'NOSUCHSYMBOLX', initialCash: 1_000 }, /NOSUCHSYMBOLX/],
  ])('a new position %j is refused', async (input, words) => {
    const r = await t.call('position.createPosition', { portfolioId, ...input });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(words);
  });
});
