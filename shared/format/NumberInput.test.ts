import { describe, expect, it } from 'vitest';
import { decimalSeparatorOf, readDecimal, readPercent } from './NumberInput';

describe('readDecimal with a dot locale', () => {
  it.each([
    ['plain', '10.5', 10.5],
    ['grouped', '1,234,567.89', 1234567.89],
    ['grouped whole', '10,500', 10500],
    ['currency sign and spaces', ' $ 25 000 ', 25000],
    ['leading dot', '.5', 0.5],
    ['negative', '-3', -3],
    ['unicode minus', '\u22123.25', -3.25],
    ['plus', '+7', 7],
  ] as const)('%s', (_name, text, value) => {
    const read = readDecimal(text, 'Cash');
    expect(read).toMatchObject({ ok: true, value });
  });

  it.each([
    ['a decimal comma is never ×10', '10,5', 'ambiguous'],
    ['two groups of two', '1,23,456', 'ambiguous'],
    ['two decimal points', '1.2.3', 'more than one decimal separator'],
    ['grouping after the decimal', '1.234,5', 'use "." for decimals'],
    ['letters', '12abc', 'must be a number'],
    ['exponent', '1e5', 'must be a number'],
    ['empty', '  ', 'is required'],
  ] as const)('refuses %s', (_name, text, message) => {
    const read = readDecimal(text, 'Cash');
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message).toContain(message);
      expect(read.message.startsWith('Cash')).toBe(true);
    }
  });

  it('keeps the exact decimal text', () => {
    expect(readDecimal('1,234.50', 'Cash')).toMatchObject({ ok: true, text: '1234.50' });
    expect(readDecimal('007', 'Cash')).toMatchObject({ ok: true, text: '7', value: 7 });
  });
});

describe('readDecimal with a comma locale', () => {
  it('reads a decimal comma as the locale means it', () => {
    expect(readDecimal('10,5', 'Cash', { decimal: ',' })).toMatchObject({ ok: true, value: 10.5 });
    expect(readDecimal('1.234,56', 'Cash', { decimal: ',' })).toMatchObject({ ok: true, value: 1234.56 });
    expect(readDecimal('1.234', 'Cash', { decimal: ',' })).toMatchObject({ ok: true, value: 1234 });
    expect(readDecimal('10.5', 'Cash', { decimal: ',' }).ok).toBe(false);
  });

  it('finds the separator of a locale', () => {
    expect(decimalSeparatorOf('en-US')).toBe('.');
    expect(decimalSeparatorOf('de-DE')).toBe(',');
    expect(decimalSeparatorOf('not a locale!')).toBe('.');
  });
});

describe('readPercent', () => {
  it.each([
    ['3', 0.03],
    ['3 %', 0.03],
    ['0.1%', 0.001],
    ['50', 0.5],
    ['3.25', 0.0325],
  ] as const)('%s', (text, fraction) => {
    expect(readPercent(text, 'Down threshold')).toMatchObject({ ok: true, value: fraction });
  });
  it('refuses a percent with a decimal comma in a dot locale', () => {
    expect(readPercent('3,5 %', 'Down threshold').ok).toBe(false);
    expect(readPercent('3,5 %', 'Down threshold', { decimal: ',' })).toMatchObject({
      ok: true,
      value: 0.035,
    });
  });
});
