import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { StrategyConfig, StrategyConfigOverride } from '../../shared/domain/Config';
import { describeIssues } from '../../shared/application/ledger/validation';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig, StrategyConfigSchema } from '../../shared/domain/Config';
import { DEFAULT_GLOBAL_COMMISSION } from '../../shared/domain/Commission';
import { dollarsToCents } from '../../shared/domain/Money';
import type { BarInterval } from '../../shared/ports/HistoricalBars';
import { BAR_INTERVALS } from '../../shared/ports/HistoricalBars';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import { checkSimulationSpec, FILL_MODELS, loadHistory, positionSpec } from '../../shared/simulation';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { CsvBarSource } from '../adapters/data/CsvBarSource';
import { formatIssues } from '../adapters/data/CsvText';
import { LayeredBarSource } from '../adapters/data/LayeredBarSource';
import { normalizeSymbol } from '../adapters/data/symbols';
import { UsageError } from './CliContext';

/**
 * The flags every run command shares (simulate, sweep, walk-forward): which bars, which settings, how
 * orders fill. `--config` reads a JSON file of strategy settings (sections trigger, sizing, guardrails,
 * orderPolicy, execution, as in the config store); flags given on the command line override it.
 */
export function addRunOptions(command: Command): Command {
  return command
    .option('--from <date>', 'first session (YYYY-MM-DD)', '1990-01-01')
    .option('--to <date>', 'last session (YYYY-MM-DD)', '2100-12-31')
    .option('--interval <interval>', `bar interval (${BAR_INTERVALS.join(', ')})`, '1d')
    .option('--cash <dollars>', 'starting cash of each position', '100000')
    .option(
      '--csv <symbol=file>',
      'bars of a symbol from a CSV file instead of the bundled data (repeatable)',
      collect,
      [],
    )
    .option(
      '--dividends-csv <symbol=file>',
      'dividends of a symbol from a CSV file (repeatable)',
      collect,
      [],
    )
    .option('--allow-gaps', 'accept missing sessions in imported CSV bars')
    .option('--config <file>', 'JSON file of strategy settings')
    .option('--threshold <fraction>', 'up and down trigger threshold, e.g. 0.03 or 3%')
    .option('--up <fraction>', 'up (sell) threshold')
    .option('--down <fraction>', 'down (buy) threshold')
    .option('--ratio <number>', 'rebalance ratio of proportional sizing')
    .option('--sizing <strategy>', 'proportional or target_allocation')
    .option('--target <fraction>', 'target stock fraction of target_allocation sizing')
    .option('--band <min:max>', 'allocation band, e.g. 0.25:0.75')
    .option('--max-trade <fraction>', 'largest trade as a fraction of the position value')
    .option('--max-orders <n>', 'orders per position per day ("none" for no limit)')
    .option('--min-notional <dollars>', 'smallest order notional')
    .option('--qty-step <shares>', 'quantity step (0 = fractional shares)')
    .option('--initial-stock <fraction>', 'stock fraction of the initial allocation')
    .option('--no-anchor-dividend', 'do not lower the anchor on ex-dividend dates')
    .option('--withholding <fraction>', 'dividend withholding tax')
    .option('--commission <rate>', 'commission rate', String(DEFAULT_GLOBAL_COMMISSION.rate))
    .option('--min-commission <dollars>', 'minimum commission per order', '0')
    .option('--fill <model>', `fill model (${FILL_MODELS.join(', ')})`, 'close')
    .option('--slippage-bps <bps>', 'slippage against each fill, basis points', '0')
    .option('--volume-cap <fraction>', 'largest fraction of a bar volume one fill may take')
    .option('--risk-free <rate>', 'risk-free return per day for Sharpe and Sortino', '0');
}

export interface RunFlags {
  from: string;
  to: string;
  interval: string;
  cash: string;
  csv: string[];
  dividendsCsv: string[];
  allowGaps?: boolean;
  config?: string;
  threshold?: string;
  up?: string;
  down?: string;
  ratio?: string;
  sizing?: string;
  target?: string;
  band?: string;
  maxTrade?: string;
  maxOrders?: string;
  minNotional?: string;
  qtyStep?: string;
  initialStock?: string;
  anchorDividend: boolean;
  withholding?: string;
  commission: string;
  minCommission: string;
  fill: string;
  slippageBps: string;
  volumeCap?: string;
  riskFree: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A number flag; "3%" means 0.03. */
export function parseNumber(flag: string, text: string): number {
  const percent = text.trim().endsWith('%');
  const value = Number(percent ? text.trim().slice(0, -1) : text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${flag}: "${text}" is not a number`);
  return percent ? value / 100 : value;
}

export function parseSymbols(raw: readonly string[]): string[] {
  if (raw.length === 0) throw new UsageError('give at least one symbol, e.g. KO');
  const symbols = raw.map((s) => {
    const symbol = normalizeSymbol(s);
    if (symbol === null) throw new UsageError(`"${s}" is not a ticker symbol`);
    return symbol;
  });
  const dup = symbols.find((s, i) => symbols.indexOf(s) !== i);
  if (dup !== undefined) throw new UsageError(`${dup} is given twice`);
  return symbols;
}

/** Strategy settings: defaults ← --config file ← flags, validated by the config schema. */
export async function strategyConfigFrom(flags: RunFlags): Promise<StrategyConfig> {
  let config = DEFAULT_STRATEGY_CONFIG;
  if (flags.config !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(flags.config, 'utf8'));
    } catch (e) {
      throw new UsageError(`--config ${flags.config}: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UsageError(
        `--config ${flags.config}: expected an object with trigger, sizing, guardrails, orderPolicy, execution`,
      );
    }
    config = mergeConfig(config, parsed as StrategyConfigOverride);
  }
  const trigger: Partial<StrategyConfig['trigger']> = {};
  const sizing: Partial<StrategyConfig['sizing']> = {};
  const guardrails: Partial<StrategyConfig['guardrails']> = {};
  const orderPolicy: Partial<StrategyConfig['orderPolicy']> = {};
  const execution: Partial<StrategyConfig['execution']> = {};
  const num = (flag: string, text: string | undefined): number | undefined =>
    text === undefined ? undefined : parseNumber(flag, text);
  const set = <T extends object>(target: T, key: keyof T, value: unknown): void => {
    if (value !== undefined) (target as Record<keyof T, unknown>)[key] = value;
  };
  const threshold = num('threshold', flags.threshold);
  set(trigger, 'upThreshold', num('up', flags.up) ?? threshold);
  set(trigger, 'downThreshold', num('down', flags.down) ?? threshold);
  set(sizing, 'rebalanceRatio', num('ratio', flags.ratio));
  set(sizing, 'strategy', flags.sizing);
  set(sizing, 'targetStockPct', num('target', flags.target));
  if (flags.band !== undefined) {
    const [min, max] = parseBand(flags.band);
    set(guardrails, 'minStockPct', min);
    set(guardrails, 'maxStockPct', max);
  }
  set(guardrails, 'maxTradePctOfPosition', num('max-trade', flags.maxTrade));
  if (flags.maxOrders !== undefined)
    set(
      guardrails,
      'maxOrdersPerDay',
      flags.maxOrders === 'none' ? null : num('max-orders', flags.maxOrders),
    );
  set(orderPolicy, 'minNotional', num('min-notional', flags.minNotional));
  set(orderPolicy, 'qtyStep', num('qty-step', flags.qtyStep));
  set(execution, 'initialStockPct', num('initial-stock', flags.initialStock));
  if (!flags.anchorDividend) set(execution, 'adjustAnchorOnDividend', false);
  set(execution, 'dividendWithholdingPct', num('withholding', flags.withholding));
  const merged = mergeConfig(config, { trigger, sizing, guardrails, orderPolicy, execution });
  const checked = StrategyConfigSchema.safeParse(merged);
  if (!checked.success) {
    throw new UsageError(`invalid settings: ${describeIssues(checked.error)}`);
  }
  return checked.data as StrategyConfig;
}

/** "0.25:0.75" (or "0.25-0.75", "25%:75%") → [min, max]. */
export function parseBand(text: string): [number, number] {
  const parts = text.split(/[:-](?=\d|\.)/);
  if (parts.length !== 2) throw new UsageError(`--band: "${text}" should be min:max, e.g. 0.25:0.75`);
  return [parseNumber('band', parts[0] as string), parseNumber('band', parts[1] as string)];
}

/** The run spec for `symbols`, validated; every position starts with `--cash`. */
export async function simulationSpecFrom(
  symbols: readonly string[],
  flags: RunFlags,
): Promise<SimulationSpec> {
  if (!(BAR_INTERVALS as readonly string[]).includes(flags.interval)) {
    throw new UsageError(`--interval: "${flags.interval}" is not one of ${BAR_INTERVALS.join(', ')}`);
  }
  let cashCents: number;
  try {
    cashCents = dollarsToCents(flags.cash);
  } catch {
    throw new UsageError(`--cash: "${flags.cash}" is not an amount in dollars`);
  }
  let minimumCents: number;
  try {
    minimumCents = dollarsToCents(flags.minCommission);
  } catch {
    throw new UsageError(`--min-commission: "${flags.minCommission}" is not an amount in dollars`);
  }
  const spec = {
    positions: symbols.map((s) => positionSpec(s, cashCents)),
    from: flags.from,
    to: flags.to,
    interval: flags.interval as BarInterval,
    config: await strategyConfigFrom(flags),
    commission: { rate: parseNumber('commission', flags.commission), minimumCents, scope: 'GLOBAL' as const },
    execution: {
      fill: flags.fill as SimulationSpec['execution']['fill'],
      slippageBps: parseNumber('slippage-bps', flags.slippageBps),
      volumeCap: flags.volumeCap === undefined ? null : parseNumber('volume-cap', flags.volumeCap),
    },
    riskFreePerPeriod: parseNumber('risk-free', flags.riskFree),
  };
  const checked = checkSimulationSpec(spec);
  if (!checked.ok) throw new UsageError(`invalid run: ${checked.message}`);
  return checked.spec;
}

/** Loads the bars and dividends: imported CSV files first, then the bundled dataset. Nothing partial on error. */
export async function historyFrom(spec: SimulationSpec, flags: RunFlags): Promise<SymbolHistory[]> {
  const csv = new CsvBarSource();
  for (const [symbol, file] of flags.csv.map(splitAssignment)) {
    const r = await csv.importBarsFile(symbol, file, { allowGaps: flags.allowGaps === true });
    if (!r.ok) throw new UsageError(r.issues.length > 0 ? formatIssues(r.issues, file) : r.message);
  }
  for (const [symbol, file] of flags.dividendsCsv.map(splitAssignment)) {
    const r = await csv.importDividendsFile(symbol, file);
    if (!r.ok) throw new UsageError(r.issues.length > 0 ? formatIssues(r.issues, file) : r.message);
  }
  const bundled = new BundledBarSource();
  const source = new LayeredBarSource([csv, bundled]);
  const loaded = await loadHistory(
    source,
    source,
    spec.positions.map((p) => p.symbol),
    spec.from,
    spec.to,
    spec.interval,
  );
  if (!loaded.ok) throw new UsageError(`${loaded.symbol}: ${loaded.message}`);
  return loaded.history;
}

function splitAssignment(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`"${text}" should be SYMBOL=file`);
  return [text.slice(0, at), text.slice(at + 1)];
}
