import type { Command } from 'commander';
import type { RankMetric, SweepGrid } from '../../shared/simulation';
import { RANK_METRICS } from '../../shared/simulation/names';
import { BadInput } from './exitCodes';
import { readBand } from './runOptions';
import type { ValueParser } from './values';
import { choice, count, readFraction, readNumber, valueOption } from './values';

/** The sweep grid flags shared by `sweep` and `walk-forward`. Lists are "a,b,c" or ranges "start:stop:step". */
export function addGridOptions(command: Command): Command {
  return command
    .addOption(
      valueOption(
        '--thresholds <list>',
        'symmetric up = down thresholds to try',
        numberList('--thresholds', true),
        {
          value: readList('--thresholds', '0.02:0.10:0.01', true),
          text: '0.02:0.10:0.01',
        },
      ),
    )
    .addOption(
      valueOption(
        '--ups <list>',
        'up thresholds to try (with --downs: every pair instead of symmetric)',
        numberList('--ups', true),
      ),
    )
    .addOption(valueOption('--downs <list>', 'down thresholds to try', numberList('--downs', true)))
    .addOption(
      valueOption('--ratios <list>', 'rebalance ratios to try', numberList('--ratios', false), {
        value: [1, 1.6667, 2.5],
        text: '1,1.6667,2.5',
      }),
    )
    .addOption(
      valueOption('--bands <list>', 'allocation bands to try, e.g. 0.25:0.75,0.1:0.9', bandList('--bands'), {
        value: [[0.25, 0.75]] as [number, number][],
        text: '0.25:0.75',
      }),
    )
    .addOption(
      valueOption(
        '--metric <name>',
        `metric to rank by (${RANK_METRICS.join(', ')})`,
        choice('--metric', RANK_METRICS),
        {
          value: 'sharpe' as RankMetric,
          text: 'sharpe',
        },
      ),
    )
    .addOption(
      valueOption(
        '--workers <n>',
        'worker threads (default: CPU count − 1)',
        count('--workers', { min: 1, max: 256 }),
      ),
    );
}

export interface GridFlags {
  thresholds: number[];
  ups?: number[];
  downs?: number[];
  ratios: number[];
  bands: [number, number][];
  metric: RankMetric;
  workers?: number;
}

const MAX_LIST = 10_000;

/**
 * "0.02,0.05" or "0.02:0.10:0.01" (both ends included) or "2%:10%:1%", mixed freely. Fractions when
 * `fractions` (a percent sign allowed), plain numbers otherwise.
 */
export function readList(flag: string, text: string, fractions: boolean): number[] {
  const read = (t: string): number =>
    fractions
      ? readFraction(flag, t, { min: 0, aboveMin: true, max: 10 })
      : readNumber(flag, t, { min: 0, aboveMin: true });
  const values: number[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    if (item === '')
      throw new BadInput(`${flag} ${JSON.stringify(text)}: an item is empty; write a,b,c or start:stop:step`);
    const parts = item.split(':');
    if (parts.length === 1) {
      values.push(read(item));
      continue;
    }
    if (parts.length !== 3)
      throw new BadInput(
        `${flag} ${JSON.stringify(item)}: should be a number or start:stop:step, e.g. 0.02:0.10:0.01`,
      );
    const [start, stop, step] = parts.map(read) as [number, number, number];
    if (stop < start)
      throw new BadInput(
        `${flag} ${JSON.stringify(item)}: needs start ≤ stop and a positive step, e.g. 0.02:0.10:0.01`,
      );
    const n = Math.floor((stop - start) / step + 1e-9) + 1;
    if (n + values.length > MAX_LIST)
      throw new BadInput(`${flag} ${JSON.stringify(text)}: more than ${MAX_LIST} values; use a larger step`);
    for (let k = 0; k < n; k++) values.push(Number((start + k * step).toPrecision(12)));
  }
  return [...new Set(values)];
}

function numberList(flag: string, fractions: boolean): ValueParser<number[]> {
  return Object.assign((text: string) => readList(flag, text, fractions), {
    valueKind: 'numberList' as const,
  });
}

function bandList(flag: string): ValueParser<[number, number][]> {
  return Object.assign(
    (text: string) =>
      text.split(',').map((b) => {
        if (b.trim() === '')
          throw new BadInput(`${flag} ${JSON.stringify(text)}: a band is empty; write min:max,min:max`);
        return readBand(flag, b.trim());
      }),
    { valueKind: 'bands' as const },
  );
}

export function gridFrom(flags: GridFlags): SweepGrid {
  const symmetric = flags.ups === undefined && flags.downs === undefined;
  if (!symmetric && (flags.ups === undefined || flags.downs === undefined))
    throw new BadInput('--ups and --downs go together; give both, or --thresholds alone');
  return {
    upThresholds: symmetric ? flags.thresholds : (flags.ups as number[]),
    downThresholds: symmetric ? null : (flags.downs as number[]),
    rebalanceRatios: flags.ratios,
    bands: flags.bands,
  };
}
