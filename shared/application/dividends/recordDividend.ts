import { z } from 'zod';
import { parseIsoDate } from '../../domain/calendar/CalendarDay';
import type { DomainEvent } from '../../domain/DomainEvent';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import type { DividendAnnouncement } from '../../ports/DividendRepository';
import { fail, ok, type Result } from '../ledger/Result';
import { idSchema, parseInput, symbolSchema } from '../ledger/validation';
import type { LiveDeps } from '../trading/TradingDeps';

export type RecordDividendDeps = Pick<
  LiveDeps,
  'uow' | 'clock' | 'ids' | 'events' | 'positions' | 'dividends'
>;

const isoDate = (label: string) =>
  z.string({ error: `${label} must be a date as YYYY-MM-DD` }).refine(
    (t) => {
      try {
        parseIsoDate(t);
        return true;
      } catch {
        return false;
      }
    },
    { message: `${label} must be a real date as YYYY-MM-DD, e.g. 2024-06-14` },
  );

export const RecordDividendInput = z
  .object({
    tenantId: idSchema('tenantId'),
    symbol: symbolSchema,
    exDate: isoDate('Ex-date'),
    /** Null or omitted: paid on the ex-date (SPEC 4.3). */
    payDate: isoDate('Pay date').nullable().default(null),
    amountPerShare: limitSchema(LIMITS.dividendPerShare),
    /** Null: the position's, else the portfolio's default withholding. */
    withholdingPct: limitSchema(LIMITS.dividendWithholdingPct).nullable().default(null),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code, e.g. USD')
      .default('USD'),
  })
  .strict()
  .refine((i) => i.payDate === null || i.payDate >= i.exDate, {
    message: 'Pay date must be on or after the ex-date',
    path: ['payDate'],
  });
export type RecordDividendInput = z.input<typeof RecordDividendInput>;

/**
 * A dividend the provider missed, entered by hand (issue 15, ADR 0088): stored as an announcement with
 * source `manual`, deduplicated by (symbol, ex-date) like any other, with its DividendAnnounced event in
 * one transaction. It then goes through the same DividendProcessing as the provider's (accrual at the
 * ex-date for the shares held at the close before it, payment at the pay date): the caller runs the
 * processing job for today, so an ex-date already past is accrued at once.
 */
export function recordDividend(
  deps: RecordDividendDeps,
  input: RecordDividendInput,
): Result<DomainEvent<'DividendAnnounced'>> {
  const parsed = parseInput(RecordDividendInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, symbol, exDate, payDate, amountPerShare, withholdingPct, currency } = parsed.value;
  return deps.uow.transaction(() => {
    const held = deps.positions.listByTenant(tenantId).some((p) => p.symbol === symbol);
    if (!held)
      return fail('not_found', `No position holds ${symbol}: a dividend is recorded for a symbol you hold`);
    const now = deps.clock.now();
    const announcement: DividendAnnouncement = {
      id: deps.ids.next(),
      tenantId,
      symbol,
      exDate,
      payDate,
      amountPerShare,
      currency,
      withholdingTaxPct: withholdingPct,
      source: 'manual',
      createdAt: now,
    };
    const stored = deps.dividends.insertAnnouncement(tenantId, announcement);
    if (!stored.inserted)
      return fail(
        'conflict',
        `${symbol} already has a dividend with ex-date ${exDate} (${stored.announcement.source}): one per ex-date`,
      );
    const [event] = deps.events.append(tenantId, [
      {
        type: 'DividendAnnounced',
        tenantId,
        portfolioId: null,
        positionId: null,
        symbol,
        ts: now,
        correlationId: announcement.id,
        payload: {
          announcementId: announcement.id,
          exDate,
          payDate,
          amountPerShare,
          currency,
          withholdingTaxPct: withholdingPct,
          source: 'manual',
        },
      },
    ]);
    return ok(event as DomainEvent<'DividendAnnounced'>);
  });
}
