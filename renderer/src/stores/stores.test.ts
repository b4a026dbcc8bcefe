import { beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationRowDto } from '../../../shared/ipc/dto/events';
import type { IpcClient } from '../lib/ipcClient';
import { setIpcClient } from './client';
import { usePositionsStore } from './positionsStore';
import { useTimelineStore, withArrival } from './timelineStore';
import { useToastStore } from './toastStore';

function row(
  id: string,
  positionId = 'p1',
  action: EvaluationRowDto['evaluation']['action'] = 'HOLD',
): EvaluationRowDto {
  return {
    id,
    positionId,
    symbol: 'AAPL',
    ts: 1,
    recordedAt: 1,
    tickId: 't',
    evaluation: {
      session: 'REGULAR',
      pricePolicy: 'MID',
      priceEffective: 100,
      priceSource: null,
      priceFallback: null,
      quote: null,
      trigger: null,
      rawQty: null,
      finalQty: 0,
      reasons: ['no_trigger'],
      steps: [],
      action,
      orderId: null,
      deltas: null,
      detail: null,
    },
  };
}

/** A client whose answers the test scripts per channel; calls are recorded. */
function fakeClient(answers: Record<string, (req: unknown) => unknown>) {
  const calls: { channel: string; request: unknown }[] = [];
  const client: IpcClient = {
    invoke: (channel, request) => {
      calls.push({ channel, request });
      const answer = answers[channel];
      return Promise.resolve(
        (answer ? answer(request) : { ok: false, code: 'internal', message: 'no answer' }) as never,
      );
    },
    subscribe: () => () => undefined,
    onConnection: () => () => undefined,
    downloadUrl: () => null,
  };
  return { client, calls };
}

describe('timeline store', () => {
  beforeEach(() => {
    const pages: Record<string, { items: EvaluationRowDto[]; nextCursor: string | null }> = {
      first: { items: [row('e9'), row('e8')], nextCursor: 'c1' },
      c1: { items: [row('e7')], nextCursor: null },
    };
    const { client } = fakeClient({
      'timeline.listEvaluations': (req) => ({
        ok: true,
        value: { ...pages[(req as { cursor?: string }).cursor ?? 'first'], total: null },
      }),
    });
    setIpcClient(client);
  });

  it('pages from the server and stops at the end', async () => {
    const store = useTimelineStore.getState();
    await store.open('p1');
    expect(useTimelineStore.getState().items.map((r) => r.id)).toEqual(['e9', 'e8']);
    expect(useTimelineStore.getState().firstPageMs).not.toBeNull();
    await useTimelineStore.getState().loadMore();
    expect(useTimelineStore.getState().items.map((r) => r.id)).toEqual(['e9', 'e8', 'e7']);
    expect(useTimelineStore.getState().nextCursor).toBeNull();
  });

  it('puts pushed rows on top when the list shows its top, holds them otherwise, and drops duplicates', async () => {
    await useTimelineStore.getState().open('p1');
    useTimelineStore.getState().received(row('e10'));
    useTimelineStore.getState().received(row('e10'));
    useTimelineStore.getState().received(row('x1', 'other'));
    expect(useTimelineStore.getState().items.map((r) => r.id)).toEqual(['e10', 'e9', 'e8']);
    useTimelineStore.getState().setAtTop(false);
    useTimelineStore.getState().received(row('e11'));
    expect(useTimelineStore.getState().pending.map((r) => r.id)).toEqual(['e11']);
    useTimelineStore.getState().setAtTop(true);
    expect(useTimelineStore.getState().items[0]?.id).toBe('e11');
    expect(useTimelineStore.getState().pending).toEqual([]);
  });

  it('keeps only trades when filtered, and toggles rows open', async () => {
    await useTimelineStore.getState().open('p1', 'trades');
    useTimelineStore.getState().received(row('h1'));
    useTimelineStore.getState().received(row('b1', 'p1', 'BUY'));
    expect(useTimelineStore.getState().items[0]?.id).toBe('b1');
    useTimelineStore.getState().toggle('b1');
    expect(useTimelineStore.getState().expanded).toEqual({ b1: true });
    useTimelineStore.getState().toggle('b1');
    expect(useTimelineStore.getState().expanded).toEqual({});
  });
});

describe('positions store', () => {
  it('returns the backend’s field issues for a refused form, and merges accepted positions', async () => {
    const { client, calls } = fakeClient({
      'position.createPosition': (req) =>
        (req as { initialCash: number }).initialCash < 0
          ? {
              ok: false,
              code: 'validation',
              message: 'initialCash must be…',
              issues: [{ path: 'initialCash', message: 'initialCash must be…' }],
            }
          : { ok: true, value: { id: 'p2', symbol: 'KO' } },
      'position.pausePosition': () => ({ ok: true, value: { id: 'p2', symbol: 'KO', status: 'PAUSED' } }),
    });
    setIpcClient(client);
    const refused = await usePositionsStore
      .getState()
      .create({ portfolioId: 'pf', symbol: 'KO', initialCash: -1 });
    expect(refused).toEqual({
      ok: false,
      message: 'initialCash must be…',
      issues: [{ path: 'initialCash', message: 'initialCash must be…' }],
    });
    expect(
      await usePositionsStore.getState().create({ portfolioId: 'pf', symbol: 'KO', initialCash: 5 }),
    ).toEqual({ ok: true });
    expect(usePositionsStore.getState().positions.map((p) => p.id)).toEqual(['p2']);
    await usePositionsStore.getState().pause('p2');
    expect(usePositionsStore.getState().positions[0]?.status).toBe('PAUSED');
    expect(usePositionsStore.getState().busy).toEqual({});
    expect(calls.map((c) => c.channel)).toEqual([
      'position.createPosition',
      'position.createPosition',
      'position.pausePosition',
    ]);
  });
});

describe('toasts', () => {
  // Three at most: their stack in the page's corner stays clear of the page header (issue 15 layout).
  it('keeps the latest three notifications', () => {
    for (let i = 0; i < 7; i++) {
      useToastStore
        .getState()
        .add({ kind: 'fill', title: `t${i}`, body: '', positionId: null, symbol: null, at: i });
    }
    expect(useToastStore.getState().toasts.map((t) => t.title)).toEqual(['t6', 't5', 't4']);
  });
});

describe('the timeline merges a pushed closed-market HOLD into the closed period on top', () => {
  const row = (id: string, ts: number, closed: boolean): EvaluationRowDto =>
    ({
      id,
      positionId: 'p',
      symbol: 'KO',
      ts,
      recordedAt: ts,
      tickId: String(ts),
      evaluation: {
        action: 'HOLD',
        reasons: closed ? ['market_closed'] : ['no_trigger'],
      },
    }) as unknown as EvaluationRowDto;

  it('joins a closed HOLD to the closed row on top, and puts anything else on top', () => {
    const one = withArrival([row('a', 1, true)], row('b', 2, true));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ id: 'b', collapsed: { count: 2, fromTs: 1 } });
    const two = withArrival(one, row('c', 3, true));
    expect(two[0]).toMatchObject({ id: 'c', collapsed: { count: 3, fromTs: 1 } });
    const open = withArrival(two, row('d', 4, false));
    expect(open.map((r) => r.id)).toEqual(['d', 'c']);
    expect(withArrival(open, row('e', 5, true)).map((r) => r.id)).toEqual(['e', 'd', 'c']);
  });
});
