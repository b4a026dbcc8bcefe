import type { SimulationResult } from '../../shared/simulation';
import { unitsBlock } from './jsonUnits';
import type { CellKind, ReportModel } from './ReportModel';

/** The unit of a summary value of each kind, in the words of `units` (jsonUnits.ts). */
const SUMMARY_UNIT: Record<CellKind, string | null> = {
  text: null,
  date: null,
  money: 'USD cents (integer)',
  percent: 'fraction',
  setting: 'fraction',
  ratio: 'ratio',
  number: 'number',
  price: 'USD per share',
  qty: 'shares',
  integer: 'count',
  bps: 'basis points',
};

/**
 * JSON carries everything (SPEC 5): the report's title and summary beside the complete result, whose
 * trades, events, equity, metrics and monthly tables are the other formats' tables, plus the per-bar
 * evaluation timeline. Values stay machine values (cents, fractions, prices as given); each summary
 * entry names its unit, and `units` names the unit of every other number by its key (ADR 0067).
 */
export function renderJsonReport(model: ReportModel, result: SimulationResult): string {
  return `${JSON.stringify(
    {
      format: 'volatility-balancing.simulation-report',
      version: 3,
      title: model.title,
      subtitle: model.subtitle,
      units: unitsBlock(),
      summary: model.summary.rows.map(([item, value], r) => {
        const unit = typeof value === 'number' ? SUMMARY_UNIT[model.summary.rowKinds?.[r] ?? 'text'] : null;
        return unit === null ? { item, value } : { item, value, unit };
      }),
      result,
      // SPEC 8 on the run: lots, round trips with their statistics, wash sales (issue 16).
      accounting: model.accounting,
    },
    null,
    1,
  )}\n`;
}
