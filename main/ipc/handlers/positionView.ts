import type { StrategyConfig } from '../../../shared/domain/Config';
import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { effectivePrice } from '../../../shared/domain/PricePolicy';
import type { PositionDto } from '../../../shared/ipc/dto/ledger';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { QuoteLogEntry } from '../../../shared/ports/QuoteLogRepository';
import type { Backend } from '../../composition/Backend';
import { toPositionDto, type KnownPrice } from '../mappers/ledgerDtos';

/** A position with its effective config, latest evaluation and last known price (value, allocation, triggers). */
export function positionDto(backend: Backend, record: PositionRecord): PositionDto {
  const resolved = backend.useCases.resolveEffectiveConfig({ positionId: record.id });
  const config: StrategyConfig = resolved.ok ? resolved.value : DEFAULT_STRATEGY_CONFIG;
  const [latest] = backend.queries.events({
    positionId: record.id,
    types: ['EvaluationEvent'],
    newestFirst: true,
    limit: 1,
  }) as DomainEvent<'EvaluationEvent'>[];
  const known = lastKnownPrice(latest ?? null, () => backend.queries.lastQuote(record.symbol), config);
  return toPositionDto(record, config, latest ?? null, known);
}

/**
 * Issue 15 "values never blank because the market is closed": the latest evaluation's price when it had
 * one; otherwise (closed market, a provider error, no evaluation yet) the newest quote the app used for
 * the symbol, priced by the position's price policy whatever its age, and marked as not live so the UI
 * says "as of" its time.
 */
export function lastKnownPrice(
  latest: DomainEvent<'EvaluationEvent'> | null,
  lastQuote: () => QuoteLogEntry | null,
  config: StrategyConfig,
): KnownPrice | null {
  const evaluated = latest?.payload.priceEffective ?? null;
  if (latest !== null && evaluated !== null && evaluated > 0) {
    return { price: evaluated, at: latest.payload.quote?.ts || latest.ts, live: true };
  }
  const quote = lastQuote();
  if (quote === null) return null;
  const priced = effectivePrice(
    { symbol: quote.symbol, bid: quote.bid, ask: quote.ask, last: quote.last, ts: quote.ts },
    config.execution.pricePolicy,
    quote.ts,
    null,
  );
  return priced.ok ? { price: priced.price, at: quote.ts, live: false } : null;
}
