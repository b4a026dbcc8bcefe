import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as ledger from '../../shared/application/ledger';
import { ulidGenerator } from '../../shared/ports/IdGenerator';
import { SystemClock } from '../adapters/clock/Timers';
import { databaseFileFor } from '../composition/createBackend';
import { createStore } from '../db/createStore';
import { openDatabase } from '../db/openDatabase';
import { captureCli } from './testing/captureCli';

/** `vb halts` (SPEC 9, issue 17): the halt state of each portfolio, and `--resume` after a circuit breaker. */
const dir = mkdtempSync(path.join(tmpdir(), 'vb-halts-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const vb = (...args: string[]) => captureCli([...args, '--data-dir', dir]);

async function haltedPortfolio(): Promise<string> {
  const db = await openDatabase({ file: databaseFileFor(dir, 'replay') });
  try {
    const clock = new SystemClock();
    const ids = ulidGenerator(clock);
    const store = createStore(db, { ids, clock });
    const deps = { ...store, clock, ids };
    const tenant = ledger.createTenant(deps, { name: 'Investor' });
    if (!tenant.ok) throw new Error(tenant.message);
    const portfolio = ledger.createPortfolio(deps, { tenantId: tenant.value.id, name: 'Core', config: {} });
    if (!portfolio.ok) throw new Error(portfolio.message);
    store.uow.transaction(() =>
      store.events.append(tenant.value.id, [
        {
          type: 'TradingHalted',
          tenantId: tenant.value.id,
          portfolioId: portfolio.value.id,
          positionId: null,
          symbol: null,
          ts: clock.now(),
          correlationId: 'tick-1',
          payload: {
            reason: 'max_drawdown',
            scope: 'all',
            session: '2024-06-04',
            equityCents: 85_000_00,
            referenceCents: 100_000_00,
            limitPct: 0.1,
          },
        },
      ]),
    );
    return portfolio.value.id;
  } finally {
    db.close();
  }
}

describe('vb halts', () => {
  it('lists the halt with its reason in words, resumes it, and refuses a second resume (exit 2)', async () => {
    const portfolioId = await haltedPortfolio();
    const listed = await vb('halts');
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(/Core\s+\S+\s+halted \(circuit breaker\)/);
    expect(listed.out).toContain(
      'equity $85,000.00 is 15.00 % below the peak $100,000.00 (the max-drawdown circuit breaker is 10 %)',
    );

    const json = await vb('halts', '--json');
    expect(json.err).toBe('');
    expect(JSON.parse(json.out)).toEqual([
      expect.objectContaining({ portfolioId, name: 'Core', state: 'halted', reason: 'max_drawdown' }),
    ]);

    const resumed = await vb('halts', '--resume', portfolioId, '--why', 'checked the news', '--json');
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toMatch(/^resumed /);
    expect(JSON.parse(resumed.out)).toEqual([expect.objectContaining({ state: 'trading', reason: null })]);

    const again = await vb('halts', '--resume', portfolioId);
    expect(again.code).toBe(2);
    expect(again.err).toContain('is not halted: there is nothing to resume');
  });
});
