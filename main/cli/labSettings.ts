import fs from 'node:fs';
import type { MatchingModel } from '../../shared/domain/orders/MatchingRules';
import type { SizerChoice, StrategyChoice } from '../../shared/simulation/strategy/choices';
import {
  sizerChoice,
  sizerProblem,
  strategyChoice,
  strategyProblem,
} from '../../shared/simulation/strategy/choices';
import type { SizerId, StrategyId } from '../../shared/simulation/strategy/names';
import {
  LAB_FILL_NAMES,
  SIZER_IDS,
  SIZER_PARAMS,
  STRATEGY_IDS,
  STRATEGY_PARAMS,
} from '../../shared/simulation/strategy/names';
import { BadInput } from './exitCodes';

/**
 * The strategy lab's settings in a JSON file (`vb backtest --lab-config file`, README "Strategy lab"),
 * read like the strategy settings (ADR 0068): every key known, every value checked, one sentence naming
 * the file and the key on a problem.
 *   { "strategies": [{ "id": "macd", "params": { "fast": 12, "slow": 26, "signal": 9 } }, { "id": "vb" }],
 *     "sizer": { "id": "percent", "params": { "pct": 0.95 } },
 *     "matching": { "fill": "vwap", "slippageBps": 5, "maxVolumePct": 0.1 } }
 */
export interface LabSettings {
  strategies?: StrategyChoice[];
  sizer?: SizerChoice;
  matching?: Partial<MatchingModel>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(where: string, value: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of Object.keys(value))
    if (!keys.includes(k)) throw new BadInput(`${where}: unknown key "${k}"; use ${keys.join(', ')}`);
}

function params(where: string, value: unknown, spec: readonly { name: string; default: number }[]): number[] {
  if (value === undefined) return spec.map((p) => p.default);
  if (!isObject(value))
    throw new BadInput(
      `${where}: should be an object of parameters (${spec.map((p) => p.name).join(', ') || 'none'})`,
    );
  onlyKeys(
    where,
    value,
    spec.map((p) => p.name),
  );
  return spec.map((p) => {
    const v = value[p.name];
    if (v === undefined) return p.default;
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new BadInput(`${where}.${p.name}: should be a number`);
    return v;
  });
}

function strategyOf(where: string, value: unknown): StrategyChoice {
  if (!isObject(value)) throw new BadInput(`${where}: should be an object like {"id": "macd"}`);
  onlyKeys(where, value, ['id', 'params']);
  const id = STRATEGY_IDS.find((x) => x === value.id);
  if (id === undefined) throw new BadInput(`${where}.id: use one of ${STRATEGY_IDS.join(', ')}`);
  const choice = strategyChoice(
    id as StrategyId,
    params(`${where}.params`, value.params, STRATEGY_PARAMS[id]),
  );
  const problem = strategyProblem(choice);
  if (problem !== null) throw new BadInput(`${where}: ${problem}`);
  return choice;
}

function sizerOf(where: string, value: unknown): SizerChoice {
  if (!isObject(value)) throw new BadInput(`${where}: should be an object like {"id": "percent"}`);
  onlyKeys(where, value, ['id', 'params']);
  const id = SIZER_IDS.find((x) => x === value.id);
  if (id === undefined) throw new BadInput(`${where}.id: use one of ${SIZER_IDS.join(', ')}`);
  const choice = sizerChoice(id as SizerId, params(`${where}.params`, value.params, SIZER_PARAMS[id]));
  const problem = sizerProblem(choice);
  if (problem !== null) throw new BadInput(`${where}: ${problem}`);
  return choice;
}

function matchingOf(where: string, value: unknown): Partial<MatchingModel> {
  if (!isObject(value)) throw new BadInput(`${where}: should be an object`);
  onlyKeys(where, value, ['fill', 'slippageBps', 'maxVolumePct']);
  const out: Partial<MatchingModel> = {};
  if (value.fill !== undefined) {
    const fill = LAB_FILL_NAMES.find((f) => f === value.fill);
    if (fill === undefined) throw new BadInput(`${where}.fill: use one of ${LAB_FILL_NAMES.join(', ')}`);
    out.fill = fill;
  }
  if (value.slippageBps !== undefined) {
    const v = value.slippageBps;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1000))
      throw new BadInput(`${where}.slippageBps: should be a number of basis points from 0 to 1000`);
    out.slippageBps = v;
  }
  if (value.maxVolumePct !== undefined) {
    const v = value.maxVolumePct;
    if (v !== null && (typeof v !== 'number' || !(v > 0 && v <= 1)))
      throw new BadInput(
        `${where}.maxVolumePct: should be a fraction above 0 and at most 1 (0.1 for 10 %), or null`,
      );
    out.maxVolumePct = v as number | null;
  }
  return out;
}

/** Parses the text of a lab settings file (`where` names it in messages). */
export function parseLabSettings(where: string, text: string): LabSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadInput(`${where}: is not JSON; see README "Strategy lab" for its shape`);
  }
  if (!isObject(json))
    throw new BadInput(`${where}: should be an object with strategies, sizer and matching`);
  onlyKeys(where, json, ['strategies', 'sizer', 'matching']);
  const out: LabSettings = {};
  if (json.strategies !== undefined) {
    if (!Array.isArray(json.strategies) || json.strategies.length === 0)
      throw new BadInput(`${where}: strategies should be a list of one or more strategies`);
    out.strategies = json.strategies.map((s, k) => strategyOf(`${where}: strategies[${k}]`, s));
  }
  if (json.sizer !== undefined) out.sizer = sizerOf(`${where}: sizer`, json.sizer);
  if (json.matching !== undefined) out.matching = matchingOf(`${where}: matching`, json.matching);
  return out;
}

export function readLabSettings(file: string): LabSettings {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInput(
      `--lab-config ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseLabSettings(`--lab-config ${file}`, text);
}
