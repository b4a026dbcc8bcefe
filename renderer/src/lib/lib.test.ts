import { describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../app/routes';
import { nearest } from '../features/positionDetail/chartSeries';
import { monthGrid, shiftMonth } from '../features/dividends/calendar';
import type { StrategyFieldDto } from '../../../shared/ipc/dto/tradingSettings';
import { fromText, issuesByField, toPatch, toText } from '../features/settings/strategyFieldText';
import { connectToBackend } from './connect';
import { dateTime, money, pct } from './format';
import {
  issuesToErrors,
  parseList,
  parseNumber,
  parsePercent,
  setFormDecimalSeparator,
  type FieldErrors,
} from './formParsing';
import { loopbackTransport } from './loopbackTransport';

describe('routes', () => {
  it('parses hash routes', () => {
    expect(parseRoute('')).toEqual({ page: 'dashboard' });
    expect(parseRoute('#/positions')).toEqual({ page: 'positions' });
    expect(parseRoute('#/positions/01ABC')).toEqual({ page: 'position', positionId: '01ABC' });
    expect(parseRoute('#/events')).toEqual({ page: 'events' });
    expect(parseRoute('#/nonsense')).toEqual({ page: 'dashboard' });
  });
});

describe('form parsing', () => {
  it('reads numbers and percents, with messages for the rest', () => {
    const errors: FieldErrors = {};
    expect(parseNumber('$25,000.50', 'Cash', errors, 'cash')).toBe(25000.5);
    expect(parsePercent('3 %', 'Threshold', errors, 'threshold')).toBe(0.03);
    expect(parseList('2, 3 5', 'Thresholds', errors, 'list', 0.01)).toEqual([0.02, 0.03, 0.05]);
    expect(errors).toEqual({});
    expect(parseNumber('lots', 'Cash', errors, 'cash')).toBeUndefined();
    expect(parseNumber('', 'Amount', errors, 'amount')).toBeUndefined();
    expect(errors).toEqual({ cash: 'Cash must be a number like 1,234.56', amount: 'Amount is required' });
    expect(
      issuesToErrors([
        { path: 'setup.initialCash', message: 'm' },
        { path: 'filter.to', message: 'n' },
      ]),
    ).toEqual({ initialCash: 'm', to: 'n' });
  });

  it('never reads a decimal comma as ×10: refused in a dot locale, a decimal in a comma locale', () => {
    const errors: FieldErrors = {};
    expect(parseNumber('10,5', 'Cash', errors, 'cash')).toBeUndefined();
    expect(errors.cash).toMatch(/ambiguous.*10\.5/);
    expect(parseNumber('10,500', 'Cash', errors, 'ok')).toBe(10_500);
    try {
      setFormDecimalSeparator(',');
      const de: FieldErrors = {};
      expect(parseNumber('10,5', 'Cash', de, 'cash')).toBe(10.5);
      expect(parseNumber('1.234,56', 'Cash', de, 'cash')).toBe(1234.56);
      expect(parsePercent('2,5 %', 'Threshold', de, 'threshold')).toBe(0.025);
      expect(parseList('2,5; 3', 'Thresholds', de, 'list', 0.01)).toEqual([0.025, 0.03]);
      expect(de).toEqual({});
    } finally {
      setFormDecimalSeparator('.');
    }
  });

  it('reads strategy settings in the units a person types: percent, seconds, none', () => {
    const field = (over: Partial<StrategyFieldDto>): StrategyFieldDto => ({
      section: 'trigger',
      sectionLabel: 'Trigger',
      key: 'downThreshold',
      label: 'Down threshold',
      kind: 'number',
      unit: 'percent',
      rule: null,
      nullAs: null,
      choices: [],
      help: null,
      defaultValue: 0.03,
      ...over,
    });
    const down = field({});
    const orders = field({
      section: 'guardrails',
      key: 'maxOrdersPerDay',
      unit: 'count',
      nullAs: 'no limit',
      label: 'Orders per day',
    });
    const age = field({
      section: 'execution',
      key: 'maxQuoteAgeMs',
      unit: 'duration',
      label: 'Maximum quote age',
    });
    const errors: FieldErrors = {};
    expect(fromText(down, '5', errors)).toBe(0.05);
    expect(fromText(down, '0.1 %', errors)).toBe(0.001);
    expect(toText(down, 0.035)).toBe('3.5');
    expect(fromText(orders, 'no limit', errors)).toBeNull();
    expect(fromText(orders, '', errors)).toBeUndefined();
    expect(fromText(age, '90', errors)).toBe(90_000);
    expect(toText(age, 900_000)).toBe('900');
    expect(errors).toEqual({});
    expect(fromText(down, 'lots', errors)).toBeUndefined();
    expect(errors['trigger.downThreshold']).toMatch(/Down threshold/);
    expect(
      toPatch([down, orders], { 'trigger.downThreshold': 0.05, 'guardrails.maxOrdersPerDay': null }),
    ).toEqual({
      trigger: { downThreshold: 0.05 },
      guardrails: { maxOrdersPerDay: null },
    });
    expect(
      issuesByField(
        [down],
        [
          {
            path: 'override.trigger.downThreshold',
            message: 'Down threshold must be between 0.1 % and 50 %',
          },
          { path: 'positionId', message: 'other' },
        ],
      ),
    ).toEqual({
      byField: { 'trigger.downThreshold': 'Down threshold must be between 0.1 % and 50 %' },
      rest: ['other'],
    });
  });
});

describe('formatting', () => {
  it('shows cents as dollars, fractions as percent, times in New York', () => {
    expect(money(123456)).toBe('$1,234.56');
    expect(money(null)).toBe('—');
    expect(pct(0.0312)).toBe('3.12 %');
    expect(dateTime(Date.UTC(2020, 1, 20, 14, 35))).toBe('2020-02-20 09:35');
  });
});

describe('chart and calendar helpers', () => {
  it('snaps a fill to the nearest evaluated time', () => {
    expect(nearest([10, 20, 30], 19)).toBe(20);
    expect(nearest([10, 20, 30], 1_000_000)).toBeNull();
    expect(nearest([], 1)).toBeNull();
  });

  it('lays out a month from Monday', () => {
    const grid = monthGrid(2020, 2);
    expect(grid).toHaveLength(42);
    expect(grid[0]).toEqual({ date: '2020-01-27', inMonth: false });
    expect(grid.find((d) => d.date === '2020-02-29')?.inMonth).toBe(true);
    expect(shiftMonth(2020, 12, 1)).toEqual({ year: 2021, month: 1 });
    expect(shiftMonth(2020, 1, -1)).toEqual({ year: 2019, month: 12 });
  });
});

describe('loopback transport', () => {
  it('posts requests with the token and streams pushes from a socket opened with it', async () => {
    const fetch = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ ok: true, value: 7 }))),
    );
    const sockets: FakeSocket[] = [];
    class FakeSocket {
      onopen: (() => void) | null = null;
      onmessage: ((e: { data: string }) => void) | null = null;
      onclose: (() => void) | null = null;
      constructor(
        readonly url: string,
        readonly protocols: string[],
      ) {
        sockets.push(this);
      }
    }
    const t = loopbackTransport({
      origin: 'http://127.0.0.1:9',
      token: 'tok',
      fetch: fetch as never,
      WebSocket: FakeSocket as never,
    });
    expect(await t.invoke('app.getStatus', {})).toEqual({ ok: true, value: 7 });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/ipc/app.getStatus');
    expect(init.headers).toMatchObject({ 'x-vb-token': 'tok', 'content-type': 'application/json' });
    expect(sockets[0]?.url).toBe('ws://127.0.0.1:9/ipc/push');
    expect(sockets[0]?.protocols).toEqual(['vb.v1', 'vb.token.tok']);
    const got: unknown[] = [];
    t.subscribe('order.filled', (p) => got.push(p));
    sockets[0]?.onmessage?.({ data: JSON.stringify({ push: 'order.filled', payload: { qty: 1 } }) });
    sockets[0]?.onmessage?.({ data: JSON.stringify({ push: 'nope', payload: 1 }) });
    sockets[0]?.onmessage?.({ data: 'not json' });
    expect(got).toEqual([{ qty: 1 }]);
    expect(t.downloadUrl('/downloads/a.csv')).toBe('http://127.0.0.1:9/downloads/a.csv?token=tok');
  });
});

describe('connecting to the backend', () => {
  function fakeWindow(href: string, stored: string | null = null, vb?: unknown) {
    const session = new Map<string, string>(stored ? [['vb.token', stored]] : []);
    const replaced: string[] = [];
    return {
      win: {
        vb,
        location: { href, origin: new URL(href).origin },
        sessionStorage: {
          getItem: (k: string) => session.get(k) ?? null,
          setItem: (k: string, v: string) => session.set(k, v),
        },
        history: { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
      } as unknown as Window,
      session,
      replaced,
    };
  }

  it('uses the preload bridge in the desktop app', () => {
    const { win } = fakeWindow('file:///app/index.html', null, {
      invoke: () => Promise.resolve(),
      subscribe: () => () => undefined,
    });
    expect(connectToBackend(win)).toMatchObject({ ok: true, mode: 'electron' });
  });

  it('takes the token from the URL once, keeps it for the session and removes it from the address bar', () => {
    vi.stubGlobal('WebSocket', class {});
    const { win, session, replaced } = fakeWindow('http://127.0.0.1:5000/?token=abc#/events');
    expect(connectToBackend(win)).toMatchObject({ ok: true, mode: 'browser' });
    expect(session.get('vb.token')).toBe('abc');
    expect(replaced).toEqual(['/#/events']);
    vi.unstubAllGlobals();
  });

  it('explains what to open when there is no token', () => {
    const { win } = fakeWindow('http://127.0.0.1:5000/');
    expect(connectToBackend(win)).toMatchObject({ ok: false, message: expect.stringContaining('?token=') });
  });
});
