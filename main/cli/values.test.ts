import { describe, expect, it } from 'vitest';
import { BadInput } from './exitCodes';
import { parseNumber, parseSymbols, readBand } from './runOptions';
import { readCount, readDate, readDollars, readFraction, unwritableReason } from './values';

/** The readers of ./values.ts on hand-picked rows: what each accepts, and the sentence it refuses with. */
describe('values read from flags', () => {
  it.each([
    { text: '2020-02-28', value: '2020-02-28' },
    { text: '2020-02-29', value: '2020-02-29' },
  ])('a date: $text', ({ text, value }) => expect(readDate('--from', text)).toBe(value));

  it.each([
    { text: '2019-02-29', says: 'there is no such day' },
    { text: '1800-01-01', says: 'the market calendar covers 1990-01-01 to 2100-12-31' },
    { text: '02/03/2020', says: 'give a date as YYYY-MM-DD' },
  ])('refuses the date $text', ({ text, says }) => {
    expect(() => readDate('--from', text)).toThrow(BadInput);
    expect(() => readDate('--from', text)).toThrow(says);
  });

  it.each([
    { text: '0.03', value: 0.03 },
    { text: '3%', value: 0.03 },
    { text: '3.5 %', value: 0.035 },
    { text: '0.1%', value: 0.001 },
  ])('a fraction: $text → $value', ({ text, value }) => expect(readFraction('--up', text)).toBe(value));

  it('never reads a decimal comma as ten times the number', () => {
    expect(() => readFraction('--up', '2,5%')).toThrow('is ambiguous');
    expect(() => readDollars('--cash', '10,5')).toThrow('is ambiguous');
  });

  it.each([
    { text: '2500', cents: 250_000 },
    { text: '1,234.56', cents: 123_456 },
    { text: '$99.9', cents: 9_990 },
  ])('dollars: $text → $cents cents', ({ text, cents }) => expect(readDollars('--cash', text)).toBe(cents));

  it('refuses fractions of a cent and amounts out of bounds', () => {
    expect(() => readDollars('--cash', '1.234')).toThrow('at most two decimals');
    expect(() => readDollars('--cash', '0', { min: 0, aboveMin: true })).toThrow('must be above $0');
  });

  it('counts are whole numbers within bounds', () => {
    expect(readCount('--top', '10')).toBe(10);
    expect(() => readCount('--workers', '0', { min: 1, max: 256 })).toThrow('give a whole number at least 1');
    expect(() => readCount('--top', '2.5')).toThrow(BadInput);
  });

  it('bands are min:max fractions', () => {
    expect(readBand('--band', '25%:75%')).toEqual([0.25, 0.75]);
    expect(() => readBand('--band', '0.9:0.1')).toThrow('the minimum is above the maximum');
  });

  it('says why a folder cannot take files', () => {
    expect(unwritableReason('/proc/vb-no-such/deeper')).toBe('no folder can be made in /proc');
    expect(unwritableReason(__dirname)).toBeNull();
  });

  it('keeps the readers commands written before ADR 0065 call', () => {
    expect(parseNumber('ratio', '3%')).toBe(0.03);
    expect(parseSymbols(['ko', 'pep'])).toEqual(['KO', 'PEP']);
    expect(() => parseSymbols(['KO', 'ko'])).toThrow('is given twice');
    expect(() => parseSymbols([])).toThrow('give at least one symbol');
  });
});
