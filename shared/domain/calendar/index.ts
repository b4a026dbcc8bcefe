export type { MarketSession } from './MarketSession';
export type { NyseEarlyClose } from './NyseEarlyCloses';
export { nyseEarlyCloses } from './NyseEarlyCloses';
export type { NyseHoliday } from './NyseHolidays';
export { nyseHolidays } from './NyseHolidays';
export { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './SupportedYears';
export type { SessionHours } from './UsEquityCalendar';
export {
  currentOrNextRegularSession,
  exchangeDateOf,
  holidayOn,
  isEarlyClose,
  isTradingDay,
  marketSessionAt,
  nextTradingDay,
  previousTradingDay,
  sessionHours,
  tradingDaysBetween,
  US_EQUITY_TIME_ZONE,
} from './UsEquityCalendar';
