import type { Command } from 'commander';
import type { SizerChoice, StrategyChoice } from '../../../shared/simulation/strategy/choices';
import type { CliContext } from '../CliContext';
import { BadInput, RunFailed } from '../exitCodes';
import type { RunFlags } from '../runOptions';
import { addRunOptions } from '../runOptions';
import { count, jsonFile, outputFiles, sizer, strategies, symbolList, valueOption } from '../values';

interface BacktestFlags extends RunFlags {
  strategy: StrategyChoice[];
  symbols: string[];
  sizer?: SizerChoice;
  vwap?: boolean;
  labConfig?: string;
  workers: number;
  report: string[];
  json?: boolean;
}

const REPORT_EXTENSIONS = ['pdf', 'html', 'xlsx', 'csv', 'json'] as const;

/**
 * `backtest --strategy macd:12,26,9 --symbols KO,PEP`: SPEC 10's strategies on the same symbols, dates
 * and capital, side by side with buy-and-hold (several --strategy flags compare them). The run flags
 * (dates, cash, costs, fill model, volatility balancing's settings) are simulate's. Heavy modules load
 * when it runs (ADR 0066).
 */
export function registerBacktest(program: Command, ctx: CliContext): void {
  addRunOptions(program.command('backtest').description('compare strategies (SPEC 10) beside buy-and-hold'))
    .addOption(
      valueOption(
        '--strategy <name[:params]>',
        'vb, buy_and_hold, sma_cross[:50,200], macd[:12,26,9], momentum[:126], bollinger[:20,2], rsi[:14,30,70]; repeatable',
        strategies('--strategy'),
        { value: [], text: 'none' },
      ),
    )
    .addOption(
      valueOption('--symbols <list>', 'symbols separated by commas, e.g. KO,PEP', symbolList('--symbols'), {
        value: [],
        text: 'none',
      }),
    )
    .addOption(
      valueOption(
        '--sizer <name[:params]>',
        'fixed[:qty], percent[:0.95], risk[:0.01,0.05], kelly[:0.5,0.5], volatility[:0.01,2] (default percent:0.95)',
        sizer('--sizer'),
      ),
    )
    .option('--vwap', "signal strategies fill at the bar's typical price (high + low + close)/3")
    .addOption(
      valueOption(
        '--lab-config <file>',
        'JSON file of strategies, sizer and matching (README "Strategy lab")',
        jsonFile('--lab-config'),
      ),
    )
    .addOption(
      valueOption(
        '--workers <n>',
        'worker threads (0 runs in this thread)',
        count('--workers', { min: 0, max: 16 }),
        { value: 2, text: '2' },
      ),
    )
    .addOption(
      valueOption(
        '--report <file>',
        `write the comparison (${REPORT_EXTENSIONS.map((f) => `.${f}`).join(', ')}); repeatable`,
        outputFiles('--report', REPORT_EXTENSIONS),
        { value: [], text: 'none' },
      ),
    )
    .option('--json', 'print only the comparison as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  backtest --strategy macd:12,26,9 --symbols KO,PEP --sizer percent:0.95 --json
  backtest --strategy vb --strategy sma_cross --strategy rsi:14,25,75 --symbols KO --from 2005-01-01 --report compare.html`,
    )
    .action(async (flags: BacktestFlags) => {
      const [
        { readLabSettings },
        { historyFrom, simulationSpecFrom, strategyConfigFrom },
        { runCompare },
        { renderCompare, compareJsonSummary },
        { writeCompareReport },
      ] = await Promise.all([
        import('../labSettings'),
        import('../runInputs'),
        import('../../workers/ComparePool'),
        import('../compareSummary'),
        import('../../reports/compareReport'),
      ]);
      // Files first: a bad --config or --lab-config is named before a missing flag.
      strategyConfigFrom(flags);
      const file = flags.labConfig === undefined ? {} : readLabSettings(flags.labConfig);
      const chosen = flags.strategy.length > 0 ? flags.strategy : (file.strategies ?? []);
      if (chosen.length === 0)
        throw new BadInput('--strategy: give at least one strategy, e.g. --strategy macd');
      if (flags.symbols.length === 0)
        throw new BadInput('--symbols: give one or more symbols, e.g. --symbols KO,PEP');
      const spec = simulationSpecFrom(flags.symbols, flags);
      const history = await historyFrom(spec, flags, ctx.io);
      const sizerChoice = flags.sizer ?? file.sizer;
      const matching = {
        fill: flags.vwap === true ? ('vwap' as const) : (file.matching?.fill ?? spec.execution.fill),
        slippageBps: file.matching?.slippageBps ?? spec.execution.slippageBps,
        maxVolumePct:
          spec.execution.volumeCap ??
          (file.matching?.maxVolumePct !== undefined ? file.matching.maxVolumePct : 0.1),
      };
      const outcome = await runCompare(
        spec,
        history,
        chosen.map((strategy) =>
          sizerChoice === undefined ? { strategy } : { strategy, sizer: sizerChoice },
        ),
        { matching },
        { workers: flags.workers, signal: ctx.signal },
      );
      if (!outcome.ok) {
        if (outcome.code === 'CANCELLED') throw new RunFailed(outcome.message);
        throw new BadInput(outcome.message);
      }
      const written: string[] = [];
      for (const f of flags.report) {
        const done = await writeCompareReport(outcome.result, f);
        if (!done.ok) throw new RunFailed(done.message);
        written.push(...done.files);
        ctx.io.err(`report: ${done.files.join(', ')}\n`);
      }
      if (flags.json === true)
        ctx.io.out(`${JSON.stringify(compareJsonSummary(outcome.result, written), null, 2)}\n`);
      else ctx.io.out(renderCompare(outcome.result));
    });
}
