import { describe, expect, it } from 'vitest';
import { checkSymbol } from '../../../shared/application/ledger/checkSymbol';
import { ScriptedMarketData } from '../marketData/ScriptedMarketData';
import { ProviderSymbolDirectory } from './ProviderSymbolDirectory';

const clock = { now: () => 1_700_000_000_000 };
const provider = (name = 'yahoo') =>
  new ScriptedMarketData({
    clock,
    name,
    script: { NVDA: [{ at: clock.now() - 60_000, bid: 120.1, ask: 120.3, last: 120.2 }] },
    failures: { IBM: 'throw', ZZZZ: 'throw' },
  });
const directory = (marketData: ScriptedMarketData | null) =>
  new ProviderSymbolDirectory({
    marketData,
    bundledSymbols: async () => ['AAPL', 'IBM', 'KO'],
    timeoutMs: 1000,
  });

describe('symbols are checked before a position opens', () => {
  const rows = [
    {
      name: 'quoted by the provider: known, with its price',
      symbol: 'NVDA',
      expected: { kind: 'known', source: 'yahoo', lastPrice: 120.2, lastPriceAt: clock.now() - 60_000 },
    },
    {
      name: 'not quoted but bundled: known from the bundled data',
      symbol: 'KO',
      expected: { kind: 'known', source: 'bundled', lastPrice: null },
    },
    {
      name: 'provider down but bundled: known from the bundled data',
      symbol: 'IBM',
      expected: { kind: 'known', source: 'bundled' },
    },
    {
      name: 'unknown to both',
      symbol: 'XYZQ',
      expected: { kind: 'unknown', hint: 'neither Yahoo Finance nor the bundled data has it' },
    },
    {
      name: 'provider down and not bundled: could not be checked',
      symbol: 'ZZZZ',
      expected: { kind: 'unavailable', message: expect.stringMatching(/^Yahoo Finance could not be asked/) },
    },
  ];
  it.each(rows)('$name', async ({ symbol, expected }) => {
    expect(await directory(provider()).lookup(symbol)).toMatchObject({ symbol, ...expected });
  });

  it('keeps the quote it got in the quote log', async () => {
    const kept: unknown[] = [];
    const d = new ProviderSymbolDirectory({
      marketData: provider(),
      bundledSymbols: async () => [],
      record: (entry) => kept.push(entry),
    });
    await d.lookup('NVDA');
    await d.lookup('XYZQ');
    expect(kept).toEqual([
      {
        symbol: 'NVDA',
        ts: clock.now() - 60_000,
        bid: 120.1,
        ask: 120.3,
        last: 120.2,
        source: 'yahoo',
        tickId: null,
      },
    ]);
  });

  it('the demo trades the bundled symbols only; offline, the bundled data decides', async () => {
    expect(await directory(provider('replay')).lookup('XYZQ')).toMatchObject({
      kind: 'unknown',
      hint: 'the demo trades the bundled symbols only',
    });
    expect(await directory(null).lookup('AAPL')).toMatchObject({ kind: 'known', source: 'bundled' });
    expect(await directory(null).lookup('NVDA')).toMatchObject({ kind: 'unknown' });
  });

  it('words the refusal for the symbol field', async () => {
    expect(await checkSymbol(directory(provider()), ' nvda ')).toMatchObject({
      ok: true,
      value: { symbol: 'NVDA' },
    });
    expect(await checkSymbol(directory(provider('replay')), 'XYZQ')).toEqual({
      ok: false,
      code: 'validation',
      message: 'Unknown symbol "XYZQ": the demo trades the bundled symbols only. Check the ticker.',
      issues: [
        {
          path: 'symbol',
          message: 'Unknown symbol "XYZQ": the demo trades the bundled symbols only. Check the ticker.',
        },
      ],
    });
    expect(await checkSymbol(directory(provider()), 'ZZZZ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Could not check the symbol "ZZZZ": .*Try again/),
    });
    expect(await checkSymbol(directory(provider()), 'A B')).toMatchObject({
      ok: false,
      issues: [{ path: 'symbol', message: expect.stringMatching(/^Symbol must be 1–15 letters/) }],
    });
  });
});
