import path from 'node:path';
import type { Command } from 'commander';
import type { WalkForwardResult } from '../../../shared/simulation';
import { walkForward } from '../../../shared/simulation';
import { writeAllOrNothing } from '../../reports/atomicWrite';
import { renderCsvTable } from '../../reports/csvReport';
import { stitchedEquityTable, walkForwardJson, walkForwardTable } from '../../reports/sweepReport';
import { SweepPool } from '../../workers/SweepPool';
import type { CliContext } from '../CliContext';
import { ProgressBar, RunError, UsageError } from '../CliContext';
import type { GridFlags } from '../gridOptions';
import { addGridOptions, gridFrom, metricFrom, workersFrom } from '../gridOptions';
import type { RunFlags } from '../runOptions';
import { addRunOptions, historyFrom, parseSymbols, simulationSpecFrom } from '../runOptions';

interface WalkForwardFlags extends RunFlags, GridFlags {
  inSample: string;
  outOfSample: string;
  out?: string;
}

/** `walk-forward KO …`: choose parameters in rolling in-sample windows, trade them out of sample. */
export function registerWalkForward(program: Command, ctx: CliContext): void {
  addGridOptions(
    addRunOptions(
      program
        .command('walk-forward')
        .description('rolling in-sample parameter choice, traded in the next out-of-sample window')
        .argument('<symbols...>', 'one or more symbols'),
    ),
  )
    .option('--in-sample <length>', 'in-sample window: months (36, 36m) or years (3y)', '3y')
    .option('--out-of-sample <length>', 'out-of-sample window and roll step', '1y')
    .option(
      '--out <file>',
      'write the windows and the stitched equity (.csv gives <name>.csv and <name>.equity.csv, or .json)',
    )
    .addHelpText(
      'after',
      `
Examples:
  walk-forward KO --from 2000-01-01 --in-sample 3y --out-of-sample 1y --metric sharpe --out wf.csv
  walk-forward PG --in-sample 24m --out-of-sample 6m --thresholds 0.02:0.08:0.02 --ratios 1,2`,
    )
    .action(async (rawSymbols: string[], flags: WalkForwardFlags) => {
      const symbols = parseSymbols(rawSymbols);
      const grid = gridFrom(flags);
      const metric = metricFrom(flags);
      const workers = workersFrom(flags);
      const inSampleMonths = parseMonths('in-sample', flags.inSample);
      const outOfSampleMonths = parseMonths('out-of-sample', flags.outOfSample);
      if (flags.out !== undefined && !['.csv', '.json'].includes(path.extname(flags.out).toLowerCase())) {
        throw new UsageError(`--out ${flags.out}: use .csv or .json`);
      }
      const spec = await simulationSpecFrom(symbols, flags);
      const history = await historyFrom(spec, flags);
      const progress = new ProgressBar(ctx.io, `walk-forward ${symbols.join(',')}`);
      let steps = 0;
      const pool = new SweepPool(workers);
      // One pool for every window's sweep: the threads start once.
      const outcome = await walkForward(
        spec,
        history,
        { inSampleMonths, outOfSampleMonths, metric, grid },
        {
          runSweep: (s, h, g, m) => pool.run(s, h, g, { metric: m, signal: ctx.signal }),
          onProgress: (d, t) => {
            steps = t;
            progress.update(d, t);
          },
          signal: ctx.signal,
        },
      );
      await pool.close();
      if (!outcome.ok) {
        if (outcome.code === 'WORKER_FAILED' || outcome.code === 'CANCELLED')
          throw new RunError(outcome.message);
        throw new UsageError(outcome.message);
      }
      const result = outcome.result;
      if (!result.cancelled) progress.done(steps);
      ctx.io.out(renderWindows(result));
      if (flags.out !== undefined) {
        const files = flags.out.toLowerCase().endsWith('.json')
          ? [
              {
                file: flags.out,
                data: walkForwardJson(result, grid),
              },
            ]
          : [
              { file: flags.out, data: renderCsvTable(walkForwardTable(result)) },
              {
                file: `${flags.out.slice(0, -4)}.equity.csv`,
                data: renderCsvTable(stitchedEquityTable(result)),
              },
            ];
        const written = await writeAllOrNothing(files);
        if (!written.ok) throw new RunError(written.message);
        ctx.io.out(`results: ${written.files.join(', ')}\n`);
      }
      if (result.cancelled) throw new RunError(`cancelled after ${result.windows.length} window(s)`);
    });
}

/** "36", "36m" or "3y" → months. */
export function parseMonths(flag: string, text: string): number {
  const m = /^(\d+)\s*([my]?)$/i.exec(text.trim());
  const n = m === null ? NaN : Number(m[1]) * ((m[2] ?? '').toLowerCase() === 'y' ? 12 : 1);
  if (!Number.isInteger(n) || n < 1 || n > 600)
    throw new UsageError(`--${flag}: "${text}" should be months (36, 36m) or years (3y)`);
  return n;
}

function pct(v: number | null): string {
  return v === null ? 'n/a' : `${(v * 100).toFixed(2)} %`;
}

function renderWindows(result: WalkForwardResult): string {
  const lines = [
    `${result.windows.length} windows (${result.plan.inSampleMonths} months in sample, ${result.plan.outOfSampleMonths} out of sample), chosen by ${result.metric}`,
    `${'out of sample'.padEnd(25)}${'up'.padStart(7)}${'down'.padStart(7)}${'ratio'.padStart(8)}${'band'.padStart(12)}${`IS ${result.metric}`.padStart(13)}${'OOS return'.padStart(12)}${'trades'.padStart(8)}`,
    ...result.windows.map(
      (w) =>
        `${`${w.outOfSample.from} to ${w.outOfSample.to}`.padEnd(25)}${String(w.chosen?.up ?? '-').padStart(7)}${String(w.chosen?.down ?? '-').padStart(7)}${String(w.chosen?.ratio ?? '-').padStart(8)}${(w.chosen === null ? '-' : `${w.chosen.minStockPct}-${w.chosen.maxStockPct}`).padStart(12)}${(w.inSampleScore === null ? 'n/a' : w.inSampleScore.toFixed(3)).padStart(13)}${pct(w.outOfSampleMetrics.totalReturn).padStart(12)}${String(w.trades).padStart(8)}`,
    ),
    `stitched out of sample: return ${pct(result.metrics.outOfSample.totalReturn)}, CAGR ${pct(result.metrics.outOfSample.cagr)}, Sharpe ${result.metrics.outOfSample.sharpe?.toFixed(3) ?? 'n/a'}, max drawdown ${pct(result.metrics.outOfSample.maxDrawdown)}`,
    `buy and hold, same span:  return ${pct(result.metrics.buyAndHold.totalReturn)}, CAGR ${pct(result.metrics.buyAndHold.cagr)}, Sharpe ${result.metrics.buyAndHold.sharpe?.toFixed(3) ?? 'n/a'}, max drawdown ${pct(result.metrics.buyAndHold.maxDrawdown)}`,
  ];
  return `${lines.join('\n')}\n`;
}
