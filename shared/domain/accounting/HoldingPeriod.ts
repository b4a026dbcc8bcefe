/**
 * Dates of SPEC 8 are ISO session dates (`YYYY-MM-DD`); holding periods count calendar days and are
 * computed on UTC day numbers, with no time zone and no year limit.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (0 on the same day). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/**
 * The first anniversary of a holding start: the same month and day a year later; a start on
 * 29 February has its anniversary on 28 February (ADR 0091).
 */
export function firstAnniversary(start: string): string {
  const year = Number(start.slice(0, 4)) + 1;
  const monthDay = start.slice(5);
  if (monthDay === '02-29') return `${String(year).padStart(4, '0')}-02-28`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** SPEC 8: long term = sold after the first anniversary of the holding start (not on it). */
export function isLongTerm(holdingStart: string, saleDate: string): boolean {
  return saleDate > firstAnniversary(holdingStart);
}
