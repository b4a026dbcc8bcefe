import type { SweepGrid, SweepResult, WalkForwardResult } from '../../shared/simulation';
import type { WriteOutcome } from './atomicWrite';
import { writeAllOrNothing } from './atomicWrite';
import { renderCsvTable } from './csvReport';
import { stitchedEquityTable, sweepJson, sweepTable, walkForwardJson, walkForwardTable } from './sweepReport';

export { sweepJson, walkForwardJson };

/** A sweep's rows as `file`: .json (the whole result, units labelled) or .csv (one row per combination). */
export function writeSweep(result: SweepResult, grid: SweepGrid | null, file: string): Promise<WriteOutcome> {
  const data = file.toLowerCase().endsWith('.json')
    ? sweepJson(result, grid)
    : renderCsvTable(sweepTable(result));
  return writeAllOrNothing([{ file, data }]);
}

/**
 * A walk-forward as `file`: .json (the whole result), or .csv, which gives the windows in `<name>.csv`
 * and the stitched out-of-sample equity in `<name>.equity.csv`. All written or none.
 */
export function writeWalkForward(
  result: WalkForwardResult,
  grid: SweepGrid | null,
  file: string,
): Promise<WriteOutcome> {
  if (file.toLowerCase().endsWith('.json'))
    return writeAllOrNothing([{ file, data: walkForwardJson(result, grid) }]);
  return writeAllOrNothing([
    { file, data: renderCsvTable(walkForwardTable(result)) },
    {
      file: `${file.slice(0, -'.csv'.length)}.equity.csv`,
      data: renderCsvTable(stitchedEquityTable(result)),
    },
  ]);
}
