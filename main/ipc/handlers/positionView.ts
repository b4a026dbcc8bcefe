import type { StrategyConfig } from '../../../shared/domain/Config';
import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import type { PositionDto } from '../../../shared/ipc/dto/ledger';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { Backend } from '../../composition/Backend';
import { toPositionDto } from '../mappers/ledgerDtos';

/** A position with its effective config and latest evaluation (price, value, allocation, triggers). */
export function positionDto(backend: Backend, record: PositionRecord): PositionDto {
  const resolved = backend.useCases.resolveEffectiveConfig({ positionId: record.id });
  const config: StrategyConfig = resolved.ok ? resolved.value : DEFAULT_STRATEGY_CONFIG;
  const [latest] = backend.queries.events({
    positionId: record.id,
    types: ['EvaluationEvent'],
    newestFirst: true,
    limit: 1,
  }) as DomainEvent<'EvaluationEvent'>[];
  return toPositionDto(record, config, latest ?? null);
}
