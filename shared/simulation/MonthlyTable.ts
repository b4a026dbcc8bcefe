import type { PeriodCalendar } from '../domain/metrics';
import { periodCalendar } from '../domain/metrics';
import { periodReturnsOfChecked } from '../domain/metrics/monthlyReturns';
import { assertEquity } from '../domain/metrics/validation';
import type { MonthlyReturnRow } from './SimulationResult';

/**
 * SPEC 5's monthly return table: a row per year, twelve months (null when no bar fell in it) and the
 * year. `dates` may be their `periodCalendar`, made once for several equity series over the same dates.
 */
export function monthlyReturnTable(
  dates: readonly string[] | PeriodCalendar,
  equity: readonly number[],
): MonthlyReturnRow[] {
  const calendar = 'months' in dates ? dates : periodCalendar(dates);
  assertEquity(equity);
  const monthly = periodReturnsOfChecked(calendar, equity, 'months');
  const yearly = periodReturnsOfChecked(calendar, equity, 'years');
  // One row per year of the calendar, in order; each month's return in its slot.
  const rows: MonthlyReturnRow[] = calendar.years.keys.map((key, y) => ({
    year: Number(key),
    months: new Array<number | null>(12).fill(null),
    yearReturn: yearly[y] as number,
  }));
  let row = 0;
  calendar.months.keys.forEach((key, m) => {
    const year = Number(key.slice(0, 4));
    while ((rows[row] as MonthlyReturnRow).year !== year) row++;
    (rows[row] as MonthlyReturnRow).months[Number(key.slice(5, 7)) - 1] = monthly[m] as number;
  });
  return rows;
}
