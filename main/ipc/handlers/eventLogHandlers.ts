import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import type { EventRowDto } from '../../../shared/ipc/dto/events';
import { ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import { describeClosedPeriod, describeEvent } from '../mappers/describeEvent';
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

/** A HOLD because the session did not allow trading: nothing was quoted, nothing could trade. */
function isClosedHold(event: DomainEvent): boolean {
  return (
    event.type === 'EvaluationEvent' &&
    event.payload.action === 'HOLD' &&
    event.payload.reasons.includes('market_closed')
  );
}

/** In the Event log a closed period is its closed-market HOLDs and the ticks that made them. */
const CLOSED_PERIOD = {
  member: (e: DomainEvent) => isClosedHold(e) || e.type === 'TickCompleted',
  anchor: isClosedHold,
};

function oldestTs(members: readonly DomainEvent[]): number {
  return (members[members.length - 1] as DomainEvent).ts;
}

/** One row for a closed period: its newest event, counted and said in words. */
function closedPeriodRow(head: DomainEvent, members: readonly DomainEvent[]): EventRowDto {
  const evaluations = members.filter(isClosedHold).length;
  const ticks = members.filter((e) => e.type === 'TickCompleted').length;
  const fromTs = oldestTs(members);
  return {
    ...toEventRow(head),
    summary: describeClosedPeriod({ evaluations, ticks, fromTs, toTs: head.ts }),
    collapsed: { events: members.length, evaluations, ticks, fromTs },
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
          ...(req.collapseClosed ? { runs: { member: isClosedHold, anchor: isClosedHold } } : {}),
        },
      );
      return ipcOk({
        items: page.items.map((e) => {
          const row = toEvaluationRow(e as DomainEvent<'EvaluationEvent'>);
          const run = page.runs?.get(e.id);
          return run
            ? { ...row, collapsed: { count: run.members.length, fromTs: oldestTs(run.members) } }
            : row;
        }),
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
          ...(req.collapseClosed ? { runs: CLOSED_PERIOD } : {}),
        },
      );
      return ipcOk({
        items: page.items.map((e) => {
          const run = page.runs?.get(e.id);
          return run ? closedPeriodRow(e, run.members) : toEventRow(e);
        }),
        nextCursor: page.nextCursor,
        total: null,
      });
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
