import { addDays, oldestOpeningDate } from './calendarDates';
import { processDividends, type DividendDayResult } from '../dividends/processDividends';
import type { LiveDeps } from '../trading/TradingDeps';
import { applySplits, type SplitDayResult } from './applySplits';

export const CORPORATE_ACTIONS_JOB = 'corporate-actions';

/** The longest catch-up after downtime, in days (older days are not revisited). */
const MAX_CATCH_UP_DAYS = 400;

export type CorporateActionDeps = Pick<
  LiveDeps,
  | 'uow'
  | 'clock'
  | 'ids'
  | 'events'
  | 'tenants'
  | 'portfolios'
  | 'positions'
  | 'orders'
  | 'trades'
  | 'dividends'
  | 'splits'
  | 'quotes'
  | 'jobRuns'
  | 'marketData'
  | 'logger'
>;

export interface DayProcessed {
  tenantId: string;
  date: string;
  dividends: DividendDayResult;
  splits: SplitDayResult;
}

/**
 * DividendProcessing with its catch-up (SPEC 4.3): every day from the one after the last completed day
 * up to `today`, in order — dividends (ex-date accruals, then pay-date payments), then splits — and each
 * day marked done in job_runs once complete. A day with a split that cannot be applied yet stops the
 * catch-up there; the next run starts again from that day (every step is recorded once, so nothing
 * is done twice). Run it before the day's first tick: a split must be applied before post-split prices
 * are evaluated.
 */
export async function catchUpCorporateActions(
  deps: CorporateActionDeps,
  today: string,
): Promise<DayProcessed[]> {
  const done: DayProcessed[] = [];
  for (const tenant of deps.tenants.listAll()) {
    const last = deps.jobRuns.lastCompletedDate(tenant.id, CORPORATE_ACTIONS_JOB);
    const open = deps.positions.listByTenant(tenant.id, ['ACTIVE', 'PAUSED']);
    const firstPosition = oldestOpeningDate(open) ?? today;
    let day = last !== null ? addDays(last, 1) : firstPosition < today ? firstPosition : today;
    const floor = addDays(today, -MAX_CATCH_UP_DAYS);
    if (day < floor) day = floor;
    for (; day <= today; day = addDays(day, 1)) {
      const dividends = processDividends(deps, tenant.id, day);
      const splits = await applySplits(deps, tenant.id, day);
      done.push({ tenantId: tenant.id, date: day, dividends, splits });
      if (splits.pending.length > 0) break;
      deps.uow.transaction(() =>
        deps.jobRuns.markCompleted(tenant.id, CORPORATE_ACTIONS_JOB, day, deps.clock.now()),
      );
    }
  }
  return done;
}
