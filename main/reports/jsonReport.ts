import type { SimulationResult } from '../../shared/simulation';
import type { ReportModel } from './ReportModel';

/**
 * JSON carries everything (SPEC 5): the report's title and summary rows beside the complete result,
 * whose trades, events, equity, metrics and monthly tables are the other formats' tables, plus the
 * per-bar evaluation timeline.
 */
export function renderJsonReport(model: ReportModel, result: SimulationResult): string {
  return `${JSON.stringify(
    {
      format: 'volatility-balancing.simulation-report',
      version: 1,
      title: model.title,
      subtitle: model.subtitle,
      summary: Object.fromEntries(model.summary.rows.map(([label, value]) => [String(label), value])),
      result,
    },
    null,
    1,
  )}\n`;
}
