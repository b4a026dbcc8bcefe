import type { z } from 'zod';
import { exchangeDateOf } from '../../../shared/domain/calendar';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import type { eventFilterSchema } from '../../../shared/ipc/dto/events';
import type { EventsQuery } from '../../composition/Backend';
import { describeEvent } from '../mappers/describeEvent';

export type EventFilter = z.output<typeof eventFilterSchema>;

/** The part of a filter the backend's query answers (position, types). */
export function queryOf(filter: EventFilter): EventsQuery {
  return {
    ...(filter.positionId !== undefined ? { positionId: filter.positionId } : {}),
    ...(filter.types !== undefined && filter.types.length > 0 ? { types: filter.types } : {}),
  };
}

/** The rest, checked in main: exchange dates (inclusive) and a case-insensitive text search. */
export function keepOf(filter: EventFilter): ((event: DomainEvent) => boolean) | undefined {
  const needle = filter.search?.toLowerCase() ?? '';
  if (!filter.from && !filter.to && needle === '') return undefined;
  return (event) => {
    if (filter.from || filter.to) {
      const date = exchangeDateOf(event.ts);
      if (filter.from && date < filter.from) return false;
      if (filter.to && date > filter.to) return false;
    }
    if (needle === '') return true;
    return (
      event.type.toLowerCase().includes(needle) ||
      (event.symbol?.toLowerCase().includes(needle) ?? false) ||
      describeEvent(event).toLowerCase().includes(needle) ||
      JSON.stringify(event.payload).toLowerCase().includes(needle)
    );
  };
}
