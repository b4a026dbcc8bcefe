import type { Command } from 'commander';
import type { StrategyConfig } from '../../shared/domain/Config';
import type { BarInterval } from '../../shared/ports/HistoricalBars';
import { BAR_INTERVALS } from '../../shared/ports/HistoricalBars';
import type { FillModel } from '../../shared/simulation';
import { FILL_MODELS } from '../../shared/simulation/names';
import { BadInput } from './exitCodes';
import type { ValueParser } from './values';
import {
  choice,
  countOrNone,
  date,
  dollars,
  fraction,
  jsonFile,
  number,
  readFraction,
  symbolFile,
  symbols,
  valueOption,
} from './values';

/**
 * The flags every run command shares (simulate, sweep, walk-forward): which bars, which settings, how
 * orders fill. `--config` reads a JSON file of strategy settings (ADR 0068); flags given on the command
 * line override it. Every value is read by a parser of ./values.ts, so it is checked before anything
 * runs; ./runInputs.ts turns the values into a run (loaded when a command runs, not for `--help`).
 */
export function addRunOptions(command: Command): Command {
  const opt = <T>(
    flags: string,
    description: string,
    parse: ValueParser<T>,
    defaultValue?: [T, string],
  ): void => {
    command.addOption(
      valueOption(
        flags,
        description,
        parse,
        defaultValue && { value: defaultValue[0], text: defaultValue[1] },
      ),
    );
  };
  opt('--from <date>', 'first session (YYYY-MM-DD)', date('--from'), ['1990-01-01', '1990-01-01']);
  opt('--to <date>', 'last session (YYYY-MM-DD)', date('--to'), ['2100-12-31', '2100-12-31']);
  opt(
    '--interval <interval>',
    `bar interval (${BAR_INTERVALS.join(', ')})`,
    choice('--interval', BAR_INTERVALS),
    ['1d' as BarInterval, '1d'],
  );
  opt(
    '--cash <dollars>',
    'starting cash of each position, in dollars',
    dollars('--cash', { min: 0, aboveMin: true }),
    [10_000_000, '100000'],
  );
  opt(
    '--csv <symbol=file>',
    'bars of a symbol from a CSV file instead of the bundled data (repeatable)',
    symbolFile('--csv'),
    [[], 'none'],
  );
  opt(
    '--dividends-csv <symbol=file>',
    'dividends of a symbol from a CSV file (repeatable)',
    symbolFile('--dividends-csv'),
    [[], 'none'],
  );
  command.option('--allow-gaps', 'accept missing sessions in imported CSV bars');
  opt('--config <file>', 'JSON file of strategy settings (see README "Config files")', jsonFile('--config'));
  opt(
    '--threshold <fraction>',
    'up and down trigger threshold, e.g. 0.03 or 3%',
    fraction('--threshold', { min: 0, aboveMin: true, max: 10 }),
  );
  opt('--up <fraction>', 'up (sell) threshold', fraction('--up', { min: 0, aboveMin: true, max: 10 }));
  opt('--down <fraction>', 'down (buy) threshold', fraction('--down', { min: 0, aboveMin: true, max: 1 }));
  opt(
    '--ratio <number>',
    'rebalance ratio of proportional sizing',
    number('--ratio', { min: 0, aboveMin: true, max: 100 }),
  );
  opt(
    '--sizing <strategy>',
    'proportional or target_allocation',
    choice('--sizing', ['proportional', 'target_allocation'] as const),
  );
  opt('--target <fraction>', 'target stock fraction of target_allocation sizing', fraction('--target'));
  opt('--band <min:max>', 'allocation band, e.g. 0.25:0.75 or 25%:75%', band('--band'));
  opt(
    '--max-trade <fraction>',
    'largest trade as a fraction of the position value',
    fraction('--max-trade', { min: 0, aboveMin: true, max: 1 }),
  );
  opt('--max-orders <n>', 'orders per position per day ("none" for no limit)', countOrNone('--max-orders'));
  opt('--min-notional <dollars>', 'smallest order notional, in dollars', dollars('--min-notional'));
  opt('--qty-step <shares>', 'quantity step (0 = fractional shares)', number('--qty-step'));
  opt('--initial-stock <fraction>', 'stock fraction of the initial allocation', fraction('--initial-stock'));
  command.option('--no-anchor-dividend', 'do not lower the anchor on ex-dividend dates');
  opt('--withholding <fraction>', 'dividend withholding tax', fraction('--withholding'));
  opt(
    '--commission <rate>',
    "commission rate, e.g. 0.0001 or 0.01% (default: the app's global rate)",
    fraction('--commission', { min: 0, max: 0.1 }),
  );
  opt(
    '--min-commission <dollars>',
    'minimum commission per order, in dollars',
    dollars('--min-commission', { min: 0, max: 10_000 }),
    [0, '0'],
  );
  opt('--fill <model>', `fill model (${FILL_MODELS.join(', ')})`, choice('--fill', FILL_MODELS), [
    'close' as FillModel,
    'close',
  ]);
  opt(
    '--slippage-bps <bps>',
    'slippage against each fill, basis points',
    number('--slippage-bps', { min: 0, max: 10_000 }),
    [0, '0'],
  );
  opt(
    '--volume-cap <fraction>',
    'largest fraction of a bar volume one fill may take',
    fraction('--volume-cap', { min: 0, aboveMin: true, max: 1 }),
  );
  opt(
    '--risk-free <rate>',
    'risk-free return per day for Sharpe and Sortino',
    fraction('--risk-free', { min: -0.01, max: 0.01 }),
    [0, '0'],
  );
  return command;
}

/** The values of the run flags, as their parsers return them. */
export interface RunFlags {
  from: string;
  to: string;
  interval: BarInterval;
  /** Cents. */
  cash: number;
  csv: [string, string][];
  dividendsCsv: [string, string][];
  allowGaps?: boolean;
  config?: string;
  threshold?: number;
  up?: number;
  down?: number;
  ratio?: number;
  sizing?: StrategyConfig['sizing']['strategy'];
  target?: number;
  band?: [number, number];
  maxTrade?: number;
  maxOrders?: number | null;
  /** Cents. */
  minNotional?: number;
  qtyStep?: number;
  initialStock?: number;
  anchorDividend: boolean;
  withholding?: number;
  /** The app's global rate when not given. */
  commission?: number;
  /** Cents. */
  minCommission: number;
  fill: FillModel;
  slippageBps: number;
  volumeCap?: number;
  riskFree: number;
}

/** "0.25:0.75" (or "25%:75%") → [min, max], each a fraction from 0 to 1, min ≤ max. */
export function readBand(flag: string, text: string): [number, number] {
  const parts = text.split(':');
  if (parts.length !== 2)
    throw new BadInput(`${flag} ${JSON.stringify(text)}: should be min:max, e.g. 0.25:0.75 or 25%:75%`);
  const min = readFraction(flag, parts[0] as string, { min: 0, max: 1 });
  const max = readFraction(flag, parts[1] as string, { min: 0, max: 1 });
  if (min > max)
    throw new BadInput(
      `${flag} ${JSON.stringify(text)}: the minimum is above the maximum; write it as min:max`,
    );
  return [min, max];
}

function band(flag: string): ValueParser<[number, number]> {
  return Object.assign((text: string) => readBand(flag, text), { valueKind: 'band' as const });
}

/**
 * A number flag read in action code ("3%" is 0.03), for commands written before their flags had
 * parsers (ADR 0065); new options take a parser of ./values.ts instead.
 */
export function parseNumber(flag: string, text: string): number {
  return readFraction(flag.startsWith('-') ? flag : `--${flag}`, text, {});
}

/** Symbols given in action code, each once (see `parseNumber`); new arguments use `symbols()` of ./values.ts. */
export function parseSymbols(raw: readonly string[]): string[] {
  if (raw.length === 0) throw new BadInput('give at least one symbol, e.g. KO');
  const parse = symbols('<symbols>');
  return raw.reduce<string[]>((list, text) => parse(text, list), []);
}
