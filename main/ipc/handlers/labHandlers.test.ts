import { describe, expect, it } from 'vitest';
import { compareRequestSchema } from '../../../shared/ipc/dto/lab';
import type { HandlerDeps } from './HandlerDeps';
import { labHandlers } from './labHandlers';

/** The app's compare with the form's risk limits (SPEC 9): every strategy obeys them, counted per row. */
describe('lab.compareStrategies', () => {
  const compare = labHandlers({ host: {} } as unknown as HandlerDeps)['lab.compareStrategies'];
  const request = (risk?: object) =>
    compareRequestSchema.parse({
      symbols: ['KO'],
      from: '2008-01-01',
      to: '2012-12-31',
      initialCash: 10_000,
      strategies: [
        { id: 'macd', params: [] },
        { id: 'buy_and_hold', params: [] },
      ],
      ...(risk === undefined ? {} : { risk }),
    });

  it('without limits nothing is rejected or exited', async () => {
    const out = await compare(request(), {} as never);
    if (!out.ok) throw new Error(out.message);
    expect(out.value.rows.map((r) => [r.rejected, r.riskExits])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  }, 60_000);

  it('a trailing stop exits once per position and pauses it; a share limit rejects the buys', async () => {
    const stopped = await compare(request({ trailingStopPct: 0.05 }), {} as never);
    if (!stopped.ok) throw new Error(stopped.message);
    expect(stopped.value.rows.map((r) => r.riskExits)).toEqual([1, 1]);
    const limited = await compare(request({ maxPositionQty: 10 }), {} as never);
    if (!limited.ok) throw new Error(limited.message);
    for (const r of limited.value.rows) {
      expect(r.markers).toEqual([]);
      expect(r.rejected).toBeGreaterThan(0);
    }
  }, 60_000);

  it("a drawdown circuit breaker halts each strategy's run after its first loss", async () => {
    const free = await compare(request(), {} as never);
    const halted = await compare(request({ maxDrawdownPct: 0.001 }), {} as never);
    if (!free.ok || !halted.ok) throw new Error('compare failed');
    const macd = (r: typeof free) => (r.ok ? (r.value.rows[0]?.markers.length ?? 0) : 0);
    expect(macd(free)).toBeGreaterThan(10);
    expect(macd(halted)).toBeLessThanOrEqual(2);
  }, 60_000);

  it('refuses a limit out of range in the user units', () => {
    const parsed = compareRequestSchema.safeParse({ ...request(), risk: { trailingStopPct: 2 } });
    expect(parsed.success).toBe(false);
  });
});
