import type { Command } from 'commander';
import type { SweepAxis } from '../../../shared/simulation';
import { SWEEP_AXES } from '../../../shared/simulation/names';
import type { CliContext } from '../CliContext';
import { ProgressBar } from '../CliContext';
import { BadInput, RunFailed } from '../exitCodes';
import type { GridFlags } from '../gridOptions';
import { addGridOptions, gridFrom } from '../gridOptions';
import type { RunFlags } from '../runOptions';
import { addRunOptions } from '../runOptions';
import type { ValueParser } from '../values';
import { count, outputFile, symbols, valueOption } from '../values';

interface SweepFlags extends RunFlags, GridFlags {
  out?: string;
  top: number;
  heatmap?: [SweepAxis, SweepAxis];
  json?: boolean;
}

/** `sweep KO …`: every combination of thresholds × ratio × band over the same bars, across worker threads. */
export function registerSweep(program: Command, ctx: CliContext): void {
  addGridOptions(
    addRunOptions(
      program
        .command('sweep')
        .description('run a parameter grid (thresholds × rebalance ratio × band) across worker threads')
        .argument('<symbols...>', 'one or more symbols', symbols('<symbols>')),
    ),
  )
    .addOption(
      valueOption('--out <file>', 'write every row (.csv or .json)', outputFile('--out', ['csv', 'json'])),
    )
    .addOption(
      valueOption('--top <n>', 'rows to print, best first', count('--top'), { value: 10, text: '10' }),
    )
    .addOption(
      valueOption(
        '--heatmap <x,y>',
        `print a table of the metric over two axes (${SWEEP_AXES.join(', ')})`,
        axes('--heatmap'),
      ),
    )
    .option('--json', 'print only the result as JSON on stdout (the rows, best first; progress on stderr)')
    .addHelpText(
      'after',
      `
Examples:
  sweep KO --from 2005-01-01 --thresholds 0.02:0.10:0.01 --ratios 1:3:0.5 --bands 0.25:0.75,0.1:0.9 --out sweep.csv
  sweep KO PEP --ups 0.03,0.05 --downs 0.02,0.04 --metric calmar --heatmap up,ratio`,
    )
    .action(async (symbolList: string[], flags: SweepFlags) => {
      const grid = gridFrom(flags);
      const [
        { historyFrom, simulationSpecFrom },
        { runSweepInWorkers },
        reports,
        { renderHeatmap, renderTop },
      ] = await Promise.all([
        import('../runInputs'),
        import('../../workers/SweepPool'),
        import('../../reports/sweepOutput'),
        import('../sweepSummary'),
      ]);
      const spec = simulationSpecFrom(symbolList, flags);
      const history = await historyFrom(spec, flags, ctx.io);
      const progress = new ProgressBar(ctx.io, `sweep ${symbolList.join(',')}`);
      const outcome = await runSweepInWorkers(spec, history, grid, {
        metric: flags.metric,
        ...(flags.workers === undefined ? {} : { workers: flags.workers }),
        onProgress: (d, t) => progress.update(d, t),
        signal: ctx.signal,
      });
      if (!outcome.ok) {
        if (outcome.code === 'WORKER_FAILED') throw new RunFailed(outcome.message);
        throw new BadInput(outcome.message);
      }
      const result = outcome.result;
      if (!result.cancelled) progress.done(result.total);
      if (flags.out !== undefined) {
        const written = await reports.writeSweep(result, grid, flags.out);
        if (!written.ok) throw new RunFailed(written.message);
        ctx.io.err(`results: ${written.files.join(', ')}\n`);
      }
      if (flags.json === true) ctx.io.out(reports.sweepJson(result, grid));
      else {
        ctx.io.out(renderTop(result, flags.top));
        if (flags.heatmap !== undefined)
          ctx.io.out(`\n${renderHeatmap(result, flags.heatmap[0], flags.heatmap[1])}`);
      }
      if (result.cancelled)
        throw new RunFailed(`cancelled after ${result.rows.length} of ${result.total} combinations`);
    });
}

/** "up,ratio": two different axes of the grid. */
function axes(flag: string): ValueParser<[SweepAxis, SweepAxis]> {
  return Object.assign(
    (text: string): [SweepAxis, SweepAxis] => {
      const parts = text.split(',').map((s) => s.trim());
      if (
        parts.length !== 2 ||
        parts.some((p) => !(SWEEP_AXES as readonly string[]).includes(p)) ||
        parts[0] === parts[1]
      )
        throw new BadInput(
          `${flag} ${JSON.stringify(text)}: give two different axes among ${SWEEP_AXES.join(', ')}, e.g. up,ratio`,
        );
      return parts as [SweepAxis, SweepAxis];
    },
    { valueKind: 'axes' as const },
  );
}
