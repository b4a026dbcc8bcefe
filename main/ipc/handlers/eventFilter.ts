import type { z } from 'zod';
import { DateTime } from 'luxon';
import { US_EQUITY_TIME_ZONE } from '../../../shared/domain/calendar';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import type { eventFilterSchema } from '../../../shared/ipc/dto/events';
import type { EventsQuery } from '../../composition/Backend';
import { describeEvent } from '../mappers/describeEvent';

export type EventFilter = z.output<typeof eventFilterSchema>;

/**
 * The part of a filter the database answers: position, types, and the exchange dates (inclusive) as
 * the event-time range from New York midnight of `from` to New York midnight after `to`.
 */
export function queryOf(filter: EventFilter): EventsQuery {
  return {
    ...(filter.positionId !== undefined ? { positionId: filter.positionId } : {}),
    ...(filter.types !== undefined && filter.types.length > 0 ? { types: filter.types } : {}),
    ...(filter.from ? { fromTs: exchangeMidnight(filter.from) } : {}),
    ...(filter.to ? { toTs: exchangeMidnight(filter.to, 1) } : {}),
  };
}

function exchangeMidnight(date: string, plusDays = 0): number {
  return DateTime.fromISO(date, { zone: US_EQUITY_TIME_ZONE }).plus({ days: plusDays }).toMillis();
}

/** The rest, checked in main: a case-insensitive search that also matches the event's description in words. */
export function keepOf(filter: EventFilter): ((event: DomainEvent) => boolean) | undefined {
  const needle = filter.search?.toLowerCase() ?? '';
  if (needle === '') return undefined;
  return (event) => {
    return (
      event.type.toLowerCase().includes(needle) ||
      (event.symbol?.toLowerCase().includes(needle) ?? false) ||
      describeEvent(event).toLowerCase().includes(needle) ||
      JSON.stringify(event.payload).toLowerCase().includes(needle)
    );
  };
}
