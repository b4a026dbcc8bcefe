import type { BarInterval, HistoricalBarSource } from '../../shared/ports/HistoricalBars';
import { BAR_INTERVALS } from '../../shared/ports/HistoricalBars';
import type { HistoricalDividendSource } from '../../shared/ports/HistoricalDividends';
import type { HistorySource } from './WorkerSimulationService';

type BarsAndDividends = HistoricalBarSource & HistoricalDividendSource;

const DAILY: readonly BarInterval[] = ['1d'];

/**
 * The history sources of SPEC 5 "Input", in the order the Simulation page offers them, for the
 * composition root: the bundled dataset (the default), the user's CSV imports, the provider's cached
 * history, and the live loop's quote log (intraday; its dividends come from `quoteLogDividends`, by
 * default the provider's, else the bundled dataset's). Absent sources are left out.
 */
export function historySources(sources: {
  bundled: BarsAndDividends;
  csv?: BarsAndDividends;
  provider?: BarsAndDividends;
  quoteLog?: HistoricalBarSource;
  quoteLogDividends?: HistoricalDividendSource;
}): HistorySource[] {
  const list: HistorySource[] = [
    {
      id: 'bundled',
      label: 'Bundled dataset',
      intervals: DAILY,
      bars: sources.bundled,
      dividends: sources.bundled,
    },
  ];
  if (sources.csv)
    list.push({
      id: 'csv',
      label: 'Imported CSV files',
      intervals: BAR_INTERVALS,
      bars: sources.csv,
      dividends: sources.csv,
    });
  if (sources.provider)
    list.push({
      id: 'provider',
      label: `Provider history (${sources.provider.name})`,
      intervals: DAILY,
      bars: sources.provider,
      dividends: sources.provider,
    });
  if (sources.quoteLog)
    list.push({
      id: 'quote-log',
      label: 'Your quote log',
      intervals: BAR_INTERVALS,
      bars: sources.quoteLog,
      dividends: sources.quoteLogDividends ?? sources.provider ?? sources.bundled,
    });
  return list;
}
