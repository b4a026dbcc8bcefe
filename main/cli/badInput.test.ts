import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Argument, Command, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './CliContext';
import { buildProgram } from './index';
import { captureCli } from './testing/captureCli';
import type { ValueKind } from './values';
import { VALUE_KINDS, valueKindOf } from './values';

/**
 * Issue 19, "bad input on the command line": every flag and argument of every command, fed the bad
 * values its kind declares (main/cli/values.ts), ends with exit 2, one line on stderr naming the flag
 * and saying what to do, no stack trace, nothing on stdout and nothing written. The cases come from the
 * commander program itself, so a command merged later (lots, performance, tax-report, risk, …) is
 * covered by this same test; an option whose value has no declared kind fails it.
 */

const root = mkdtempSync(path.join(tmpdir(), 'vb-bad-input-'));
const dataDir = path.join(root, 'data');
const fixtures = {
  missing: path.join(root, 'no-such-folder', 'nothing.json'),
  dir: path.join(root, 'a-folder'),
  text: path.join(root, 'note.txt'),
  unwritable: '/proc/vb-no-such-folder',
  badSection: path.join(root, 'bad-section.json'),
  holdings: path.join(root, 'holdings.csv'),
  badHoldings: path.join(root, 'bad-holdings.csv'),
};
const previousCwd = process.cwd();
const previousHome = process.env.VB_HOME;

beforeAll(() => {
  mkdirSync(fixtures.dir);
  mkdirSync(dataDir);
  writeFileSync(fixtures.text, 'not what any flag expects\n');
  writeFileSync(fixtures.badSection, '{"triger": {"upThreshold": 0.05}}\n');
  writeFileSync(fixtures.holdings, 'symbol,qty\nKO,10\n');
  writeFileSync(fixtures.badHoldings, 'symbol,qty\nKO,abc\n');
  // Relative paths land in the temporary folder, and the data folder is never the user's.
  process.chdir(root);
  process.env.VB_HOME = dataDir;
});

afterAll(() => {
  process.chdir(previousCwd);
  if (previousHome === undefined) delete process.env.VB_HOME;
  else process.env.VB_HOME = previousHome;
  rmSync(root, { recursive: true, force: true });
});

function fill(value: string): string {
  return value.replace(/\{(missing|dir|text|unwritable)\}/g, (_, k: keyof typeof fixtures) => fixtures[k]);
}

/** A value every argument of a kind accepts, so a case fails on the flag under test alone. */
const VALID_ARGUMENT: Partial<Record<ValueKind, () => string[]>> = {
  symbols: () => ['KO'],
  // restore <file>: the options are checked before the file is read.
  inputFile: () => [fixtures.text],
};

/** Every file and folder under `dir` with its size: what "nothing written" compares. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const s = statSync(path.join(dir, f));
      return `${f}:${s.isDirectory() ? 'dir' : s.size}`;
    });
}

interface Case {
  command: string;
  flag: string;
  kind: ValueKind | undefined;
  args: string[];
}

function requiredArguments(command: Command): string[] {
  return command.registeredArguments
    .filter((a) => a.required)
    .flatMap((a) => {
      const kind = valueKindOf(a);
      const valid = kind === undefined ? undefined : VALID_ARGUMENT[kind];
      if (valid === undefined)
        throw new Error(`${command.name()} ${a.name()}: no valid sample for its kind ${kind}`);
      return valid();
    });
}

function argumentLabel(a: Argument): string {
  return a.required ? `<${a.name()}>` : `[${a.name()}]`;
}

/** Every command that runs, subcommands included (`settings set`), named by its words. */
function commandsOf(parent: Command, prefix = ''): { name: string; command: Command }[] {
  return parent.commands.flatMap((command) => {
    const name = `${prefix}${command.name()}`;
    if (command.name() === 'help') return [];
    return command.commands.length > 0 ? commandsOf(command, `${name} `) : [{ name, command }];
  });
}

/** The cases of every option and argument of every command of the program. */
function casesOf(program: Command): Case[] {
  const cases: Case[] = [];
  for (const { name, command } of commandsOf(program)) {
    const options = command.options.filter((o: Option) => o.required || o.optional);
    for (const option of options) {
      const kind = valueKindOf(option);
      const flag = option.long ?? option.flags;
      const bad = kind === undefined ? ['?'] : VALUE_KINDS[kind].bad;
      for (const value of bad) cases.push({ command: name, flag, kind, args: [flag, value] });
    }
    command.registeredArguments.forEach((argument, index) => {
      const kind = valueKindOf(argument);
      const bad = kind === undefined ? ['?'] : VALUE_KINDS[kind].bad;
      const before = command.registeredArguments.slice(0, index).filter((a) => a.required);
      for (const value of bad)
        cases.push({
          command: name,
          flag: argumentLabel(argument),
          kind,
          args: [...before.flatMap((a) => VALID_ARGUMENT[valueKindOf(a) as ValueKind]?.() ?? []), value],
        });
    });
  }
  return cases;
}

const silentIo: CliIo = { out: () => undefined, err: () => undefined, interactive: false };
const program = buildProgram({ io: silentIo, signal: new AbortController().signal });
const cases = casesOf(program);

describe('every flag of every command refuses its bad values', () => {
  it('walks a program with its commands and their flags', () => {
    const names = commandsOf(program).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'simulate',
        'sweep',
        'walk-forward',
        'daemon',
        'backup',
        'restore',
        'lots',
        'performance',
        'tax-report',
      ]),
    );
    // settings (issue 15): subcommands are walked too.
    expect(names).toEqual(
      expect.arrayContaining([
        'settings show',
        'settings set',
        'settings remove-commission',
        'dead-letters',
        'dividend add',
        'halts',
      ]),
    );
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases)('$command $flag $args.1', async ({ command, flag, kind, args }) => {
    expect(kind, `${command} ${flag}: read its value with a parser of main/cli/values.ts`).toBeDefined();
    const sub = commandsOf(program).find((c) => c.name === command)?.command as Command;
    const words = command.split(' ');
    const isArgument = flag.startsWith('<') || flag.startsWith('[');
    const argv = isArgument
      ? [...words, ...args.map(fill)]
      : [...words, ...requiredArguments(sub), args[0] as string, fill(args[1] as string)];
    const before = tree(root);
    // A bad value taken by mistake would start the command: the daemon stops after a while, and the
    // case fails on its exit code.
    const { code, out, err } = await captureCli(argv, AbortSignal.timeout(20_000));
    expect(code, err).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines, err).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain(flag.replace(/^[<[]|[>\]]$/g, ''));
    expect(err).not.toMatch(/^\s+at /m);
    expect(out).toBe('');
    expect(tree(root)).toEqual(before);
  });
});

/**
 * Values each flag's parser reads but the command refuses once it sees them together or against the
 * data (the README audit, issue 15–20): still exit 2, one line on stderr saying what was wrong in the
 * investor's words (the flag, or the symbol, named), nothing on stdout, nothing written.
 */
const REFUSED: { argv: () => string[]; says: string | RegExp }[] = [
  {
    argv: () => ['simulate', 'KO', '--from', '2020-01-01', '--to', '2019-01-01'],
    says: '--from 2020-01-01 is after --to',
  },
  {
    argv: () => ['simulate', 'KO', '--config', fixtures.badSection],
    says: 'unknown section "triger" (did you mean "trigger"?)',
  },
  { argv: () => ['simulate', 'KO', '--report', 'out.docx'], says: '--report "out.docx"' },
  { argv: () => ['simulate', 'KO', '--threshold', '150%'], says: /--threshold: .*100 %/ },
  { argv: () => ['simulate', 'KO', 'KO'], says: 'given twice' },
  { argv: () => ['simulate', 'ZZZZ'], says: 'no symbol "ZZZZ"' },
  { argv: () => ['sweep', 'KO', '--thresholds', '0.10:0.02:0.01'], says: '--thresholds "0.10:0.02:0.01"' },
  {
    argv: () => ['walk-forward', 'KO', '--in-sample', '30y', '--out-of-sample', '1y'],
    says: 'too short for a 30-year in-sample window followed by a 1-year out-of-sample one',
  },
  {
    argv: () => ['backtest', '--strategy', 'sma_cross:200,50', '--symbols', 'KO'],
    says: '--strategy "sma_cross:200,50"',
  },
  { argv: () => ['backtest', '--strategy', 'vb', '--symbols', 'KO,KO'], says: '--symbols "KO,KO"' },
  {
    argv: () => ['stress', '--holdings', fixtures.holdings, '--window', '2020-03-23:2020-02-19'],
    says: '--window "2020-03-23:2020-02-19"',
  },
  { argv: () => ['risk', '--holdings', fixtures.badHoldings], says: '--holdings' },
  {
    argv: () => ['risk', '--holdings', fixtures.holdings, '--as-of', '1990-01-01'],
    says: /^error: --as-of: no closes on or before 1990-01-01 for KO: pick a date from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/,
  },
  {
    argv: () => ['stress', '--holdings', fixtures.holdings, '--as-of', '1990-01-01'],
    says: /^error: --as-of: no closes on or before 1990-01-01 for KO: pick a date from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/,
  },
  { argv: () => ['indicators', 'ZZZZ'], says: 'no symbol "ZZZZ"' },
];

describe('values a flag reads but the command refuses', () => {
  // Before the daemon's cases below: a logger they start may still be writing its file afterwards.
  it.each(REFUSED.map((c) => ({ ...c, name: c.argv().join(' ') })))('$name', async ({ argv, says }) => {
    const before = tree(root);
    const { code, out, err } = await captureCli(argv(), AbortSignal.timeout(60_000));
    expect(code, err).toBe(2);
    const lines = err.trim().split('\n');
    expect(lines, err).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    if (typeof says === 'string') expect(lines[0]).toContain(says);
    else expect(lines[0]).toMatch(says);
    expect(err).not.toMatch(/^\s+at /m);
    expect(out).toBe('');
    expect(tree(root)).toEqual(before);
  });
});

describe('bad files and folders given to the commands', () => {
  it('a database that is a text file: one sentence, exit 2, the file untouched', async () => {
    const dir = path.join(root, 'text-db');
    mkdirSync(dir);
    const db = path.join(dir, 'demo.db');
    writeFileSync(db, 'this is not a database\n');
    for (const argv of [
      ['daemon', '--data-dir', dir, '--duration', '1', '--quiet'],
      ['backup', path.join(root, 'copy.db'), '--data-dir', dir],
    ]) {
      const { code, err } = await captureCli(argv, AbortSignal.timeout(20_000));
      expect(code, err).toBe(2);
      expect(err.trim().split('\n'), err).toHaveLength(1);
      expect(err).toMatch(/demo\.db/);
      expect(err).not.toMatch(/^\s+at /m);
      expect(statSync(db).size).toBe('this is not a database\n'.length);
    }
    expect(readdirSync(root)).not.toContain('copy.db');
  });

  it('backup of a data folder without a database says so and makes none (issue 15)', async () => {
    const dir = path.join(root, 'no-db');
    mkdirSync(dir);
    const { code, out, err } = await captureCli([
      'backup',
      path.join(root, 'empty-copy.db'),
      '--data-dir',
      dir,
    ]);
    expect(code, err).toBe(2);
    expect(err.trim().split('\n'), err).toHaveLength(1);
    expect(err).toMatch(/there is no demo database .*demo\.db to back up/);
    expect(out).toBe('');
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(root)).not.toContain('empty-copy.db');
  });
});
