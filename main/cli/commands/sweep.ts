import path from 'node:path';
import type { Command } from 'commander';
import type { SweepResult } from '../../../shared/simulation';
import { sweepHeatmap, SWEEP_AXES } from '../../../shared/simulation';
import type { SweepAxis } from '../../../shared/simulation';
import { writeAllOrNothing } from '../../reports/atomicWrite';
import { renderCsvTable } from '../../reports/csvReport';
import { sweepJson, sweepTable } from '../../reports/sweepReport';
import { runSweepInWorkers } from '../../workers/SweepPool';
import type { CliContext } from '../CliContext';
import { ProgressBar, RunError, UsageError } from '../CliContext';
import type { GridFlags } from '../gridOptions';
import { addGridOptions, gridFrom, metricFrom, workersFrom } from '../gridOptions';
import type { RunFlags } from '../runOptions';
import { addRunOptions, historyFrom, parseSymbols, simulationSpecFrom } from '../runOptions';

interface SweepFlags extends RunFlags, GridFlags {
  out?: string;
  top: string;
  heatmap?: string;
}

/** `sweep KO …`: every combination of thresholds × ratio × band over the same bars, across worker threads. */
export function registerSweep(program: Command, ctx: CliContext): void {
  addGridOptions(
    addRunOptions(
      program
        .command('sweep')
        .description('run a parameter grid (thresholds × rebalance ratio × band) across worker threads')
        .argument('<symbols...>', 'one or more symbols'),
    ),
  )
    .option('--out <file>', 'write every row (.csv or .json)')
    .option('--top <n>', 'rows to print, best first', '10')
    .option('--heatmap <x,y>', `print a table of the metric over two axes (${SWEEP_AXES.join(', ')})`)
    .addHelpText(
      'after',
      `
Examples:
  sweep KO --from 2005-01-01 --thresholds 0.02:0.10:0.01 --ratios 1:3:0.5 --bands 0.25:0.75,0.1:0.9 --out sweep.csv
  sweep KO PEP --ups 0.03,0.05 --downs 0.02,0.04 --metric calmar --heatmap up,ratio`,
    )
    .action(async (rawSymbols: string[], flags: SweepFlags) => {
      const symbols = parseSymbols(rawSymbols);
      const grid = gridFrom(flags);
      const metric = metricFrom(flags);
      const workers = workersFrom(flags);
      const top = Number(flags.top);
      if (!Number.isInteger(top) || top < 0)
        throw new UsageError(`--top: "${flags.top}" should be a whole number`);
      const axes = flags.heatmap === undefined ? null : parseAxes(flags.heatmap);
      if (flags.out !== undefined && !['.csv', '.json'].includes(path.extname(flags.out).toLowerCase())) {
        throw new UsageError(`--out ${flags.out}: use .csv or .json`);
      }
      const spec = await simulationSpecFrom(symbols, flags);
      const history = await historyFrom(spec, flags);
      const progress = new ProgressBar(ctx.io, `sweep ${symbols.join(',')}`);
      const outcome = await runSweepInWorkers(spec, history, grid, {
        metric,
        ...(workers === undefined ? {} : { workers }),
        onProgress: (d, t) => progress.update(d, t),
        signal: ctx.signal,
      });
      if (!outcome.ok) {
        if (outcome.code === 'WORKER_FAILED') throw new RunError(outcome.message);
        throw new UsageError(outcome.message);
      }
      const result = outcome.result;
      if (!result.cancelled) progress.done(result.total);
      ctx.io.out(renderTop(result, top));
      if (axes !== null) ctx.io.out(renderHeatmap(result, axes[0], axes[1]));
      if (flags.out !== undefined) {
        const data = flags.out.toLowerCase().endsWith('.json')
          ? sweepJson(result, grid)
          : renderCsvTable(sweepTable(result));
        const written = await writeAllOrNothing([{ file: flags.out, data }]);
        if (!written.ok) throw new RunError(written.message);
        ctx.io.out(`results: ${flags.out}\n`);
      }
      if (result.cancelled)
        throw new RunError(`cancelled after ${result.rows.length} of ${result.total} combinations`);
    });
}

function parseAxes(text: string): [SweepAxis, SweepAxis] {
  const parts = text.split(',').map((s) => s.trim());
  if (
    parts.length !== 2 ||
    parts.some((p) => !(SWEEP_AXES as readonly string[]).includes(p)) ||
    parts[0] === parts[1]
  ) {
    throw new UsageError(`--heatmap: "${text}" should be two different axes among ${SWEEP_AXES.join(', ')}`);
  }
  return parts as [SweepAxis, SweepAxis];
}

function num(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined ? 'n/a' : v.toFixed(digits);
}

function renderTop(result: SweepResult, top: number): string {
  const ranked = [...result.rows]
    .filter((r) => r.metrics?.[result.metric] !== null && r.metrics !== null)
    .sort(
      (a, b) =>
        (b.metrics?.[result.metric] as number) - (a.metrics?.[result.metric] as number) || a.index - b.index,
    )
    .slice(0, top);
  const lines = [
    `${result.rows.length} of ${result.total} combinations, ranked by ${result.metric}; buy and hold: ${result.metric} ${num(result.buyAndHold?.[result.metric])}, CAGR ${num(result.buyAndHold?.cagr, 4)}`,
    `${'up'.padStart(7)}${'down'.padStart(7)}${'ratio'.padStart(8)}${'band'.padStart(12)}${result.metric.padStart(12)}${'CAGR'.padStart(9)}${'max DD'.padStart(9)}${'trades'.padStart(8)}`,
    ...ranked.map(
      (r) =>
        `${String(r.params.up).padStart(7)}${String(r.params.down).padStart(7)}${String(r.params.ratio).padStart(8)}${`${r.params.minStockPct}-${r.params.maxStockPct}`.padStart(12)}${num(r.metrics?.[result.metric]).padStart(12)}${num(r.metrics?.cagr, 4).padStart(9)}${num(r.metrics?.maxDrawdown, 4).padStart(9)}${String(r.metrics?.tradeCount ?? '').padStart(8)}`,
    ),
  ];
  const errors = result.rows.filter((r) => r.error !== null);
  if (errors.length > 0) lines.push(`${errors.length} combination(s) failed, e.g. ${errors[0]?.error}`);
  return `${lines.join('\n')}\n`;
}

function renderHeatmap(result: SweepResult, x: SweepAxis, y: SweepAxis): string {
  const map = sweepHeatmap(result, x, y);
  const width = Math.max(9, ...map.xValues.map((v) => v.length + 2));
  const head = `${`${y} \\ ${x}`.padEnd(14)}${map.xValues.map((v) => v.padStart(width)).join('')}`;
  const rows = map.yValues.map(
    (yv, i) => `${yv.padEnd(14)}${(map.cells[i] ?? []).map((c) => num(c).padStart(width)).join('')}`,
  );
  return `${map.metric} (best over the other parameters)\n${head}\n${rows.join('\n')}\n`;
}
