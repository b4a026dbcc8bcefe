import { anchorOnExDividend } from '../../domain/AnchorRules';
import { accrueDividend, qtyAtCloseBeforeExDate, resolveWithholdingRate } from '../../domain/DividendMath';
import type { DomainEvent, NewEvent } from '../../domain/DomainEvent';
import { cents } from '../../domain/Money';
import type { DividendAnnouncement } from '../../ports/DividendRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import { commitPositionChange, ledgerOf, positionEvent } from '../ledger/positionChange';
import { exchangeDayBounds } from '../trading/exchangeDay';
import { positionConfig } from '../trading/positionConfig';
import { addDays, oldestOpeningDate } from '../corporateActions/calendarDates';
import type { LiveDeps } from '../trading/TradingDeps';

export type DividendDeps = Pick<
  LiveDeps,
  'uow' | 'clock' | 'ids' | 'events' | 'portfolios' | 'positions' | 'trades' | 'dividends' | 'logger'
>;

export interface DividendDayResult {
  accrued: DomainEvent<'DividendAccrued'>[];
  paid: DomainEvent<'DividendPaid'>[];
  positionsChanged: PositionRecord[];
}

/**
 * DividendProcessing for one exchange date `date` (SPEC 4.3), one transaction per step:
 * - every announcement with an ex-date on or before `date` not yet accrued for a position that held the
 *   symbol at the close before the ex-date: entitlement = that holding (trades on or after the ex-date
 *   are undone); gross, withholding (announcement → position → portfolio default) and net; receivable
 *   += net; DividendAccrued; the anchor drops by the dividend (AnchorAdjusted) when configured and no
 *   fill has moved the anchor since the ex-date;
 * - every accrual whose pay date (the ex-date when unknown) is on or before `date` and not yet paid:
 *   cash += net, receivable −= net, totals += gross / net; DividendPaid.
 * Accrual and payment each happen once per (position, announcement): the repository refuses a repeat.
 */
export function processDividends(deps: DividendDeps, tenantId: string, date: string): DividendDayResult {
  const result: DividendDayResult = { accrued: [], paid: [], positionsChanged: [] };
  const open = deps.positions.listByTenant(tenantId, ['ACTIVE', 'PAUSED']);
  if (open.length > 0) {
    const from = addDays(oldestOpeningDate(open) as string, -1);
    for (const announcement of deps.dividends.listAnnouncementsByExDate(tenantId, from, date)) {
      for (const position of open.filter((p) => p.symbol === announcement.symbol)) {
        accrueOne(deps, tenantId, position.id, announcement, result);
      }
    }
  }
  for (const accrual of deps.dividends.listUnpaidDue(tenantId, date)) {
    deps.uow.transaction(() => {
      const now = deps.clock.now();
      if (!deps.dividends.markPaid(tenantId, accrual.id, now)) return;
      const position = deps.positions.get(tenantId, accrual.positionId);
      const announcement = deps.dividends.getAnnouncement(tenantId, accrual.announcementId);
      if (position === null || announcement === null)
        throw new Error(`accrual ${accrual.id} refers to missing rows`);
      const payDate = announcement.payDate ?? announcement.exDate;
      const ledger = {
        ...ledgerOf(position),
        cashCents: cents(position.cashCents + accrual.netCents),
        receivableCents: cents(position.receivableCents - accrual.netCents),
        totalDividendsGrossCents: cents(position.totalDividendsGrossCents + accrual.grossCents),
        totalDividendsNetCents: cents(position.totalDividendsNetCents + accrual.netCents),
      };
      const ctx = { correlationId: announcement.id, ts: exchangeDayBounds(payDate).fromMs, now };
      const committed = commitPositionChange(
        deps,
        position,
        ledger,
        [
          positionEvent(
            position,
            'DividendPaid',
            {
              announcementId: announcement.id,
              cashDeltaCents: accrual.netCents,
              totalDividendsGrossCents: ledger.totalDividendsGrossCents,
              totalDividendsNetCents: ledger.totalDividendsNetCents,
              grossCents: accrual.grossCents,
            },
            ctx,
          ),
        ],
        ctx,
      );
      result.paid.push(committed.events[0] as DomainEvent<'DividendPaid'>);
      result.positionsChanged.push(committed.position);
    });
  }
  return result;
}

function accrueOne(
  deps: DividendDeps,
  tenantId: string,
  positionId: string,
  announcement: DividendAnnouncement,
  result: DividendDayResult,
): void {
  if (deps.dividends.getAccrual(tenantId, positionId, announcement.id) !== null) return;
  deps.uow.transaction(() => {
    const now = deps.clock.now();
    const position = deps.positions.get(tenantId, positionId);
    if (position === null) return;
    const exDay = exchangeDayBounds(announcement.exDate);
    // Opened on or after the ex-date: it did not hold the symbol at the previous close.
    if (position.createdAt >= exDay.fromMs) return;
    const portfolio = deps.portfolios.get(tenantId, position.portfolioId);
    if (portfolio === null) throw new Error(`position ${position.id} refers to a missing portfolio`);
    const config = positionConfig(portfolio, position);
    const later = deps.trades
      .listByPosition(tenantId, position.id, 100_000)
      .filter((t) => t.executedAt >= exDay.fromMs);
    const qtyEligible = qtyAtCloseBeforeExDate(position.qty, later);
    const rate = resolveWithholdingRate(
      announcement.withholdingTaxPct,
      position.withholdingPct,
      portfolio.config.execution.dividendWithholdingPct,
    );
    const accrual = accrueDividend(qtyEligible, announcement.amountPerShare, rate);
    const inserted = deps.dividends.insertAccrual(tenantId, {
      id: deps.ids.next(),
      tenantId,
      positionId: position.id,
      announcementId: announcement.id,
      qtyEligible,
      grossCents: accrual.grossCents,
      withholdingCents: accrual.withholdingCents,
      netCents: accrual.netCents,
      accruedAt: now,
      paidAt: null,
    });
    if (!inserted) return;
    const ctx = { correlationId: announcement.id, ts: exDay.fromMs, now };
    const facts: NewEvent[] = [
      positionEvent(
        position,
        'DividendAccrued',
        {
          announcementId: announcement.id,
          qtyEligible,
          grossCents: accrual.grossCents,
          withholdingCents: accrual.withholdingCents,
          netCents: accrual.netCents,
        },
        ctx,
      ),
    ];
    // A fill on or after the ex-date already set the anchor to an ex-dividend price: leave it.
    const anchorChange =
      later.length === 0
        ? anchorOnExDividend(
            position.anchor,
            announcement.amountPerShare,
            config.execution.adjustAnchorOnDividend,
          )
        : null;
    if (anchorChange !== null) {
      facts.push(
        positionEvent(
          position,
          'AnchorAdjusted',
          {
            from: anchorChange.from ?? anchorChange.to,
            to: anchorChange.to,
            announcementId: announcement.id,
            amountPerShare: announcement.amountPerShare,
          },
          ctx,
        ),
      );
    }
    const ledger = {
      ...ledgerOf(position),
      receivableCents: cents(position.receivableCents + accrual.netCents),
      anchor: anchorChange?.to ?? position.anchor,
    };
    const committed = commitPositionChange(deps, position, ledger, facts, ctx);
    result.accrued.push(committed.events[0] as DomainEvent<'DividendAccrued'>);
    result.positionsChanged.push(committed.position);
  });
}
