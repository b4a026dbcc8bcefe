import { DEFAULT_GLOBAL_COMMISSION } from '../../shared/domain/Commission';
import type { StrategyConfig, StrategyConfigOverride } from '../../shared/domain/Config';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import { checkSimulationSpec, loadHistory, positionSpec } from '../../shared/simulation';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { CsvBarSource } from '../adapters/data/CsvBarSource';
import { formatIssues } from '../adapters/data/CsvText';
import { LayeredBarSource } from '../adapters/data/LayeredBarSource';
import type { CliIo } from './CliContext';
import { BadInput } from './exitCodes';
import type { RunFlags } from './runOptions';
import { readConfigFile, strategyConfigOf } from './strategySettings';

/** The flags' layer of settings, and which flag set each setting (for messages). */
function flagOverride(flags: RunFlags): {
  override: StrategyConfigOverride;
  source: (path: string) => string;
} {
  const from = new Map<string, string>();
  const put = <S extends keyof StrategyConfig>(
    section: S,
    key: keyof StrategyConfig[S],
    value: unknown,
    flag: string,
  ): Partial<StrategyConfig[S]> => {
    if (value === undefined) return {};
    from.set(`${section}.${String(key)}`, flag);
    return { [key]: value } as Partial<StrategyConfig[S]>;
  };
  const override: StrategyConfigOverride = {
    trigger: {
      ...put(
        'trigger',
        'upThreshold',
        flags.up ?? flags.threshold,
        flags.up !== undefined ? '--up' : '--threshold',
      ),
      ...put(
        'trigger',
        'downThreshold',
        flags.down ?? flags.threshold,
        flags.down !== undefined ? '--down' : '--threshold',
      ),
    },
    sizing: {
      ...put('sizing', 'rebalanceRatio', flags.ratio, '--ratio'),
      ...put('sizing', 'strategy', flags.sizing, '--sizing'),
      ...put('sizing', 'targetStockPct', flags.target, '--target'),
    },
    guardrails: {
      ...put('guardrails', 'minStockPct', flags.band?.[0], '--band'),
      ...put('guardrails', 'maxStockPct', flags.band?.[1], '--band'),
      ...put('guardrails', 'maxTradePctOfPosition', flags.maxTrade, '--max-trade'),
      ...put('guardrails', 'maxOrdersPerDay', flags.maxOrders, '--max-orders'),
    },
    orderPolicy: {
      ...put(
        'orderPolicy',
        'minNotional',
        flags.minNotional === undefined ? undefined : flags.minNotional / 100,
        '--min-notional',
      ),
      ...put('orderPolicy', 'qtyStep', flags.qtyStep, '--qty-step'),
    },
    execution: {
      ...put('execution', 'initialStockPct', flags.initialStock, '--initial-stock'),
      ...put(
        'execution',
        'adjustAnchorOnDividend',
        flags.anchorDividend ? undefined : false,
        '--no-anchor-dividend',
      ),
      ...put('execution', 'dividendWithholdingPct', flags.withholding, '--withholding'),
    },
  };
  return { override, source: (path) => from.get(path) ?? `setting ${path}` };
}

/** Strategy settings: defaults ← --config file ← flags, validated by the config schema. */
export function strategyConfigFrom(flags: RunFlags): StrategyConfig {
  const layers = [];
  if (flags.config !== undefined) {
    const file = flags.config;
    layers.push({ override: readConfigFile(file), source: (path: string) => `--config ${file}: ${path}` });
  }
  layers.push(flagOverride(flags));
  return strategyConfigOf(layers);
}

/** The run spec for `symbols`, validated; every position starts with `--cash`. */
export function simulationSpecFrom(symbols: readonly string[], flags: RunFlags): SimulationSpec {
  if (flags.from > flags.to)
    throw new BadInput(`--from ${flags.from} is after --to ${flags.to}; give the first session first`);
  const spec = {
    positions: symbols.map((s) => positionSpec(s, flags.cash)),
    from: flags.from,
    to: flags.to,
    interval: flags.interval,
    config: strategyConfigFrom(flags),
    commission: {
      rate: flags.commission ?? DEFAULT_GLOBAL_COMMISSION.rate,
      minimumCents: flags.minCommission,
      scope: 'GLOBAL' as const,
    },
    execution: { fill: flags.fill, slippageBps: flags.slippageBps, volumeCap: flags.volumeCap ?? null },
    riskFreePerPeriod: flags.riskFree,
  };
  const checked = checkSimulationSpec(spec);
  if (!checked.ok) throw new BadInput(`the run cannot start: ${checked.message}`);
  return checked.spec;
}

/**
 * Loads the bars and dividends: imported CSV files first, then the bundled dataset. Nothing partial on
 * error. A symbol whose bars come from a CSV without `--dividends-csv` pays no dividends: said on stderr.
 */
export async function historyFrom(
  spec: SimulationSpec,
  flags: RunFlags,
  io: CliIo,
): Promise<SymbolHistory[]> {
  const csv = new CsvBarSource();
  for (const [symbol, file] of flags.csv) {
    const r = await csv.importBarsFile(symbol, file, { allowGaps: flags.allowGaps === true });
    if (!r.ok)
      throw new BadInput(
        r.issues.length > 0 ? formatIssues(r.issues, file) : `--csv ${symbol}=${file}: ${r.message}`,
      );
  }
  for (const [symbol, file] of flags.dividendsCsv) {
    const r = await csv.importDividendsFile(symbol, file);
    if (!r.ok)
      throw new BadInput(
        r.issues.length > 0
          ? formatIssues(r.issues, file)
          : `--dividends-csv ${symbol}=${file}: ${r.message}`,
      );
  }
  for (const [symbol, file] of flags.csv) {
    if (!flags.dividendsCsv.some(([s]) => s === symbol))
      io.err(
        `warning: ${symbol}'s bars come from ${file} and no --dividends-csv ${symbol}=… was given: no dividends will be paid on ${symbol} in this run\n`,
      );
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
  if (!loaded.ok) throw new BadInput(`${loaded.symbol}: ${loaded.message}`);
  return loaded.history;
}
