import { describe, expect, it } from 'vitest';
import { parseBarCsv } from './BarCsv';
import { parseDividendCsv } from './DividendCsv';

const HEADER = 'date,open,high,low,close,adj_close,volume';
const ok = [
  HEADER,
  '2024-01-02,10,11,9.5,10.5,,1000',
  '2024-01-03,10.5,10.75,10,10.125,,2000',
  '2024-01-04,10.125,10.5,9.875,10.25,,1500',
].join('\n');

function issuesOf(text: string, options: { allowGaps?: boolean } = {}): string[] {
  const r = parseBarCsv(text, { symbol: 'X', source: 'test', ...options });
  if (r.ok) throw new Error('expected the file to be refused');
  return r.issues.map((i) => `${i.line}: ${i.message}`);
}

describe('parseBarCsv', () => {
  it('reads a well-formed daily file with exact prices', () => {
    const r = parseBarCsv(ok, { symbol: 'X', source: 'test' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bars.interval).toBe('1d');
    expect(r.bars.session).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect([...r.bars.close]).toEqual([10.5, 10.125, 10.25]);
    expect(r.bars.time[0]).toBe(Date.parse('2024-01-02T00:00:00Z'));
  });

  it.each([
    {
      name: 'a row with a missing field',
      text: `${HEADER}\n2024-01-02,10,11,9.5,10.5,1000`,
      expected: ['2: expected 7 fields (date,open,high,low,close,adj_close,volume), found 6'],
    },
    {
      name: 'a text price',
      text: `${HEADER}\n2024-01-02,10,11,abc,10.5,,1000`,
      expected: ['2: low "abc" is not a number'],
    },
    {
      name: 'a negative price',
      text: `${HEADER}\n2024-01-02,10,11,9.5,-10.5,,1000`,
      expected: ['2: close -10.5 must be > 0'],
    },
    {
      name: 'a zero price',
      text: `${HEADER}\n2024-01-02,0,11,9.5,10.5,,1000`,
      expected: ['2: open 0 must be > 0'],
    },
    {
      name: 'high below close',
      text: `${HEADER}\n2024-01-02,10,10.4,9.5,10.5,,1000`,
      expected: ['2: high 10.4 is below the open, close or low'],
    },
    {
      name: 'a negative volume',
      text: `${HEADER}\n2024-01-02,10,11,9.5,10.5,,-1`,
      expected: ['2: volume -1 must not be negative'],
    },
    {
      name: 'a malformed date',
      text: `${HEADER}\n01/02/2024,10,11,9.5,10.5,,1000`,
      expected: ['2: date "01/02/2024" is not an ISO date (YYYY-MM-DD)'],
    },
    {
      name: 'a weekend date',
      text: `${HEADER}\n2024-01-06,10,11,9.5,10.5,,1000`,
      expected: ['2: 2024-01-06 is not an NYSE trading day'],
    },
    {
      name: 'too many digits for an exact price',
      text: `${HEADER}\n2024-01-02,10,11,9.5,10.50000000000000000001,,1000`,
      expected: ['2: close "10.50000000000000000001" has more digits than can be kept exactly'],
    },
    {
      name: 'a missing column',
      text: 'date,open,high,close\n2024-01-02,1,1,1',
      expected: ['1: missing column(s): low (header: date,open,high,close)'],
    },
    { name: 'an empty file', text: '', expected: ['0: the file is empty (no header line)'] },
    { name: 'a header only', text: HEADER, expected: ['0: the file has a header but no bars'] },
    {
      name: 'unsorted dates',
      text: [HEADER, '2024-01-03,10,11,9.5,10.5,,1', '2024-01-02,10,11,9.5,10.5,,1'].join('\n'),
      expected: ['3: 2024-01-02 comes after 2024-01-03 (line 2): rows must be in ascending order'],
    },
    {
      name: 'a duplicate date',
      text: [HEADER, '2024-01-02,10,11,9.5,10.5,,1', '2024-01-02,10,11,9.5,10.5,,1'].join('\n'),
      expected: ['3: duplicate date 2024-01-02 (also on line 2)'],
    },
    {
      name: 'a gap of missing sessions',
      text: [HEADER, '2024-01-02,10,11,9.5,10.5,,1', '2024-01-08,10,11,9.5,10.5,,1'].join('\n'),
      expected: [
        '3: gap: 3 trading day(s) missing between 2024-01-02 and 2024-01-08 (2024-01-03, 2024-01-04, 2024-01-05)',
      ],
    },
  ])('refuses $name with a line-numbered message', ({ text, expected }) => {
    expect(issuesOf(text)).toEqual(expected);
  });

  it('reports every bad line, not only the first', () => {
    const text = [
      HEADER,
      '2024-01-02,10,11,9.5,x,,1',
      '2024-01-03,10,11,9.5,10.5,,1',
      '2024-01-04,-1,11,9.5,10.5,,1',
    ].join('\n');
    expect(issuesOf(text)).toEqual(['2: close "x" is not a number', '4: open -1 must be > 0']);
  });

  it('accepts a gap when asked to', () => {
    const text = [HEADER, '2024-01-02,10,11,9.5,10.5,,1', '2024-01-08,10,11,9.5,10.5,,1'].join('\n');
    expect(parseBarCsv(text, { symbol: 'X', source: 't', allowGaps: true }).ok).toBe(true);
  });

  it('reads intraday bars with zones, infers the interval and their session', () => {
    const text = [
      'datetime,open,high,low,close,volume',
      '2024-01-02T09:30:00-05:00,10,11,9.5,10.5,100',
      '2024-01-02T09:35:00-05:00,10.5,11,9.5,10.25,100',
      '2024-01-03T09:30:00-05:00,10.5,11,9.5,10.25,100',
    ].join('\r\n');
    const r = parseBarCsv(text, { symbol: 'X', source: 't' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bars.interval).toBe('5m');
    expect(r.bars.session).toEqual(['2024-01-02', '2024-01-02', '2024-01-03']);
  });

  it('refuses intraday times without a zone and bars missing inside a session', () => {
    expect(issuesOf('datetime,open,high,low,close\n2024-01-02T09:30:00,1,1,1,1')).toEqual([
      '2: time "2024-01-02T09:30:00" must be an ISO instant with a zone, e.g. 2024-01-02T09:30:00-05:00',
    ]);
    const gappy = [
      'datetime,open,high,low,close',
      '2024-01-02T14:30:00Z,1,1,1,1',
      '2024-01-02T14:35:00Z,1,1,1,1',
      '2024-01-02T14:50:00Z,1,1,1,1',
    ].join('\n');
    expect(issuesOf(gappy)).toEqual(['4: gap: 2 bar(s) missing after 2024-01-02T14:35:00.000Z']);
  });
});

describe('parseDividendCsv', () => {
  it('reads records; an empty pay date is unknown', () => {
    const r = parseDividendCsv('ex_date,pay_date,amount\n2024-01-02,,0.25\n2024-04-02,2024-04-15,0.3', 'X');
    expect(r).toEqual({
      ok: true,
      dividends: [
        { symbol: 'X', exDate: '2024-01-02', payDate: null, amount: 0.25, withholdingPct: null },
        { symbol: 'X', exDate: '2024-04-02', payDate: '2024-04-15', amount: 0.3, withholdingPct: null },
      ],
    });
  });

  it('refuses bad rows with their lines', () => {
    const r = parseDividendCsv(
      'ex_date,pay_date,amount\n2024-04-02,,0.25\n2024-01-02,2023-12-01,-1\n2024-04-02,,x',
      'X',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.line}: ${i.message}`)).toEqual([
      '3: pay_date 2023-12-01 is before ex_date 2024-01-02',
      '3: amount -1 must be > 0',
      '3: 2024-01-02 comes after 2024-04-02 (line 2): rows must be in ascending order',
      '4: amount "x" is not a number',
      '4: duplicate ex_date 2024-04-02 (also on line 2)',
    ]);
  });
});
