import fs from 'node:fs';
import type { StrategyConfig, StrategyConfigOverride } from '../../shared/domain/Config';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig, StrategyConfigSchema } from '../../shared/domain/Config';
import { formatPercentSetting } from '../../shared/format/Format';
import { BadInput } from './exitCodes';

/**
 * Strategy settings for a run: the defaults, then a `--config` file, then flags (ADR 0068). Every
 * problem is one sentence in the user's units naming where it came from (the file and key, or the
 * flag), never a schema path.
 *
 * The config file is JSON with up to five sections, each optional and each an object of the settings
 * it changes (README "Config files", `examples/strategy.json`):
 *   { "trigger": { "upThreshold": 0.05 }, "guardrails": { "minStockPct": 0.3, "maxStockPct": 0.7 } }
 * Anything else is refused: an unknown or misspelt section or setting, a section that is not an object,
 * settings wrapped in another key, a setting at the top level instead of in its section.
 */

type Unit = 'fraction' | 'number' | 'dollars' | 'shares' | 'count' | 'ms' | 'boolean' | 'choice';

/** Every setting of a section with its unit (for messages) — the keys the config schema accepts. */
const SETTINGS: { [S in keyof StrategyConfig]-?: Record<keyof NonNullable<StrategyConfig[S]>, Unit> } = {
  trigger: { upThreshold: 'fraction', downThreshold: 'fraction' },
  sizing: { strategy: 'choice', rebalanceRatio: 'number', targetStockPct: 'fraction' },
  guardrails: {
    minStockPct: 'fraction',
    maxStockPct: 'fraction',
    maxTradePctOfPosition: 'fraction',
    maxOrdersPerDay: 'count',
    maxDailyNotional: 'dollars',
  },
  orderPolicy: {
    qtyStep: 'shares',
    lotSize: 'shares',
    minQty: 'shares',
    minNotional: 'dollars',
    actionBelowMin: 'choice',
  },
  execution: {
    pricePolicy: 'choice',
    allowExtendedHours: 'boolean',
    maxQuoteAgeMs: 'ms',
    initialStockPct: 'fraction',
    adjustAnchorOnDividend: 'boolean',
    dividendWithholdingPct: 'fraction',
  },
  // Risk manager and order validator (SPEC 9, ADR 0112): each null (off) until set.
  risk: {
    positionStopPct: 'fraction',
    trailingStopPct: 'fraction',
    dailyLossLimitPct: 'fraction',
    maxDrawdownPct: 'fraction',
    maxOrdersPerMinute: 'count',
    maxOrdersPerMinutePerSymbol: 'count',
    maxPositionQty: 'shares',
    maxPositionValue: 'dollars',
    maxTotalExposurePct: 'fraction',
    alertDrawdownPct: 'fraction',
    alertVarPct: 'fraction',
  },
};

const SECTIONS = Object.keys(SETTINGS) as (keyof StrategyConfig)[];

const SHAPE = `an object with any of the sections ${SECTIONS.join(', ')}, each an object of settings, e.g. {"trigger": {"upThreshold": 0.05}}`;

/** Reads and checks a config file: the override it gives (not yet merged or range-checked). */
export function readConfigFile(file: string): StrategyConfigOverride {
  const where = `--config ${file}`;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInput(
      `${where}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new BadInput(`${where}: not valid JSON (${(e as Error).message}); the file should be ${SHAPE}`);
  }
  return checkOverride(parsed, where);
}

/** The shape of a config file's content, refused with one sentence naming the key and the shape. */
export function checkOverride(parsed: unknown, where: string): StrategyConfigOverride {
  if (!isPlainObject(parsed)) throw new BadInput(`${where}: got ${describe(parsed)}; expected ${SHAPE}`);
  for (const [key, value] of Object.entries(parsed)) {
    if ((SECTIONS as string[]).includes(key)) continue;
    const owner = SECTIONS.find((s) => key in SETTINGS[s]);
    if (owner !== undefined)
      throw new BadInput(
        `${where}: "${key}" belongs in the "${owner}" section, e.g. {"${owner}": {"${key}": ${JSON.stringify(value)}}}`,
      );
    if (isPlainObject(value) && Object.keys(value).some((k) => (SECTIONS as string[]).includes(k)))
      throw new BadInput(
        `${where}: the settings are wrapped in "${key}"; put the sections (${SECTIONS.join(', ')}) at the top level of the file`,
      );
    throw new BadInput(
      `${where}: unknown section "${key}"${suggest(key, SECTIONS)}; the sections are ${SECTIONS.join(', ')}`,
    );
  }
  for (const section of SECTIONS) {
    if (!(section in parsed)) continue;
    const value = parsed[section];
    if (!isPlainObject(value))
      throw new BadInput(
        `${where}: section "${section}" is ${describe(value)}; it must be an object of settings such as {${Object.keys(
          SETTINGS[section],
        )
          .slice(0, 2)
          .map((k) => `"${k}": …`)
          .join(', ')}}`,
      );
    const known = Object.keys(SETTINGS[section]);
    for (const key of Object.keys(value)) {
      if (!known.includes(key))
        throw new BadInput(
          `${where}: unknown setting "${section}.${key}"${suggest(key, known)}; ${section} takes ${known.join(', ')}`,
        );
    }
  }
  return parsed as StrategyConfigOverride;
}

/**
 * Merges the layers and validates the result with the config schema. `sources` names where each
 * setting came from ("--down 150%", or the config file) so a refusal points at what the user typed.
 */
export function strategyConfigOf(
  layers: { override: StrategyConfigOverride; source: (path: string) => string }[],
): StrategyConfig {
  let config = DEFAULT_STRATEGY_CONFIG;
  const origin = new Map<string, (path: string) => string>();
  for (const layer of layers) {
    config = mergeConfig(config, layer.override);
    for (const section of SECTIONS)
      for (const key of Object.keys(layer.override[section] ?? {}))
        origin.set(`${section}.${key}`, layer.source);
  }
  const checked = StrategyConfigSchema.safeParse(config);
  if (checked.success) return checked.data as StrategyConfig;
  const issue = checked.error.issues[0];
  if (issue === undefined) throw new BadInput('the strategy settings are not valid');
  const path = issue.path.map(String).join('.');
  const source = origin.get(path) ?? ((p: string) => `setting ${p}`);
  throw new BadInput(`${source(path)}: ${issueText(issue, unitOf(path), config)}`);
}

function unitOf(path: string): Unit | null {
  const [section, key] = path.split('.');
  const settings = SETTINGS[section as keyof StrategyConfig] as Record<string, Unit> | undefined;
  return key === undefined ? null : (settings?.[key] ?? null);
}

interface IssueLike {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  expected?: unknown;
  values?: unknown[];
}

function issueText(issue: IssueLike, unit: Unit | null, config: StrategyConfig): string {
  const show = (n: unknown): string =>
    typeof n === 'number' || typeof n === 'bigint'
      ? unit === 'fraction'
        ? formatPercentSetting(Number(n))
        : unit === 'dollars'
          ? `$${Number(n).toLocaleString('en-US')}`
          : Number(n).toLocaleString('en-US')
      : String(n);
  switch (issue.code) {
    case 'too_small':
      return `must be ${issue.inclusive === false ? 'above' : 'at least'} ${show(issue.minimum)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'below' : 'at most'} ${show(issue.maximum)}`;
    case 'invalid_type':
      return `must be ${unitWords(unit, String(issue.expected))}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'not_multiple_of':
      return 'must be a whole number';
    default:
      if (/Minimum stock share must not be above the maximum/.test(issue.message))
        return `the minimum stock allocation (${formatPercentSetting(config.guardrails.minStockPct)}) must not be above the maximum (${formatPercentSetting(config.guardrails.maxStockPct)})`;
      if (/Lot size must be a multiple of the quantity step/.test(issue.message))
        return 'the lot size must be a whole number of quantity steps';
      return issue.message;
  }
}

function unitWords(unit: Unit | null, expected: string): string {
  switch (unit) {
    case 'fraction':
      return 'a fraction such as 0.05 (5 %)';
    case 'dollars':
      return 'an amount in dollars such as 100';
    case 'shares':
      return 'a number of shares such as 1';
    case 'count':
      return 'a whole number';
    case 'ms':
      return 'a number of milliseconds';
    case 'boolean':
      return 'true or false';
    case 'choice':
      return 'one of its names in quotes';
    case 'number':
      return 'a number such as 1.5';
    default:
      return `a ${expected}`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

/** " (did you mean "trigger"?)" when a known name is one or two edits away. */
function suggest(name: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best === null ? '' : ` (did you mean "${best}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] as number;
}
