import { assertEquity } from './validation';

export interface MonthlyReturn {
  year: number;
  /** 1–12. */
  month: number;
  return: number;
}

export interface YearlyReturn {
  year: number;
  return: number;
}

/**
 * Compounded return per calendar month: the month's last equity over the previous month's last
 * equity, minus 1; the first month is measured from the first bar (so a month holding only the
 * first bar returns 0). Months without bars are absent, not 0. `dates` are ISO YYYY-MM-DD, strictly
 * increasing, one per equity value; anything else throws RangeError.
 */
export function monthlyReturns(dates: readonly string[], equity: readonly number[]): MonthlyReturn[] {
  return periodReturns(dates, equity, (d) => d.slice(0, 7)).map(({ key, value }) => ({
    year: Number(key.slice(0, 4)),
    month: Number(key.slice(5, 7)),
    return: value,
  }));
}

/** Compounded return per calendar year, with the same rules as `monthlyReturns`. */
export function yearlyReturns(dates: readonly string[], equity: readonly number[]): YearlyReturn[] {
  return periodReturns(dates, equity, (d) => d.slice(0, 4)).map(({ key, value }) => ({
    year: Number(key),
    return: value,
  }));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Groups consecutive bars by `keyOf(date)` and returns each group's close-to-close return. */
function periodReturns(
  dates: readonly string[],
  equity: readonly number[],
  keyOf: (isoDate: string) => string,
): { key: string; value: number }[] {
  assertEquity(equity);
  if (dates.length !== equity.length) {
    throw new RangeError(`dates (${dates.length}) and equity (${equity.length}) must have the same length`);
  }
  dates.forEach((date, i) => {
    assertIsoDate(date, i);
    if (i > 0 && date <= (dates[i - 1] as string)) {
      throw new RangeError(`dates must be strictly increasing: dates[${i}] = ${date} after ${dates[i - 1]}`);
    }
  });

  const periods: { key: string; value: number }[] = [];
  let base = equity[0] as number;
  for (let i = 0; i < dates.length; i++) {
    const key = keyOf(dates[i] as string);
    const isLastOfPeriod = i === dates.length - 1 || keyOf(dates[i + 1] as string) !== key;
    if (!isLastOfPeriod) continue;
    const close = equity[i] as number;
    periods.push({ key, value: close / base - 1 });
    base = close;
  }
  return periods;
}

/** Throws unless `date` is a real proleptic-Gregorian date written YYYY-MM-DD (these sort by time). */
function assertIsoDate(date: string, index: number): void {
  const match = ISO_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`dates[${index}] must be an ISO date YYYY-MM-DD, got ${date}`);
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
