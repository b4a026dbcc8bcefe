import fs from 'node:fs';
import path from 'node:path';
import type { Argument } from 'commander';
import { Option } from 'commander';
import { parseIsoDate } from '../../shared/domain/calendar/CalendarDay';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../shared/domain/calendar/SupportedYears';
import { dollarsToCents } from '../../shared/domain/Money';
import { readDecimal, readPercent } from '../../shared/format/NumberInput';
import { normalizeSymbol } from '../adapters/data/symbols';
import { BadInput } from './exitCodes';
import type { SizerChoice, StrategyChoice } from '../../shared/simulation/strategy/choices';
import {
  sizerChoice,
  sizerProblem,
  strategyChoice,
  strategyProblem,
} from '../../shared/simulation/strategy/choices';
import {
  SIZER_IDS,
  SIZER_PARAMS,
  STRATEGY_IDS,
  STRATEGY_PARAMS,
} from '../../shared/simulation/strategy/names';

/**
 * Every value a flag or an argument of the CLI takes is read by one of these parsers (ADR 0065). Each
 * has a kind, and each kind declares values that are bad for every flag of that kind: the table test
 * (./badInput.test.ts) walks the commander program, every command and every option, and feeds each
 * option its kind's bad values, expecting exit 2, one line naming the flag, and nothing written. A
 * flag without a declared kind fails that test, so a new command is covered as soon as it is merged.
 *
 * A parser throws {@link BadInput} naming the flag, what was wrong and what to write instead.
 * Placeholders in `bad` are filled in by the test: {missing} a path that does not exist, {dir} an
 * existing folder, {text} an existing file of plain text, {unwritable} a folder that cannot be made.
 */
export const VALUE_KINDS = {
  date: { bad: ['2020-02-30', '1800-01-01', 'yesterday'] },
  fraction: { bad: ['lots', '-5%', '10,5'] },
  number: { bad: ['lots', '-1', '10,5'] },
  count: { bad: ['lots', '-1', '2.5'] },
  countOrNone: { bad: ['lots', '-1', '2.5'] },
  port: { bad: ['70000', 'lots', '-1'] },
  dollars: { bad: ['lots', '-100', '10,5', '1.234'] },
  choice: { bad: ['nonsense'] },
  band: { bad: ['0.9:0.1', 'wide', '0.2:1.5'] },
  bands: { bad: ['0.9:0.1', 'x', ''] },
  numberList: { bad: ['0.1:0.01:0.01', 'a,b', ''] },
  months: { bad: ['0', 'forever', '1000y'] },
  axes: { bad: ['up,up', 'foo,bar', 'up'] },
  symbols: { bad: ['$$$'] },
  symbol: { bad: ['$$$', ''] },
  symbolFile: { bad: ['noequals', 'ACME={missing}'] },
  jsonFile: { bad: ['{missing}', '{dir}', '{text}'] },
  inputFile: { bad: ['{missing}', '{dir}'] },
  outputFile: { bad: ['{unwritable}/out.json', '{text}/out.json', 'out.docx'] },
  backupFile: { bad: ['{unwritable}/copy.db', '{text}/copy.db', '{dir}'] },
  dataDir: { bad: ['{unwritable}', '{text}'] },
  // settings (issue 15)
  id: { bad: ['', 'not an id'] },
  reason: { bad: ['x'.repeat(501)] },
  // strategy lab (issue 18)
  strategy: { bad: ['nonsense', 'macd:12,x', 'sma_cross:200,50', 'rsi:14,70,30,1'] },
  sizer: { bad: ['nonsense', 'percent:95', 'fixed:-1', 'kelly:0.5,0.5,3'] },
  symbolList: { bad: ['$$$', 'KO,KO', ''] },
  // Risk (SPEC 9, ADR 0113).
  confidence: { bad: ['lots', '0.9', '150%'] },
  dateRange: { bad: ['2020-03-23:2020-02-19', 'last-year', '2020-02-30:2020-03-01'] },
  shock: { bad: ['lots', '-150%', 'KO:x'] },
} as const satisfies Record<string, { bad: readonly string[] }>;

export type ValueKind = keyof typeof VALUE_KINDS;

/** A commander value parser (called with each value given, and the value so far) that knows its kind. */
export type ValueParser<T> = ((value: string, previous: T) => T) & { valueKind: ValueKind };

/** The kind of an option's or an argument's parser; undefined for a flag without a value or an undeclared one. */
export function valueKindOf(target: Option | Argument): ValueKind | undefined {
  return (target.parseArg as Partial<ValueParser<unknown>> | undefined)?.valueKind;
}

/** How a flag is named in messages: `--from`, or `<symbols>` for an argument. */
export type FlagName = string;

/**
 * An option whose value `parse` reads. A default is given as the parsed value and the text the help
 * shows (`--cash` defaults to 10 000 000 cents, shown as 100000).
 */
export function valueOption<T>(
  flags: string,
  description: string,
  parse: ValueParser<T>,
  defaultValue?: { value: T; text: string },
): Option {
  const option = new Option(flags, description).argParser(parse);
  return defaultValue === undefined ? option : option.default(defaultValue.value, defaultValue.text);
}

function parser<T>(kind: ValueKind, read: (text: string, previous: T) => T): ValueParser<T> {
  return Object.assign((value: string, previous: T) => read(value, previous), { valueKind: kind });
}

/** Collects a repeatable flag's values, each read by `read`. */
export function repeatable<T>(kind: ValueKind, read: (text: string) => T): ValueParser<T[]> {
  return parser<T[]>(kind, (text, previous) => [...(previous ?? []), read(text)]);
}

function bad(flag: FlagName, text: string, why: string): BadInput {
  return new BadInput(`${flag} ${JSON.stringify(text)}: ${why}`);
}

// ---- dates ------------------------------------------------------------------------------------

/** A session date, YYYY-MM-DD, a day that exists, inside the years the market calendar covers. */
export function readDate(flag: FlagName, text: string): string {
  try {
    parseIsoDate(text);
    return text;
  } catch (e) {
    const message = (e as Error).message;
    if (/outside the supported years/.test(message))
      throw bad(
        flag,
        text,
        `the market calendar covers ${FIRST_SUPPORTED_YEAR}-01-01 to ${LAST_SUPPORTED_YEAR}-12-31; give a date in those years`,
      );
    if (/not a date that exists/.test(message))
      throw bad(flag, text, 'there is no such day; give a real date as YYYY-MM-DD');
    throw bad(flag, text, 'give a date as YYYY-MM-DD, e.g. 2020-03-02');
  }
}

export const date = (flag: FlagName): ValueParser<string> => parser('date', (t) => readDate(flag, t));

// ---- numbers ----------------------------------------------------------------------------------

interface Bounds {
  /** Inclusive unless `aboveMin`. */
  min?: number;
  aboveMin?: boolean;
  max?: number;
}

function inBounds(value: number, b: Bounds): boolean {
  if (b.min !== undefined && (b.aboveMin === true ? !(value > b.min) : !(value >= b.min))) return false;
  return !(b.max !== undefined && value > b.max);
}

function boundsText(b: Bounds, show: (n: number) => string): string {
  const low = b.min === undefined ? null : `${b.aboveMin === true ? 'above' : 'at least'} ${show(b.min)}`;
  const high = b.max === undefined ? null : `at most ${show(b.max)}`;
  return [low, high].filter((x) => x !== null).join(' and ');
}

/**
 * A fraction, written as a decimal (0.03) or a percent (3%): read by the one reader of typed numbers
 * (a decimal comma is refused, never ×10), within `bounds` (as fractions).
 */
export function readFraction(flag: FlagName, text: string, bounds: Bounds = {}): number {
  const percent = text.trim().endsWith('%');
  const read = percent ? readPercent(text, flag) : readDecimal(text, flag);
  if (!read.ok) throw new BadInput(`${read.message}; write a fraction like 0.03 or a percent like 3%`);
  if (!inBounds(read.value, bounds))
    throw bad(flag, text, `must be ${boundsText(bounds, (n) => `${Number((n * 100).toPrecision(12))}%`)}`);
  return read.value;
}

export const fraction = (flag: FlagName, bounds: Bounds = { min: 0, max: 1 }): ValueParser<number> =>
  parser('fraction', (t) => readFraction(flag, t, bounds));

/** A plain decimal number within `bounds`. */
export function readNumber(flag: FlagName, text: string, bounds: Bounds = {}): number {
  const read = readDecimal(text, flag);
  if (!read.ok) throw new BadInput(`${read.message}, e.g. 2.5`);
  if (!inBounds(read.value, bounds)) throw bad(flag, text, `must be ${boundsText(bounds, String)}`);
  return read.value;
}

export const number = (flag: FlagName, bounds: Bounds = { min: 0 }): ValueParser<number> =>
  parser('number', (t) => readNumber(flag, t, bounds));

/** A whole number within `bounds`. */
export function readCount(flag: FlagName, text: string, bounds: Bounds = { min: 0 }): number {
  const value = /^\s*\+?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || !inBounds(value, bounds))
    throw bad(flag, text, `give a whole number ${boundsText(bounds, String)}`);
  return value;
}

export const count = (flag: FlagName, bounds: Bounds = { min: 0 }): ValueParser<number> =>
  parser('count', (t) => readCount(flag, t, bounds));

/** A whole number, or "none" (null) for no limit. */
export const countOrNone = (flag: FlagName): ValueParser<number | null> =>
  parser('countOrNone', (t) => (t.trim().toLowerCase() === 'none' ? null : readCount(flag, t)));

export const port = (flag: FlagName): ValueParser<number> =>
  parser('port', (t) => readCount(flag, t, { min: 0, max: 65_535 }));

/** An amount in dollars (at most two decimals, grouping in threes allowed) as integer cents. */
export function readDollars(flag: FlagName, text: string, bounds: Bounds = { min: 0 }): number {
  const read = readDecimal(text, flag);
  if (!read.ok) throw new BadInput(`${read.message}; write dollars like 2500 or 1,234.56`);
  let cents: number;
  try {
    cents = dollarsToCents(read.text);
  } catch {
    throw bad(flag, text, 'money has at most two decimals (cents)');
  }
  if (!inBounds(cents / 100, bounds)) throw bad(flag, text, `must be ${boundsText(bounds, (n) => `$${n}`)}`);
  return cents;
}

export const dollars = (flag: FlagName, bounds: Bounds = { min: 0 }): ValueParser<number> =>
  parser('dollars', (t) => readDollars(flag, t, bounds));

/** One of `choices`, case-insensitive. */
export function choice<T extends string>(flag: FlagName, choices: readonly T[]): ValueParser<T> {
  return parser<T>('choice', (t) => {
    const found = choices.find((c) => c.toLowerCase() === t.trim().toLowerCase());
    if (found === undefined) throw bad(flag, t, `use one of ${choices.join(', ')}`);
    return found;
  });
}

// ---- symbols and files ------------------------------------------------------------------------

/** A ticker symbol, upper-cased ("ko" → "KO"). */
export function readSymbol(what: FlagName, text: string): string {
  const symbol = normalizeSymbol(text);
  if (symbol === null) throw bad(what, text, 'is not a ticker symbol; give one like KO or BRK.B');
  return symbol;
}

/** One symbol (e.g. a benchmark). */
export const symbol = (what: FlagName): ValueParser<string> => parser('symbol', (t) => readSymbol(what, t));

/** The symbols of a run, each once. */
export const symbols = (what: FlagName): ValueParser<string[]> =>
  parser<string[]>('symbols', (t, previous) => {
    const symbol = readSymbol(what, t);
    if ((previous ?? []).includes(symbol)) throw bad(what, t, 'is given twice; give each symbol once');
    return [...(previous ?? []), symbol];
  });

/** An existing file to read (not a folder). */
export function readInputFile(flag: FlagName, text: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(text);
  } catch {
    throw bad(flag, text, 'no such file; check the path');
  }
  if (!stat.isFile()) throw bad(flag, text, 'is a folder, not a file; give the path of a file');
  return text;
}

export const inputFile = (flag: FlagName): ValueParser<string> =>
  parser('inputFile', (t) => readInputFile(flag, t));

/** A JSON file to read: it must exist (its content is checked by the command). */
export const jsonFile = (flag: FlagName): ValueParser<string> =>
  parser('jsonFile', (t) => readInputFile(flag, t));

/** `SYMBOL=file`: a symbol and an existing file. Repeatable. */
export const symbolFile = (flag: FlagName): ValueParser<[string, string][]> =>
  parser<[string, string][]>('symbolFile', (t, previous) => {
    const at = t.indexOf('=');
    if (at <= 0 || at === t.length - 1) throw bad(flag, t, 'should be SYMBOL=file, e.g. ACME=acme.csv');
    const symbol = readSymbol(flag, t.slice(0, at));
    const file = readInputFile(flag, t.slice(at + 1));
    if ((previous ?? []).some(([s]) => s === symbol))
      throw bad(flag, t, `${symbol} is given twice; give one file per symbol`);
    return [...(previous ?? []), [symbol, file]];
  });

/**
 * A file to write, with one of `extensions`: checked before anything runs, so a long run does not end
 * with nothing to show. Its folder must be a folder that exists or can be made from one we may write
 * in; nothing is made here.
 */
export function readOutputFile(flag: FlagName, text: string, extensions: readonly string[]): string {
  const ext = path.extname(text).slice(1).toLowerCase();
  if (!extensions.includes(ext))
    throw bad(flag, text, `cannot tell what to write; end the name with .${extensions.join(', .')}`);
  const problem = unwritableReason(path.dirname(path.resolve(text)));
  if (problem !== null) throw bad(flag, text, `${problem}; choose a folder you can write to`);
  if (fs.existsSync(text) && fs.statSync(text).isDirectory())
    throw bad(flag, text, 'is a folder; give a file name');
  return text;
}

export const outputFile = (flag: FlagName, extensions: readonly string[]): ValueParser<string> =>
  parser('outputFile', (t) => readOutputFile(flag, t, extensions));

export const outputFiles = (flag: FlagName, extensions: readonly string[]): ValueParser<string[]> =>
  repeatable('outputFile', (t) => readOutputFile(flag, t, extensions));

/** Where a backup goes: any file name, in a folder that exists or can be made. */
export const backupFile = (flag: FlagName): ValueParser<string> =>
  parser('backupFile', (t) => {
    const problem = unwritableReason(path.dirname(path.resolve(t)));
    if (problem !== null) throw bad(flag, t, `${problem}; choose a folder you can write to`);
    if (fs.existsSync(t) && fs.statSync(t).isDirectory())
      throw bad(flag, t, 'is a folder; give a file name for the backup');
    return t;
  });

/**
 * Why files cannot be written under `dir`, or null: the nearest folder that exists must be a folder,
 * writable, and not a kernel file system (/proc, /sys: folders cannot be made there).
 */
export function unwritableReason(dir: string): string | null {
  let at = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats | null;
    try {
      stat = fs.statSync(at);
    } catch {
      stat = null;
    }
    if (stat !== null) {
      if (!stat.isDirectory()) return `${at} is a file, not a folder`;
      if (at !== path.resolve(dir) && isKernelFileSystem(at)) return `no folder can be made in ${at}`;
      try {
        fs.accessSync(at, fs.constants.W_OK);
      } catch {
        return `${at} is not writable`;
      }
      return null;
    }
    const parent = path.dirname(at);
    if (parent === at) return `${dir} does not exist`;
    at = parent;
  }
}

function isKernelFileSystem(dir: string): boolean {
  return /^\/(proc|sys)(\/|$)/.test(dir);
}

/** A data folder: checked for use by the command (./commands/daemon.ts), which may make it. */
export const dataDir = (flag: FlagName): ValueParser<string> =>
  parser('dataDir', (t) => {
    if (t.trim() === '') throw bad(flag, t, 'give the path of a folder');
    return t;
  });

// ---- settings (issue 15) ----------------------------------------------------------------------

/**
 * An id the app printed (an intent's, an order's, a portfolio's): letters and digits, as the command
 * `listedBy` lists them (`vb dead-letters` unless told).
 */
export const id = (flag: FlagName, listedBy = 'vb dead-letters'): ValueParser<string> =>
  parser('id', (t) => {
    if (!/^[A-Za-z0-9:_-]{1,64}$/.test(t.trim()))
      throw bad(flag, t, `is not an id; copy it from the list (${listedBy})`);
    return t.trim();
  });

/** A reason kept in the event log: at most 500 characters. */
export const reason = (flag: FlagName): ValueParser<string> =>
  parser('reason', (t) => {
    if (t.length > 500) throw bad(flag, `${t.slice(0, 20)}…`, 'is too long; keep it to 500 characters');
    return t;
  });

// ---- strategy lab (issue 18) -------------------------------------------------------------------

/** "id" or "id:a,b,c": a name of `ids` and its numbers (read like every number: "3%" is 0.03). */
function readIdAndNumbers<T extends string>(
  flag: FlagName,
  text: string,
  ids: readonly T[],
): { id: T; params: number[] } {
  const at = text.indexOf(':');
  const name = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase();
  const id = ids.find((x) => x === name.replace(/-/g, '_'));
  if (id === undefined)
    throw bad(flag, text, `use one of ${ids.join(', ')}, optionally with parameters (macd:12,26,9)`);
  if (at < 0) return { id, params: [] };
  const params = text
    .slice(at + 1)
    .split(',')
    .map((p) => {
      try {
        return readFraction(flag, p, {});
      } catch {
        throw bad(
          flag,
          text,
          `${JSON.stringify(p)} is not a number; give the parameters as numbers, e.g. macd:12,26,9`,
        );
      }
    });
  return { id, params };
}

/** A strategy and its parameters, `macd` or `macd:12,26,9` (the missing ones take SPEC 10's defaults). Repeatable. */
export const strategies = (flag: FlagName): ValueParser<StrategyChoice[]> =>
  parser<StrategyChoice[]>('strategy', (t, previous) => {
    const { id, params } = readIdAndNumbers(flag, t, STRATEGY_IDS);
    const given = STRATEGY_PARAMS[id];
    if (params.length > given.length)
      throw bad(
        flag,
        t,
        `${id} takes ${given.length === 0 ? 'no parameters' : given.map((p) => p.name).join(', ')}`,
      );
    const choice = strategyChoice(id, params);
    const problem = strategyProblem(choice);
    if (problem !== null) throw bad(flag, t, problem);
    return [...(previous ?? []), choice];
  });

/** A sizer and its parameters, `percent:0.95`, `fixed:100`, `kelly:0.5,0.2`. */
export const sizer = (flag: FlagName): ValueParser<SizerChoice> =>
  parser<SizerChoice>('sizer', (t) => {
    const { id, params } = readIdAndNumbers(flag, t, SIZER_IDS);
    const given = SIZER_PARAMS[id];
    if (params.length > given.length)
      throw bad(flag, t, `the ${id} sizer takes ${given.map((p) => p.name).join(', ')}`);
    const choice = sizerChoice(id, params);
    const problem = sizerProblem(choice);
    if (problem !== null) throw bad(flag, t, problem);
    return choice;
  });

/** Symbols separated by commas, `KO,PEP`, each once (repeatable: the lists are joined). */
export const symbolList = (flag: FlagName): ValueParser<string[]> =>
  parser<string[]>('symbolList', (t, previous) => {
    const parts = t.split(',').map((s) => s.trim());
    if (parts.every((p) => p === ''))
      throw bad(flag, t, 'give one or more symbols separated by commas, e.g. KO,PEP');
    const out = [...(previous ?? [])];
    for (const p of parts) {
      const symbol = readSymbol(flag, p);
      if (out.includes(symbol)) throw bad(flag, t, `${symbol} is given twice; give each symbol once`);
      out.push(symbol);
    }
    return out;
  });

// ---- risk (SPEC 9) ------------------------------------------------------------------------------

/** A VaR confidence SPEC 9 gives z for: 95 % or 99 % (0.95, 0.99, 95%, 99%). */
export const confidence = (flag: FlagName): ValueParser<0.95 | 0.99> =>
  parser('confidence', (t) => {
    const value = readFraction(flag, t, { min: 0, max: 1 });
    if (value !== 0.95 && value !== 0.99) throw bad(flag, t, 'use 0.95 or 0.99 (95% or 99%)');
    return value;
  });

/** `FROM:TO`, two session dates, the first before the second. Repeatable. */
export const dateRanges = (flag: FlagName): ValueParser<{ from: string; to: string }[]> =>
  parser<{ from: string; to: string }[]>('dateRange', (t, previous) => {
    const parts = t.split(':');
    if (parts.length !== 2) throw bad(flag, t, 'give a window as FROM:TO, e.g. 2020-02-19:2020-03-23');
    const from = readDate(flag, parts[0] as string);
    const to = readDate(flag, parts[1] as string);
    if (from >= to) throw bad(flag, t, 'the first date must come before the second');
    return [...(previous ?? []), { from, to }];
  });

/** A shock on every stock (`-20%`) or on one symbol (`KO:-30%`), as a fraction above −100 %. Repeatable. */
export const shocks = (flag: FlagName): ValueParser<{ shock: number; symbol?: string }[]> =>
  parser<{ shock: number; symbol?: string }[]>('shock', (t, previous) => {
    const at = t.indexOf(':');
    const symbol = at < 0 ? undefined : readSymbol(flag, t.slice(0, at));
    const shock = readFraction(flag, at < 0 ? t : t.slice(at + 1), { min: -1, aboveMin: true, max: 10 });
    return [...(previous ?? []), symbol === undefined ? { shock } : { shock, symbol }];
  });
