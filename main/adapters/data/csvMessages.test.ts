import { describe, expect, it } from 'vitest';
import { parseBarCsv } from './BarCsv';
import { formatIssues, MAX_QUOTED } from './CsvText';
import { parseDividendCsv } from './DividendCsv';

/** Issue 20: a CSV error message quotes at most the first 200 characters of a bad line or field. */
const HUGE = 'x'.repeat(1_000_000);
const HEADER = 'date,open,high,low,close,volume';

function messagesOf(result: { ok: boolean; issues?: { message: string }[] }): string[] {
  expect(result.ok).toBe(false);
  return (result.issues ?? []).map((i) => i.message);
}

describe('CSV messages quote at most the first 200 characters', () => {
  it.each([
    { name: 'a 1 MB date field', text: `${HEADER}\n${HUGE},1,1,1,1,1\n` },
    { name: 'a 1 MB price field', text: `${HEADER}\n2024-01-02,1,1,1,-${HUGE},1\n` },
    {
      name: 'a 1 MB line with too many fields',
      text: `${HEADER}\n2024-01-02,1,1,1,1,1,${HUGE.replace(/x/g, ',')}\n`,
    },
    { name: 'a 1 MB header', text: `date,${HUGE}\n2024-01-02,1\n` },
  ])('bars: $name', ({ text }) => {
    for (const message of messagesOf(parseBarCsv(text, { symbol: 'ACME', source: 'test' }))) {
      expect(message.length).toBeLessThan(MAX_QUOTED + 200);
    }
  });

  it.each([
    { name: 'a 1 MB ex-date', text: `ex_date,amount\n${HUGE},0.5\n` },
    { name: 'a 1 MB amount', text: `ex_date,amount\n2024-01-02,-${HUGE}\n` },
    { name: 'a 1 MB pay date', text: `ex_date,pay_date,amount\n2024-01-02,${HUGE},0.5\n` },
  ])('dividends: $name', ({ text }) => {
    for (const message of messagesOf(parseDividendCsv(text, 'ACME'))) {
      expect(message.length).toBeLessThan(MAX_QUOTED + 200);
    }
  });

  it('shows the start of what it quotes and how long it was', () => {
    const result = parseBarCsv(`${HEADER}\n2024-01-0${HUGE},1,1,1,1,1\n`, { symbol: 'ACME', source: 'test' });
    const text = formatIssues(
      messagesOf(result).map((message) => ({ line: 2, message })),
      'acme.csv',
    );
    expect(text).toContain(`2024-01-0${'x'.repeat(MAX_QUOTED - 9)}…`);
    expect(text).toContain('(1000009 characters)');
    expect(text.length).toBeLessThan(1_000);
  });
});
