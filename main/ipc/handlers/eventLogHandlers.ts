import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import type { EventRowDto } from '../../../shared/ipc/dto/events';
import { ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import { describeEvent } from '../mappers/describeEvent';
import { toEvaluationRow } from '../mappers/ledgerDtos';
import { pageNewestFirst } from '../paging';
import { keepOf, queryOf } from './eventFilter';
import type { HandlerDeps } from './HandlerDeps';
import { notFound } from './results';

type Channels = 'timeline.listEvaluations' | 'eventLog.listEvents' | 'eventLog.verifyChain';

export function toEventRow(event: DomainEvent): EventRowDto {
  return {
    id: event.id,
    type: event.type,
    ts: event.ts,
    recordedAt: event.recordedAt,
    portfolioId: event.portfolioId,
    positionId: event.positionId,
    symbol: event.symbol,
    correlationId: event.correlationId,
    summary: describeEvent(event),
    payload: event.payload,
    hash: event.hash,
  };
}

/** The evaluation timeline and the Event log: newest first, paged on the server. */
export function eventLogHandlers({ backend }: HandlerDeps): Pick<Handlers, Channels> {
  const { queries } = backend;
  return {
    'timeline.listEvaluations': (req) => {
      if (!queries.position(req.positionId)) return notFound('position', req.positionId);
      const actions = req.actions;
      const page = pageNewestFirst(
        (beforeId, limit) =>
          queries.events({
            positionId: req.positionId,
            types: ['EvaluationEvent'],
            newestFirst: true,
            limit,
            ...(beforeId !== null ? { beforeId } : {}),
          }),
        {
          cursor: req.cursor,
          limit: req.limit,
          ...(actions
            ? { keep: (e) => e.type === 'EvaluationEvent' && actions.includes(e.payload.action) }
            : {}),
        },
      );
      return ipcOk({
        items: page.items.map((e) => toEvaluationRow(e as DomainEvent<'EvaluationEvent'>)),
        nextCursor: page.nextCursor,
        total: null,
      });
    },
    'eventLog.listEvents': (req) => {
      const query = queryOf(req.filter);
      const keep = keepOf(req.filter);
      const page = pageNewestFirst(
        (beforeId, limit) =>
          queries.events({ ...query, newestFirst: true, limit, ...(beforeId !== null ? { beforeId } : {}) }),
        {
          cursor: req.cursor,
          limit: req.limit,
          ...(keep ? { keep } : {}),
        },
      );
      return ipcOk({ items: page.items.map(toEventRow), nextCursor: page.nextCursor, total: null });
    },
    'eventLog.verifyChain': () => {
      const checkedAt = Date.now();
      const result = queries.verifyEventChain();
      return ipcOk(
        result.ok ? { ok: true as const, count: result.count, checkedAt } : { ...result, checkedAt },
      );
    },
  };
}
