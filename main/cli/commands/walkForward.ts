import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { ProgressBar } from '../CliContext';
import { BadInput, RunFailed } from '../exitCodes';
import type { GridFlags } from '../gridOptions';
import { addGridOptions, gridFrom } from '../gridOptions';
import type { RunFlags } from '../runOptions';
import { addRunOptions } from '../runOptions';
import type { ValueParser } from '../values';
import { outputFile, symbols, valueOption } from '../values';

interface WalkForwardFlags extends RunFlags, GridFlags {
  inSample: number;
  outOfSample: number;
  out?: string;
  json?: boolean;
}

/** `walk-forward KO …`: choose parameters in rolling in-sample windows, trade them out of sample. */
export function registerWalkForward(program: Command, ctx: CliContext): void {
  addGridOptions(
    addRunOptions(
      program
        .command('walk-forward')
        .description('rolling in-sample parameter choice, traded in the next out-of-sample window')
        .argument('<symbols...>', 'one or more symbols', symbols('<symbols>')),
    ),
  )
    .addOption(
      valueOption(
        '--in-sample <length>',
        'in-sample window: months (36, 36m) or years (3y)',
        months('--in-sample'),
        {
          value: 36,
          text: '3y',
        },
      ),
    )
    .addOption(
      valueOption(
        '--out-of-sample <length>',
        'out-of-sample window and roll step',
        months('--out-of-sample'),
        {
          value: 12,
          text: '1y',
        },
      ),
    )
    .addOption(
      valueOption(
        '--out <file>',
        'write the windows and the stitched equity (.csv gives <name>.csv and <name>.equity.csv, or .json)',
        outputFile('--out', ['csv', 'json']),
      ),
    )
    .option('--json', 'print only the result as JSON on stdout (progress on stderr)')
    .addHelpText(
      'after',
      `
Examples:
  walk-forward KO --from 2000-01-01 --in-sample 3y --out-of-sample 1y --metric sharpe --out wf.csv
  walk-forward PG --in-sample 24m --out-of-sample 6m --thresholds 0.02:0.08:0.02 --ratios 1,2`,
    )
    .action(async (symbolList: string[], flags: WalkForwardFlags) => {
      const grid = gridFrom(flags);
      const [
        { historyFrom, simulationSpecFrom },
        { walkForward },
        { SweepPool },
        reports,
        { renderWindows },
      ] = await Promise.all([
        import('../runInputs'),
        import('../../../shared/simulation'),
        import('../../workers/SweepPool'),
        import('../../reports/sweepOutput'),
        import('../sweepSummary'),
      ]);
      const spec = simulationSpecFrom(symbolList, flags);
      const history = await historyFrom(spec, flags, ctx.io);
      const progress = new ProgressBar(ctx.io, `walk-forward ${symbolList.join(',')}`);
      let steps = 0;
      // One pool for every window's sweep: the threads start once.
      const pool = new SweepPool(flags.workers);
      const outcome = await walkForward(
        spec,
        history,
        { inSampleMonths: flags.inSample, outOfSampleMonths: flags.outOfSample, metric: flags.metric, grid },
        {
          runSweep: (s, h, g, m) => pool.run(s, h, g, { metric: m, signal: ctx.signal }),
          onProgress: (d, t) => {
            steps = t;
            progress.update(d, t);
          },
          signal: ctx.signal,
        },
      ).finally(() => pool.close());
      if (!outcome.ok) {
        if (outcome.code === 'WORKER_FAILED' || outcome.code === 'CANCELLED')
          throw new RunFailed(outcome.message);
        throw new BadInput(outcome.message);
      }
      const result = outcome.result;
      if (!result.cancelled) progress.done(steps);
      if (flags.out !== undefined) {
        const written = await reports.writeWalkForward(result, grid, flags.out);
        if (!written.ok) throw new RunFailed(written.message);
        ctx.io.err(`results: ${written.files.join(', ')}\n`);
      }
      if (flags.json === true) ctx.io.out(reports.walkForwardJson(result, grid));
      else ctx.io.out(renderWindows(result));
      if (result.cancelled) throw new RunFailed(`cancelled after ${result.windows.length} window(s)`);
    });
}

/** "36", "36m" or "3y" → months, from 1 to 600. */
export function readMonths(flag: string, text: string): number {
  const m = /^(\d+)\s*([my]?)$/i.exec(text.trim());
  const n = m === null ? NaN : Number(m[1]) * ((m[2] ?? '').toLowerCase() === 'y' ? 12 : 1);
  if (!Number.isInteger(n) || n < 1 || n > 600)
    throw new BadInput(
      `${flag} ${JSON.stringify(text)}: give months (36 or 36m) or years (3y), from 1 month to 50 years`,
    );
  return n;
}

function months(flag: string): ValueParser<number> {
  return Object.assign((text: string) => readMonths(flag, text), { valueKind: 'months' as const });
}
