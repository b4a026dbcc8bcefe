import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationPayload } from '../../shared/domain/DomainEvent';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

/** A quote a minute before every instant asked for: the provider always answers freshly. */
function freshQuotes(instants: number[]) {
  return instants.map((t) => ({ at: t - MIN, bid: 99.99, ask: 100.01, last: 100 }));
}

async function evaluateAt(
  h: Harness,
  at: number,
  positionIds: string[],
): Promise<{ symbolsQuoted: number; payloads: EvaluationPayload[] }> {
  h.clock.set(at);
  const result = await h.tick();
  const payloads = positionIds.map((id) => {
    const e = h
      .events(id)
      .filter((x) => x.type === 'EvaluationEvent')
      .at(-1);
    if (!e || e.type !== 'EvaluationEvent') throw new Error('no evaluation');
    return e.payload;
  });
  return { symbolsQuoted: result.symbolsQuoted, payloads };
}

describe('the calendar in the loop', () => {
  let h: Harness;
  afterEach(() => h?.close());

  const cases: { name: string; at: number; session: string; plain: string; extended: string }[] = [
    { name: 'Saturday', at: ny('2024-06-08', 12, 0), session: 'CLOSED', plain: 'HOLD', extended: 'HOLD' },
    {
      name: 'Independence Day (holiday, a Thursday)',
      at: ny('2024-07-04', 11, 0),
      session: 'CLOSED',
      plain: 'HOLD',
      extended: 'HOLD',
    },
    {
      name: 'early close: 12:55 still regular',
      at: ny('2024-07-03', 12, 55),
      session: 'REGULAR',
      plain: 'BUY',
      extended: 'BUY',
    },
    {
      name: 'early close: 13:00 is extended',
      at: ny('2024-07-03', 13, 0),
      session: 'EXTENDED',
      plain: 'HOLD',
      extended: 'BUY',
    },
    {
      name: 'early close: extended ends at 17:00',
      at: ny('2024-07-03', 17, 0),
      session: 'CLOSED',
      plain: 'HOLD',
      extended: 'HOLD',
    },
    {
      name: 'pre-market 08:00',
      at: ny('2024-06-03', 8, 0),
      session: 'EXTENDED',
      plain: 'HOLD',
      extended: 'BUY',
    },
    {
      name: 'after-hours 19:55',
      at: ny('2024-06-03', 19, 55),
      session: 'EXTENDED',
      plain: 'HOLD',
      extended: 'BUY',
    },
    { name: 'night 20:00', at: ny('2024-06-03', 20, 0), session: 'CLOSED', plain: 'HOLD', extended: 'HOLD' },
    // 13:30 UTC is 08:30 in New York before the DST switch (Fri 8 March) and 09:30 after it (Mon 11 March).
    {
      name: 'DST: 13:30 UTC on Fri 2024-03-08',
      at: Date.UTC(2024, 2, 8, 13, 30),
      session: 'EXTENDED',
      plain: 'HOLD',
      extended: 'BUY',
    },
    {
      name: 'DST: 13:30 UTC on Mon 2024-03-11',
      at: Date.UTC(2024, 2, 11, 13, 30),
      session: 'REGULAR',
      plain: 'BUY',
      extended: 'BUY',
    },
    // And back: 14:25 UTC is 10:25 on Fri 1 November and 09:25 on Mon 4 November 2024.
    {
      name: 'DST end: 14:25 UTC on Fri 2024-11-01',
      at: Date.UTC(2024, 10, 1, 14, 25),
      session: 'REGULAR',
      plain: 'BUY',
      extended: 'BUY',
    },
    {
      name: 'DST end: 14:25 UTC on Mon 2024-11-04',
      at: Date.UTC(2024, 10, 4, 14, 25),
      session: 'EXTENDED',
      plain: 'HOLD',
      extended: 'BUY',
    },
  ];

  it.each(cases)('$name: session $session, without extended hours $plain, with them $extended', async (c) => {
    h = await openHarness({ start: c.at, script: { AAPL: freshQuotes([c.at]), KO: freshQuotes([c.at]) } });
    const plain = h.addPosition('AAPL', 10_000);
    const extended = h.addPosition('KO', 10_000, { override: { execution: { allowExtendedHours: true } } });
    const { symbolsQuoted, payloads } = await evaluateAt(h, c.at, [plain.id, extended.id]);
    const [p, x] = payloads as [EvaluationPayload, EvaluationPayload];
    expect(p.session).toBe(c.session);
    expect(p.action).toBe(c.plain);
    expect(x.action).toBe(c.extended);
    if (c.plain === 'HOLD') {
      expect(p.reasons).toEqual(['market_closed']);
      expect(p.quote).toBeNull(); // held without asking the provider: it takes no action
    }
    // Only the symbols that may trade are quoted.
    expect(symbolsQuoted).toBe([c.plain, c.extended].filter((a) => a !== 'HOLD').length);
  });
});
