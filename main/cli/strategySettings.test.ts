import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from './testing/captureCli';

/**
 * Config files (issue 15, "Inputs that move money"; issue 19, "Bad input … in files"): anything but
 * sections of known settings is refused with exit 2, one sentence naming the key and the expected
 * shape, and nothing runs or is written. Today's silent defaults were the bug.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'vb-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function simulateWith(config: string): ReturnType<typeof captureCli> {
  const file = path.join(dir, 'strategy.json');
  writeFileSync(file, config);
  const range = ['--from', '2019-01-01', '--to', '2019-03-31'];
  return captureCli(['simulate', 'KO', ...range, '--config', file, '--report', path.join(dir, 'run.json')]);
}

describe('config files', () => {
  it.each([
    {
      name: 'a misspelt section',
      config: '{"triger": {"upThreshold": 0.05}}',
      message:
        'unknown section "triger" (did you mean "trigger"?); the sections are trigger, sizing, guardrails, orderPolicy, execution',
    },
    {
      name: 'an unknown setting in a section',
      config: '{"trigger": {"upThresold": 0.05}}',
      message:
        'unknown setting "trigger.upThresold" (did you mean "upThreshold"?); trigger takes upThreshold, downThreshold',
    },
    {
      name: 'a section that is null',
      config: '{"trigger": null}',
      message:
        'section "trigger" is null; it must be an object of settings such as {"upThreshold": …, "downThreshold": …}',
    },
    {
      name: 'a section that is a number',
      config: '{"guardrails": 5}',
      message: 'section "guardrails" is the number 5; it must be an object of settings',
    },
    {
      name: 'a config wrapped in another key',
      config: '{"config": {"trigger": {"upThreshold": 0.05}}}',
      message:
        'the settings are wrapped in "config"; put the sections (trigger, sizing, guardrails, orderPolicy, execution, risk) at the top level',
    },
    {
      name: 'a setting outside its section',
      config: '{"upThreshold": 0.05}',
      message: '"upThreshold" belongs in the "trigger" section, e.g. {"trigger": {"upThreshold": 0.05}}',
    },
    { name: 'a list', config: '[]', message: 'got a list; expected an object with any of the sections' },
    { name: 'not JSON', config: 'upThreshold = 5%', message: 'not valid JSON' },
    {
      name: 'a value out of range, in the user’s units',
      config: '{"trigger": {"downThreshold": 1.5}}',
      // The range is the domain's (shared/domain/InputLimits), in the user's units.
      message: 'strategy.json: trigger.downThreshold: Down threshold must be between 0.1 % and 50 %',
    },
    {
      name: 'a value of the wrong type',
      config: '{"guardrails": {"maxOrdersPerDay": "four"}}',
      message: 'guardrails.maxOrdersPerDay: must be a whole number',
    },
    {
      name: 'an inverted band',
      config: '{"guardrails": {"minStockPct": 0.8, "maxStockPct": 0.2}}',
      message: 'the minimum stock allocation (80 %) must not be above the maximum (20 %)',
    },
  ])('refuses $name: exit 2, one sentence, nothing written', async ({ config, message }) => {
    const r = await simulateWith(config);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
    expect(readdirSync(dir)).toEqual(['strategy.json']);
  });

  it('takes the shipped example, and flags override it', async () => {
    const example = path.resolve(__dirname, '../../examples/strategy.json');
    const report = path.join(mkdtempSync(path.join(tmpdir(), 'vb-config-run-')), 'run.json');
    const { code } = await captureCli([
      'simulate',
      'KO',
      '--from',
      '2019-01-01',
      '--to',
      '2019-12-31',
      '--config',
      example,
      '--up',
      '6%',
      '--report',
      report,
    ]);
    expect(code).toBe(0);
    const config = JSON.parse(readFileSync(report, 'utf8')).result.inputs.config;
    expect(config.trigger).toEqual({ upThreshold: 0.06, downThreshold: 0.04 });
    expect(config.guardrails).toMatchObject({ minStockPct: 0.3, maxStockPct: 0.7, maxOrdersPerDay: 2 });
    expect(config.execution.dividendWithholdingPct).toBe(0.15);
    rmSync(path.dirname(report), { recursive: true, force: true });
  });
});
