import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundledBarSource } from '../../../main/adapters/data/BundledBarSource';
import type { BarSeries } from '../../ports/HistoricalBars';
import {
  adx,
  AdxStream,
  atr,
  AtrStream,
  bollinger,
  BollingerStream,
  ema,
  EmaStream,
  macd,
  MacdStream,
  rsi,
  RsiStream,
  sma,
  SmaStream,
  trueRange,
  TrueRangeStream,
} from './index';

/**
 * SPEC 10: every indicator equals R's TTR 0.24 on every bundled symbol, |a − b| ≤ 1e-9 · max(|b|, close),
 * in its batch and its streaming form, and the two forms are the same number at every bar. The fixtures
 * are made by `fixtures/ttr-fixtures.R` (no R needed here).
 */
const COLUMNS = [
  'sma50',
  'sma200',
  'ema12',
  'ema26',
  'macd',
  'signal',
  'rsi14',
  'bbDn',
  'bbMavg',
  'bbUp',
  'tr',
  'atr14',
  'diP',
  'diN',
  'dx',
  'adx14',
] as const;
type Column = (typeof COLUMNS)[number];

function batch(b: BarSeries): Record<Column, Float64Array> {
  const m = macd(b.close, 12, 26, 9);
  const bb = bollinger(b.close, 20, 2);
  const a = adx(b.high, b.low, b.close, 14);
  return {
    sma50: sma(b.close, 50),
    sma200: sma(b.close, 200),
    ema12: ema(b.close, 12),
    ema26: ema(b.close, 26),
    macd: m.macd,
    signal: m.signal,
    rsi14: rsi(b.close, 14),
    bbDn: bb.lower,
    bbMavg: bb.middle,
    bbUp: bb.upper,
    tr: trueRange(b.high, b.low, b.close),
    atr14: atr(b.high, b.low, b.close, 14),
    diP: a.diPlus,
    diN: a.diMinus,
    dx: a.dx,
    adx14: a.adx,
  };
}

function streaming(b: BarSeries): Record<Column, Float64Array> {
  const n = b.close.length;
  const out = Object.fromEntries(COLUMNS.map((c) => [c, new Float64Array(n)])) as Record<
    Column,
    Float64Array
  >;
  const s50 = new SmaStream(50);
  const s200 = new SmaStream(200);
  const e12 = new EmaStream(12);
  const e26 = new EmaStream(26);
  const m = new MacdStream(12, 26, 9);
  const r = new RsiStream(14);
  const bb = new BollingerStream(20, 2);
  const tr = new TrueRangeStream();
  const at = new AtrStream(14);
  const ad = new AdxStream(14);
  for (let i = 0; i < n; i++) {
    const h = b.high[i] as number;
    const l = b.low[i] as number;
    const c = b.close[i] as number;
    out.sma50[i] = s50.push(c);
    out.sma200[i] = s200.push(c);
    out.ema12[i] = e12.push(c);
    out.ema26[i] = e26.push(c);
    m.push(c);
    out.macd[i] = m.macd;
    out.signal[i] = m.signal;
    out.rsi14[i] = r.push(c);
    bb.push(c);
    out.bbDn[i] = bb.lower;
    out.bbMavg[i] = bb.middle;
    out.bbUp[i] = bb.upper;
    out.tr[i] = tr.push(h, l, c);
    out.atr14[i] = at.push(h, l, c);
    ad.push(h, l, c);
    out.diP[i] = ad.diPlus;
    out.diN[i] = ad.diMinus;
    out.dx[i] = ad.dx;
    out.adx14[i] = ad.adx;
  }
  return out;
}

const source = new BundledBarSource();
let symbols: string[] = [];
beforeAll(async () => {
  symbols = await source.listSymbols();
});

describe('indicators equal TTR 0.24 on every bundled symbol', () => {
  it('has a fixture for each of the 14 bundled symbols', () => {
    expect(symbols.length).toBe(14);
  });

  it.each(['AAPL', 'CSCO', 'GE', 'IBM', 'INTC', 'JPM', 'KO', 'MSFT', 'ORCL', 'PEP', 'PG', 'SPY', 'T', 'WMT'])(
    '%s: batch and streaming within 1e-9 of TTR, and equal to each other',
    async (symbol) => {
      const loaded = await source.getBars(symbol, '1990-01-01', '2100-12-31', '1d');
      if (!loaded.ok) throw new Error(loaded.message);
      const b = loaded.bars;
      const lines = readFileSync(join(__dirname, 'fixtures', `${symbol}.csv`), 'utf8')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(['i', ...COLUMNS].join(','));
      const forms = { batch: batch(b), streaming: streaming(b) };
      const problems: string[] = [];
      let compared = 0;
      for (const line of lines.slice(1)) {
        const fields = line.split(',');
        const i = Number(fields[0]);
        COLUMNS.forEach((col, k) => {
          const text = fields[k + 1] as string;
          for (const [form, values] of Object.entries(forms)) {
            const a = values[col][i] as number;
            if (text === '') {
              if (!Number.isNaN(a)) problems.push(`${form} ${col}[${i}] = ${a}, TTR has NA`);
              continue;
            }
            const expected = Number(text);
            compared++;
            if (!(Math.abs(a - expected) <= 1e-9 * Math.max(Math.abs(expected), b.close[i] as number)))
              problems.push(`${form} ${col}[${i}] = ${a}, TTR ${expected}`);
          }
        });
      }
      expect(problems.slice(0, 10)).toEqual([]);
      expect(compared).toBeGreaterThan(500 * 14);
      for (const col of COLUMNS) {
        const x = forms.batch[col];
        const y = forms.streaming[col];
        for (let i = 0; i < x.length; i++) {
          if (!Object.is(x[i], y[i])) {
            expect(`${col}[${i}]: batch ${x[i]}`).toBe(`${col}[${i}]: streaming ${y[i]}`);
          }
        }
      }
    },
  );
});
