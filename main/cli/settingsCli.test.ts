import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSettingsDatabase } from './settingsDatabase';
import { captureCli } from './testing/captureCli';

/**
 * `vb settings`, `vb dead-letters`, `vb dividend` on a real data folder (issue 15): the same use cases as
 * the app, each change a ConfigChanged event; bad values exit 2 with one sentence in the user's units.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'vb-settings-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const vb = (...args: string[]) => captureCli([...args, '--data-dir', dir]);

describe('vb settings', () => {
  it('sets commission rates, slippage, price policy and withholding, and shows them as text and JSON', async () => {
    const set = await vb('settings', 'set', '--commission-rate', '0.02%', '--commission-minimum', '1');
    expect(set.code, set.err).toBe(0);
    expect(set.out).toMatch(/Commission \(every account\)\s+0\.02 %, at least \$1\.00 an order/);
    expect(
      (await vb('settings', 'set', '--level', 'symbol', '--symbol', 'ko', '--commission-rate', '0.0005'))
        .code,
    ).toBe(0);
    expect(
      (await vb('settings', 'set', '--slippage-bps', '2.5', '--price-policy', 'last', '--withholding', '15%'))
        .code,
    ).toBe(0);

    const shown = await vb('settings', 'show', '--json');
    expect(shown.err).toBe('');
    const json = JSON.parse(shown.out) as Record<string, unknown>;
    expect(json).toMatchObject({
      commission: {
        global: { rate: 0.0002, minimumCents: 100 },
        tenant: null,
        symbols: [{ symbol: 'KO', rate: 0.0005, minimumCents: 0 }],
      },
      paperSlippageBps: 2.5,
      paperSlippageIsDefault: false,
    });

    const removed = await vb(
      'settings',
      'remove-commission',
      '--level',
      'symbol',
      '--symbol',
      'KO',
      '--json',
    );
    expect(removed.code, removed.err).toBe(0);
    expect(JSON.parse(removed.out)).toMatchObject({ commission: { symbols: [] } });

    // Stored in the data folder's database, where the app reads it.
    const db = await openSettingsDatabase(dir, 'replay');
    try {
      expect(db.settings.trading().paper.paperSlippageBps).toBe(2.5);
    } finally {
      db.close();
    }
  });

  it('refuses what cannot be set, with one sentence and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['settings', 'set', '--commission-rate', '20%'],
        /--commission-rate "20%": must be at least 0% and at most 10%/,
      ],
      [
        ['settings', 'set', '--slippage-bps', '5000'],
        /--slippage-bps "5000": must be at least 0 and at most 1000/,
      ],
      [['settings', 'set'], /nothing to change/],
      [
        ['settings', 'set', '--level', 'symbol', '--commission-rate', '0.01%'],
        /--level symbol needs --symbol/,
      ],
      [['settings', 'set', '--commission-minimum', '1'], /--commission-minimum goes with --commission-rate/],
      [['settings', 'remove-commission'], /There is no account commission rate to remove/],
      [
        ['dividend', 'add', '--symbol', 'MSFT', '--ex-date', '2024-06-14', '--amount', '0.5'],
        /No position holds MSFT/,
      ],
      [['dividend', 'add', '--symbol', 'KO'], /dividend add needs --ex-date, --amount/],
      [['dead-letters', '--requeue', 'NOSUCHINTENT'], /There is no order intent NOSUCHINTENT/],
    ];
    for (const [args, message] of cases) {
      const r = await vb(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out).toBe('');
    }
  });

  it('lists an empty dead-letter queue', async () => {
    const r = await vb('dead-letters');
    expect(r).toMatchObject({ code: 0, out: 'No failed orders: the dead-letter queue is empty.\n' });
    expect(JSON.parse((await vb('dead-letters', '--json')).out)).toEqual([]);
  });
});
