import type { DomainEvent } from '../../domain/DomainEvent';
import { haltTitle, haltWords, resumeWords, riskExitTitle, riskExitWords } from '../../format/RiskEventWords';
import type { Notification } from '../../ports/Notifier';

/** A notification for each RiskExit, TradingHalted and TradingResumed (SPEC 9), in the events' words. */
export function riskExitNotification(e: DomainEvent<'RiskExit'>): Notification {
  return {
    kind: 'riskExit',
    title: riskExitTitle(e.payload, e.symbol),
    body: riskExitWords(e.payload),
    tenantId: e.tenantId,
    positionId: e.positionId,
    symbol: e.symbol,
    at: e.ts,
  };
}

export function haltNotification(e: DomainEvent<'TradingHalted'>): Notification {
  return {
    kind: 'tradingHalted',
    title: haltTitle(e.payload),
    body: haltWords(e.payload),
    tenantId: e.tenantId,
    positionId: null,
    symbol: null,
    at: e.ts,
  };
}

export function resumeNotification(e: DomainEvent<'TradingResumed'>): Notification {
  return {
    kind: 'tradingResumed',
    title: 'Trading resumed',
    body: resumeWords(e.payload),
    tenantId: e.tenantId,
    positionId: null,
    symbol: null,
    at: e.ts,
  };
}
