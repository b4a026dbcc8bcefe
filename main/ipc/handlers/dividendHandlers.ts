import { exchangeDateOf } from '../../../shared/domain/calendar';
import type { DividendOverviewDto } from '../../../shared/ipc/dto/dividends';
import { ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';

/** The calendar looks this far ahead for upcoming ex and pay dates. */
const CALENDAR_DAYS_AHEAD = 180;

/** Received, accrued (receivable) and upcoming dividends of every position (SPEC 4.3). */
export function dividendHandlers({ backend }: HandlerDeps): Pick<Handlers, 'dividend.getOverview'> {
  return {
    'dividend.getOverview': () => {
      const { queries } = backend;
      const now = backend.trading.status().now;
      const today = exchangeDateOf(now);
      const announcements = new Map(
        queries.dividendAnnouncements({ fromDate: '1990-01-01', toDate: '2100-12-31' }).map((a) => [a.id, a]),
      );
      const overview: DividendOverviewDto = {
        received: [],
        accrued: [],
        upcoming: [],
        totals: { grossCents: 0, netCents: 0, receivableCents: 0 },
        today,
      };
      for (const position of queries.positions()) {
        overview.totals.receivableCents += position.receivableCents;
        for (const accrual of queries.dividendAccruals({ positionId: position.id })) {
          const a = announcements.get(accrual.announcementId);
          const dates = { exDate: a?.exDate ?? today, payDate: a?.payDate ?? null };
          if (accrual.paidAt !== null) {
            overview.received.push({
              positionId: position.id,
              symbol: position.symbol,
              ...dates,
              qtyEligible: accrual.qtyEligible,
              grossCents: accrual.grossCents,
              withholdingCents: accrual.withholdingCents,
              netCents: accrual.netCents,
              paidAt: accrual.paidAt,
            });
            overview.totals.grossCents += accrual.grossCents;
            overview.totals.netCents += accrual.netCents;
          } else {
            overview.accrued.push({
              positionId: position.id,
              symbol: position.symbol,
              ...dates,
              qtyEligible: accrual.qtyEligible,
              netCents: accrual.netCents,
              accruedAt: accrual.accruedAt,
            });
          }
        }
      }
      const horizon = exchangeDateOf(now + CALENDAR_DAYS_AHEAD * 86_400_000);
      const held = new Set(
        queries
          .positions()
          .filter((p) => p.status !== 'CLOSED')
          .map((p) => p.symbol),
      );
      for (const a of announcements.values()) {
        const relevant = a.exDate >= today || (a.payDate !== null && a.payDate >= today);
        if (relevant && a.exDate <= horizon && held.has(a.symbol)) {
          overview.upcoming.push({
            symbol: a.symbol,
            exDate: a.exDate,
            payDate: a.payDate,
            amountPerShare: a.amountPerShare,
            currency: a.currency,
          });
        }
      }
      overview.received.sort((x, y) => y.paidAt - x.paidAt);
      overview.upcoming.sort((x, y) => x.exDate.localeCompare(y.exDate));
      return ipcOk(overview);
    },
  };
}
