export type { MaxDrawdown } from './drawdown';
export { drawdownSeries, maxDrawdown } from './drawdown';
export type { MonthlyReturn, PeriodCalendar, YearlyReturn } from './monthlyReturns';
export {
  monthlyReturns,
  periodCalendar,
  periodCalendarOfDays,
  periodReturns,
  yearlyReturns,
} from './monthlyReturns';
export { dailyReturns } from './returns';
export type { MetricsInput, PerformanceMetrics } from './riskMetrics';
export { computeMetrics, metricsWithDrawdowns, TRADING_DAYS_PER_YEAR } from './riskMetrics';
