import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { BadInput } from '../exitCodes';
import { date, inputFile, symbols, valueOption, count } from '../values';

interface IndicatorFlags {
  from: string;
  to: string;
  csv?: string;
  last: number;
  json?: boolean;
}

/**
 * `indicators SYM [--csv file] [--json]`: SPEC 10's indicators (TTR 0.24's definitions) over a symbol's
 * daily bars — SMA 50/200, EMA 12/26, MACD 12/26/9, RSI 14, Bollinger 20/2, true range, ATR 14, ADX 14.
 * `--json` prints every session's values (null before an indicator exists); the text shows the last ones.
 */
export function registerIndicators(program: Command, ctx: CliContext): void {
  program
    .command('indicators')
    .description("a symbol's indicators (SMA, EMA, MACD, RSI, Bollinger, true range, ATR, ADX)")
    .argument('<symbol>', 'the symbol', symbols('<symbol>'))
    .addOption(
      valueOption('--from <date>', 'first session (YYYY-MM-DD)', date('--from'), {
        value: '1990-01-01',
        text: '1990-01-01',
      }),
    )
    .addOption(
      valueOption('--to <date>', 'last session (YYYY-MM-DD)', date('--to'), {
        value: '2100-12-31',
        text: '2100-12-31',
      }),
    )
    .addOption(
      valueOption('--csv <file>', 'bars from a CSV file instead of the bundled data', inputFile('--csv')),
    )
    .addOption(
      valueOption(
        '--last <n>',
        'sessions shown in the text table',
        count('--last', { min: 1, max: 100_000 }),
        { value: 10, text: '10' },
      ),
    )
    .option('--json', 'print every session as JSON on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  indicators KO --from 2020-01-01 --last 5\n  indicators ACME --csv examples/acme.csv --json',
    )
    .action(async (symbolArg: string[], flags: IndicatorFlags) => {
      const symbol = symbolArg[0] as string;
      if (symbolArg.length !== 1) throw new BadInput('<symbol>: give one symbol');
      const [{ loadIndicatorBars, indicatorTable, renderIndicators }] = await Promise.all([
        import('../indicatorOutput'),
      ]);
      const bars = await loadIndicatorBars(symbol, flags);
      const table = indicatorTable(bars);
      if (flags.json === true) ctx.io.out(`${JSON.stringify(table)}\n`);
      else ctx.io.out(renderIndicators(table, flags.last));
    });
}
