import type { StrategyFieldDto } from '../../../../shared/ipc/dto/tradingSettings';
import { formatPercentSetting } from '../../../../shared/format/Format';
import { parseNumber, type FieldErrors } from '../../lib/formParsing';

/**
 * A strategy setting as a person types and reads it (one form for portfolio defaults and position
 * overrides, ADR 0086): percents in percent ("3" is 3 %, stored 0.03), durations in seconds, money in
 * dollars, and the null of a setting that allows it as its word ("none" or "no limit"). The ranges
 * are the backend's: its per-field messages (from shared/domain/InputLimits) land beside the field.
 */
export type FieldValue = number | string | boolean | null;

export const fieldId = (f: Pick<StrategyFieldDto, 'section' | 'key'>): string => `${f.section}.${f.key}`;

/** The unit typed after the number, for the field's label. */
export function unitLabel(f: StrategyFieldDto): string {
  switch (f.unit) {
    case 'percent':
      return ' (%)';
    case 'money':
      return ' ($)';
    case 'duration':
      return ' (seconds)';
    case 'shares':
      return ' (shares)';
    default:
      return '';
  }
}

/** The text a value is edited as. */
export function toText(f: StrategyFieldDto, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (value === null) return f.nullAs ?? '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (f.unit === 'percent') return String(Number((value * 100).toPrecision(12)));
  if (f.unit === 'duration') return String(Number((value / 1000).toPrecision(12)));
  return String(value);
}

/** A value as it reads in a hint ("3 %", "15 min", "no limit", "Hold (no order)"). */
export function describeValue(f: StrategyFieldDto, value: FieldValue | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return f.nullAs ?? 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return f.choices.find((c) => c.value === value)?.label ?? value;
  if (f.unit === 'percent') return formatPercentSetting(value);
  if (f.unit === 'money') return `$${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  if (f.unit === 'duration')
    return value % 60_000 === 0 ? `${value / 60_000} min` : `${Number((value / 1000).toPrecision(12))} s`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * The value of a field's text, or undefined with a message in `errors` when it is not even a number
 * (or not one of the choices). Empty text is `undefined` without a message: the caller decides.
 */
export function fromText(f: StrategyFieldDto, text: string, errors: FieldErrors): FieldValue | undefined {
  const id = fieldId(f);
  const t = text.trim();
  if (t === '') return undefined;
  if (f.kind === 'boolean') {
    if (t === 'yes') return true;
    if (t === 'no') return false;
    errors[id] = `${f.label} must be yes or no`;
    return undefined;
  }
  if (f.kind === 'choice') {
    if (f.choices.some((c) => c.value === t)) return t;
    errors[id] = `${f.label} must be one of ${f.choices.map((c) => c.value).join(', ')}`;
    return undefined;
  }
  if (f.nullAs !== null && (t.toLowerCase() === f.nullAs || t.toLowerCase() === 'none')) return null;
  const n = parseNumber(t.replace(/\s*%$/, ''), f.label, errors, id);
  if (n === undefined) return undefined;
  if (f.unit === 'percent') return Number((n / 100).toPrecision(12));
  if (f.unit === 'duration') return Math.round(n * 1000);
  return n;
}

/** Values as a config patch: `{ trigger: { downThreshold: 0.05 } }`. */
export function toPatch(
  fields: readonly StrategyFieldDto[],
  values: Readonly<Record<string, FieldValue>>,
): Record<string, Record<string, FieldValue>> {
  const patch: Record<string, Record<string, FieldValue>> = {};
  for (const f of fields) {
    const id = fieldId(f);
    if (id in values) (patch[f.section] ??= {})[f.key] = values[id] as FieldValue;
  }
  return patch;
}

/** A config (or override) section by section as values by field id. */
export function valuesOf(fields: readonly StrategyFieldDto[], config: unknown): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  const sections = (config ?? {}) as Record<string, Record<string, FieldValue> | undefined>;
  for (const f of fields) {
    const section = sections[f.section];
    if (section && f.key in section) out[fieldId(f)] = section[f.key] as FieldValue;
  }
  return out;
}

/** The backend's issues by field id: its path ends with `section.key` (patch., override., config.). */
export function issuesByField(
  fields: readonly StrategyFieldDto[],
  issues: readonly { path: string; message: string }[] | undefined,
): { byField: FieldErrors; rest: string[] } {
  const byField: FieldErrors = {};
  const rest: string[] = [];
  for (const issue of issues ?? []) {
    const f = fields.find((x) => issue.path === fieldId(x) || issue.path.endsWith(`.${fieldId(x)}`));
    if (f) byField[fieldId(f)] ??= issue.message;
    else rest.push(issue.message);
  }
  return { byField, rest };
}
