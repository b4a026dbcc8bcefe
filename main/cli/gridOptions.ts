import type { Command } from 'commander';
import type { RankMetric, SweepGrid } from '../../shared/simulation';
import { RANK_METRICS } from '../../shared/simulation';
import { UsageError } from './CliContext';
import { parseBand, parseNumber } from './runOptions';

/** The sweep grid flags shared by `sweep` and `walk-forward`. Lists are "a,b,c" or ranges "start:stop:step". */
export function addGridOptions(command: Command): Command {
  return command
    .option('--thresholds <list>', 'symmetric up = down thresholds to try', '0.02:0.10:0.01')
    .option('--ups <list>', 'up thresholds to try (with --downs: every pair instead of symmetric)')
    .option('--downs <list>', 'down thresholds to try')
    .option('--ratios <list>', 'rebalance ratios to try', '1,1.6667,2.5')
    .option('--bands <list>', 'allocation bands to try, e.g. 0.25:0.75,0.1:0.9', '0.25:0.75')
    .option('--metric <name>', `metric to rank by (${RANK_METRICS.join(', ')})`, 'sharpe')
    .option('--workers <n>', 'worker threads (default: CPU count − 1)');
}

export interface GridFlags {
  thresholds: string;
  ups?: string;
  downs?: string;
  ratios: string;
  bands: string;
  metric: string;
  workers?: string;
}

const MAX_LIST = 10_000;

/** "0.02,0.05" or "0.02:0.10:0.01" (both ends included) or "2%:10%:1%", mixed freely. */
export function parseList(flag: string, text: string): number[] {
  const values: number[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    if (item === '') throw new UsageError(`--${flag}: empty item in "${text}"`);
    const parts = item.split(':');
    if (parts.length === 1) {
      values.push(parseNumber(flag, item));
      continue;
    }
    if (parts.length !== 3)
      throw new UsageError(`--${flag}: "${item}" should be a number or start:stop:step`);
    const [start, stop, step] = parts.map((p) => parseNumber(flag, p)) as [number, number, number];
    if (!(step > 0) || stop < start)
      throw new UsageError(`--${flag}: "${item}" needs start ≤ stop and a positive step`);
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count + values.length > MAX_LIST) throw new UsageError(`--${flag}: more than ${MAX_LIST} values`);
    for (let k = 0; k < count; k++) values.push(Number((start + k * step).toPrecision(12)));
  }
  return [...new Set(values)];
}

export function gridFrom(flags: GridFlags): SweepGrid {
  const symmetric = flags.ups === undefined && flags.downs === undefined;
  if (!symmetric && (flags.ups === undefined || flags.downs === undefined))
    throw new UsageError('--ups and --downs go together');
  return {
    upThresholds: parseList(
      symmetric ? 'thresholds' : 'ups',
      symmetric ? flags.thresholds : (flags.ups as string),
    ),
    downThresholds: symmetric ? null : parseList('downs', flags.downs as string),
    rebalanceRatios: parseList('ratios', flags.ratios),
    bands: flags.bands.split(',').map((b) => parseBand(b.trim())),
  };
}

export function metricFrom(flags: GridFlags): RankMetric {
  if (!(RANK_METRICS as readonly string[]).includes(flags.metric)) {
    throw new UsageError(`--metric: "${flags.metric}" is not one of ${RANK_METRICS.join(', ')}`);
  }
  return flags.metric as RankMetric;
}

export function workersFrom(flags: GridFlags): number | undefined {
  if (flags.workers === undefined) return undefined;
  const n = Number(flags.workers);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--workers: "${flags.workers}" should be a whole number from 1 to 256`);
  return n;
}
