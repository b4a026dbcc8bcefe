import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetailDto, RunInfoDto } from '../../../shared/ipc/dto/simulation';
import { openTestIpc, type TestIpc } from '../testing/testIpc';

/**
 * The simulation set-up's risk limits over IPC (issue 17, ADR 0155): the request's `config.risk` reaches
 * the run (setupToSpec merges it into the run's config), its stop exits, rejections and halts come back
 * in the result's `riskEvents` and on their trades; a limit out of range is refused with its message in
 * the user's units on its field's path; a set-up without limits has no risk section and no events.
 */
describe('simulation.startSimulation with risk limits', () => {
  let t: TestIpc;
  const setup = {
    symbols: ['KO'],
    from: '2015-01-01',
    to: '2019-12-31',
    initialCash: 10_000,
  };

  beforeAll(async () => {
    t = await openTestIpc();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Starts a run and waits for it to finish; its detail. */
  const run = async (config: object): Promise<RunDetailDto> => {
    const started = await t.call('simulation.startSimulation', { setup: { ...setup, config } });
    expect(started.ok, started.message).toBe(true);
    const runId = (started.value as RunInfoDto).id;
    for (let i = 0; i < 600; i++) {
      const r = await t.call('simulation.getRun', { runId });
      const detail = r.value as RunDetailDto;
      if (detail.run.status !== 'running') return detail;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the run did not finish');
  };

  it('carries a trailing stop to the run: the exit is in riskEvents and on its trade', async () => {
    const detail = await run({ risk: { trailingStopPct: 0.08 } });
    expect(detail.run.status).toBe('done');
    const events = detail.result?.riskEvents ?? [];
    expect(events.map((e) => [e.at, e.symbol, e.kind])).toEqual([['2015-03-11', 'KO', 'trailing_stop']]);
    const exit = detail.result?.trades.find((tr) => tr.seq === events[0]?.tradeSeq);
    expect(exit).toMatchObject({ side: 'SELL', status: 'FILLED', reasons: ['trailing_stop'] });
    expect(exit?.qty).toBe(events[0]?.qty);
    // The stop paused the position: it trades no more after its exit.
    expect(detail.result?.trades.filter((tr) => tr.seq > (exit?.seq ?? 0))).toEqual([]);
  });

  it('refuses a limit out of range on its field, in the user’s units', async () => {
    const r = await t.call('simulation.startSimulation', {
      setup: { ...setup, config: { risk: { trailingStopPct: 1.5, maxOrdersPerMinute: 2.5 } } },
    });
    expect(r).toMatchObject({ ok: false, code: 'validation' });
    expect(r.issues).toEqual(
      expect.arrayContaining([
        {
          path: 'setup.config.risk.trailingStopPct',
          message: 'Trailing stop must be above 0 % and at most 100 % (or off)',
        },
        {
          path: 'setup.config.risk.maxOrdersPerMinute',
          message: expect.stringMatching(/^Orders per minute \(all\) must be a whole number/),
        },
      ]),
    );
  });

  it('a set-up without limits has no risk events', async () => {
    const detail = await run({});
    expect(detail.result?.riskEvents).toEqual([]);
    expect(detail.result?.trades.length).toBeGreaterThan(1);
  });
});
