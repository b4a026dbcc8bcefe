import type { Command } from 'commander';
import type { SimulationResult } from '../../../shared/simulation';
import type { CliContext } from '../CliContext';
import { ProgressBar } from '../CliContext';
import { BadInput, RunFailed } from '../exitCodes';
import type { RunFlags } from '../runOptions';
import { addRunOptions } from '../runOptions';
import { choice, count, dollars, outputFiles, symbols, valueOption } from '../values';

interface SimulateFlags extends RunFlags {
  report: string[];
  json?: boolean;
  dayTradeLimit?: number;
  dayTradeMinEquity: number;
  dayTradeMode: 'warn' | 'block';
}

/** The report formats, by extension (main/reports/writeReport.ts checks the same list). */
const REPORT_EXTENSIONS = ['pdf', 'html', 'xlsx', 'csv', 'json'] as const;

/**
 * `simulate KO [PEP …]`: one run (a portfolio when several symbols), a summary, optional reports.
 * Heavy modules (the engine, the report writers) are imported when the command runs, so `vb --help`
 * starts without them (ADR 0066).
 */
export function registerSimulate(program: Command, ctx: CliContext): void {
  addRunOptions(
    program
      .command('simulate')
      .description('replay history through the strategy, beside buy-and-hold')
      .argument(
        '<symbols...>',
        'one or more symbols (several make a portfolio, each with its own cash)',
        symbols('<symbols>'),
      ),
  )
    .addOption(
      valueOption(
        '--report <file>',
        `write a report (${REPORT_EXTENSIONS.map((f) => `.${f}`).join(', ')}); repeatable`,
        outputFiles('--report', REPORT_EXTENSIONS),
        { value: [], text: 'none' },
      ),
    )
    .addOption(
      valueOption(
        '--day-trade-limit <n>',
        'SPEC 8: at most n day trades in 5 sessions while equity is below --day-trade-min-equity (off unless given)',
        count('--day-trade-limit', { min: 0, max: 1000 }),
      ),
    )
    .addOption(
      valueOption(
        '--day-trade-min-equity <dollars>',
        'the day-trade limit applies while the position’s equity is below this',
        dollars('--day-trade-min-equity', { min: 0, max: 1_000_000_000 }),
        { value: 2_500_000, text: '25000' },
      ),
    )
    .addOption(
      valueOption<'warn' | 'block'>(
        '--day-trade-mode <mode>',
        'warn (the buy goes through with a reason) or block (the buy is rejected)',
        choice('--day-trade-mode', ['warn', 'block'] as const),
        { value: 'warn', text: 'warn' },
      ),
    )
    .option('--json', 'print only the summary as JSON on stdout (progress and messages go to stderr)')
    .addHelpText(
      'after',
      `
Examples:
  simulate KO --from 2010-01-01 --to 2020-12-31 --report ko.html
  simulate KO PEP PG --threshold 5% --band 0.3:0.7 --fill next_open --slippage-bps 5 --report run.xlsx
  simulate ACME --csv ACME=examples/acme.csv --dividends-csv ACME=examples/acme-dividends.csv --config examples/strategy.json --json
  simulate ACME --csv ACME=acme-hourly.csv --interval 1h --day-trade-limit 3 --day-trade-mode block --json`,
    )
    .action(async (symbolList: string[], flags: SimulateFlags) => {
      const [
        { runSimulation },
        { writeReport },
        { historyFrom, simulationSpecFrom },
        { renderSummary, summaryJson },
      ] = await Promise.all([
        import('../../../shared/simulation'),
        import('../../reports/writeReport'),
        import('../runInputs'),
        import('../simulationSummary'),
      ]);
      const spec = {
        ...simulationSpecFrom(symbolList, flags),
        ...(flags.dayTradeLimit === undefined
          ? {}
          : {
              dayTradeLimit: {
                maxDayTrades: flags.dayTradeLimit,
                minEquityCents: flags.dayTradeMinEquity,
                mode: flags.dayTradeMode,
              },
            }),
      };
      const history = await historyFrom(spec, flags, ctx.io);
      const progress = new ProgressBar(ctx.io, `simulate ${symbolList.join(',')}`);
      const outcome = runSimulation(spec, history, {
        onProgress: (d, t) => progress.update(d, t),
        signal: ctx.signal,
      });
      if (!outcome.ok) {
        if (outcome.code === 'CANCELLED') throw new RunFailed(outcome.message);
        throw new BadInput(outcome.message);
      }
      progress.done(outcome.result.inputs.bars);
      const result: SimulationResult = outcome.result;
      const written: string[] = [];
      for (const file of flags.report) {
        const done = await writeReport(result, file);
        if (!done.ok) throw new RunFailed(done.message);
        written.push(...done.files);
        ctx.io.err(`report: ${done.files.join(', ')}\n`);
      }
      if (flags.json === true) ctx.io.out(`${JSON.stringify(summaryJson(result, written), null, 2)}\n`);
      else ctx.io.out(renderSummary(result));
    });
}
