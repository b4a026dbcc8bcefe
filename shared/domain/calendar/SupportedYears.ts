/**
 * The years the US equity calendar answers for. Before 1990 the exchange followed other rules (Saturday
 * sessions, other holidays) that are not modelled; past 2100 nobody has checked the rules. Outside this range
 * the calendar throws rather than guess.
 */
export const FIRST_SUPPORTED_YEAR = 1990;
export const LAST_SUPPORTED_YEAR = 2100;

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `US equity calendar: year ${year} is outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
    );
  }
}
