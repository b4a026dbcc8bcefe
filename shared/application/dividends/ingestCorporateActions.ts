import type { DomainEvent } from '../../domain/DomainEvent';
import { MarketDataError, type DividendInfo, type SplitInfo } from '../../ports/MarketData';
import { addDays, oldestOpeningDate } from '../corporateActions/calendarDates';
import type { LiveDeps } from '../trading/TradingDeps';

export type IngestionDeps = Pick<
  LiveDeps,
  | 'uow'
  | 'clock'
  | 'ids'
  | 'events'
  | 'tenants'
  | 'positions'
  | 'dividends'
  | 'splits'
  | 'jobRuns'
  | 'marketData'
  | 'logger'
>;

export const INGESTION_JOB = 'dividend-ingestion';

export interface IngestionResult {
  tenantId: string;
  announcements: DomainEvent<'DividendAnnounced'>[];
  splitsStored: number;
  /** Symbols whose history could not be fetched (retried at the next run). */
  failedSymbols: string[];
}

/**
 * DividendIngestion (SPEC 4.3), daily: for each symbol held in an open position, the provider's cash
 * dividends and splits from a week before the last run (the first run: before the oldest position)
 * to `lookAheadDays` after today. Announcements are deduplicated by (symbol, ex-date); each new one is
 * a DividendAnnounced event. Splits are stored the same way and applied by the processing job.
 * The job counts as done for today only when every symbol answered.
 */
export async function ingestCorporateActions(
  deps: IngestionDeps,
  today: string,
  options: { lookAheadDays?: number } = {},
): Promise<IngestionResult[]> {
  const results: IngestionResult[] = [];
  for (const tenant of deps.tenants.listAll()) {
    const positions = deps.positions.listByTenant(tenant.id, ['ACTIVE', 'PAUSED']);
    const symbols = [...new Set(positions.map((p) => p.symbol))].sort();
    const result: IngestionResult = {
      tenantId: tenant.id,
      announcements: [],
      splitsStored: 0,
      failedSymbols: [],
    };
    results.push(result);
    if (symbols.length === 0) continue;
    const last = deps.jobRuns.lastCompletedDate(tenant.id, INGESTION_JOB);
    const from = addDays(last ?? (oldestOpeningDate(positions) as string), -7);
    const to = addDays(today, options.lookAheadDays ?? 90);

    const fetched: { symbol: string; dividends: DividendInfo[]; splits: SplitInfo[] }[] = [];
    for (const symbol of symbols) {
      try {
        const [dividends, splits] = await Promise.all([
          deps.marketData.getDividends(symbol, from, to),
          deps.marketData.getSplits(symbol, from, to),
        ]);
        fetched.push({ symbol, dividends, splits });
      } catch (err) {
        const kind = err instanceof MarketDataError ? err.kind : 'provider_error';
        // A symbol the provider does not know has no dividends: not a failure to retry.
        if (kind !== 'not_found') result.failedSymbols.push(symbol);
        deps.logger.warn('dividend ingestion: history unavailable', {
          tenantId: tenant.id,
          symbol,
          kind,
          error: String(err),
        });
      }
    }

    deps.uow.transaction(() => {
      const now = deps.clock.now();
      for (const { symbol, dividends, splits } of fetched) {
        for (const d of dividends) {
          const stored = deps.dividends.insertAnnouncement(tenant.id, {
            id: deps.ids.next(),
            tenantId: tenant.id,
            symbol,
            exDate: d.exDate,
            payDate: d.payDate,
            amountPerShare: d.amountPerShare,
            currency: d.currency,
            withholdingTaxPct: d.withholdingTaxPct,
            source: d.source,
            createdAt: now,
          });
          if (!stored.inserted) continue;
          const a = stored.announcement;
          const [event] = deps.events.append(tenant.id, [
            {
              type: 'DividendAnnounced',
              tenantId: tenant.id,
              portfolioId: null,
              positionId: null,
              symbol,
              ts: now,
              correlationId: a.id,
              payload: {
                announcementId: a.id,
                exDate: a.exDate,
                payDate: a.payDate,
                amountPerShare: a.amountPerShare,
                currency: a.currency,
                withholdingTaxPct: a.withholdingTaxPct,
                source: a.source,
              },
            },
          ]);
          result.announcements.push(event as DomainEvent<'DividendAnnounced'>);
        }
        for (const s of splits) {
          const stored = deps.splits.insertSplit(tenant.id, {
            id: deps.ids.next(),
            tenantId: tenant.id,
            symbol,
            effectiveDate: s.effectiveDate,
            ratio: s.ratio,
            source: s.source,
            createdAt: now,
          });
          if (stored.inserted) result.splitsStored += 1;
        }
      }
      if (result.failedSymbols.length === 0) deps.jobRuns.markCompleted(tenant.id, INGESTION_JOB, today, now);
    });
    if (result.announcements.length > 0 || result.splitsStored > 0) {
      deps.logger.info('corporate actions ingested', {
        tenantId: tenant.id,
        announcements: result.announcements.length,
        splits: result.splitsStored,
      });
    }
  }
  return results;
}
