import type { PeriodCalendar } from '../domain/metrics';
import { monthlyReturns, yearlyReturns } from '../domain/metrics';
import type { MonthlyReturnRow } from './SimulationResult';

/**
 * SPEC 5's monthly return table: a row per year, twelve months (null when no bar fell in it) and the
 * year. `dates` may be their `periodCalendar`, made once for several equity series over the same dates.
 */
export function monthlyReturnTable(
  dates: readonly string[] | PeriodCalendar,
  equity: readonly number[],
): MonthlyReturnRow[] {
  const rows = new Map<number, MonthlyReturnRow>();
  const rowOf = (year: number): MonthlyReturnRow => {
    let row = rows.get(year);
    if (row === undefined) {
      row = { year, months: new Array<number | null>(12).fill(null), yearReturn: null };
      rows.set(year, row);
    }
    return row;
  };
  for (const m of monthlyReturns(dates, equity)) rowOf(m.year).months[m.month - 1] = m.return;
  for (const y of yearlyReturns(dates, equity)) rowOf(y.year).yearReturn = y.return;
  return [...rows.values()].sort((a, b) => a.year - b.year);
}
