import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent } from '../../../shared/format/Format';
import { shownSign } from './Figure';

/** A figure's colour follows the sign it shows (issue 16: negatives coloured and signed). */
describe('figure colour', () => {
  it.each([
    [formatPercent(-0.00004, { signed: true }), 'flat'],
    [formatPercent(0.00004, { signed: true }), 'flat'],
    [formatPercent(-0.0312, { signed: true }), 'loss'],
    [formatPercent(0.0312, { signed: true }), 'gain'],
    [formatMoney(-100_592, { signed: true }), 'loss'],
    [formatMoney(20_059, { signed: true }), 'gain'],
    [formatMoney(0, { signed: true }), 'flat'],
  ])('%s is %s', (text, colour) => {
    expect(shownSign(text)).toBe(colour);
  });
});
