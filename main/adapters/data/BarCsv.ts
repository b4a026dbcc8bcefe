import {
  exchangeDateOf,
  isTradingDay,
  marketSessionAt,
  tradingDaysBetween,
} from '../../../shared/domain/calendar';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../../shared/domain/calendar';
import type { BarInterval, BarSeries } from '../../../shared/ports/HistoricalBars';
import { BAR_INTERVALS, intervalMs } from '../../../shared/ports/HistoricalBars';
import type { CsvIssue } from './CsvText';
import { isIsoDate, MAX_ISSUES, parseExactDecimal, pushIssue, quoteCsv, readCsvTable } from './CsvText';

export interface BarCsvOptions {
  symbol: string;
  /** Recorded on the series, e.g. 'bundled' or 'csv:prices.csv'. */
  source: string;
  /** Intraday bar length; inferred from the spacing of the bars when absent. Ignored for daily files. */
  interval?: BarInterval;
  /**
   * Missing sessions (daily) or missing bars inside a session (intraday) are an error unless allowed:
   * a replay over a hole would trade across it as if the price had jumped in one bar.
   */
  allowGaps?: boolean;
}

export type BarCsvResult = { ok: true; bars: BarSeries } | { ok: false; issues: CsvIssue[] };

const TIME_COLUMNS = ['date', 'datetime', 'time', 'timestamp'] as const;
const PRICE_COLUMNS = ['open', 'high', 'low', 'close'] as const;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses and validates a price file (`date,open,high,low,close[,adj_close],volume`, or a `datetime`
 * column with ISO instants carrying a zone for intraday bars). Every problem is reported with its line;
 * any problem means no series at all (SPEC: nothing imported on error).
 */
export function parseBarCsv(text: string, options: BarCsvOptions): BarCsvResult {
  const table = readCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table;
  const issues: CsvIssue[] = [];
  const timeColumn = TIME_COLUMNS.find((c) => header.includes(c));
  const missing = [...(timeColumn ? [] : ['date']), ...PRICE_COLUMNS.filter((c) => !header.includes(c))];
  if (missing.length > 0) {
    return {
      ok: false,
      issues: [
        {
          line: 1,
          message: `missing column(s): ${missing.join(', ')} (header: ${quoteCsv(header.join(','))})`,
        },
      ],
    };
  }
  if (rows.length === 0)
    return { ok: false, issues: [{ line: 0, message: 'the file has a header but no bars' }] };
  const col = (name: string): number => header.indexOf(name);
  const timeIdx = col(timeColumn as string);
  const priceIdx = PRICE_COLUMNS.map(col);
  const volumeIdx = col('volume');

  const firstTime = (rows[0] as { fields: string[] }).fields[timeIdx] ?? '';
  const daily = isIsoDate(firstTime) || !firstTime.includes(':');
  const n = rows.length;
  const time = new Float64Array(n);
  const session: string[] = new Array<string>(n);
  const ohlc = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  const volume = new Float64Array(n);
  const lines = new Int32Array(n);

  for (let r = 0; r < n; r++) {
    const { line, fields } = rows[r] as { line: number; fields: string[] };
    lines[r] = line;
    const raw = fields[timeIdx] as string;
    const when = daily ? parseSessionDate(raw) : parseInstant(raw);
    if (!when.ok) {
      if (!pushIssue(issues, { line, message: when.message })) break;
      continue;
    }
    time[r] = when.time;
    session[r] = when.session;
    for (let k = 0; k < 4; k++) {
      const parsed = parseExactDecimal(fields[priceIdx[k] as number] as string, PRICE_COLUMNS[k] as string);
      if (!parsed.ok) pushIssue(issues, { line, message: parsed.message });
      else if (!(parsed.value > 0)) {
        pushIssue(issues, {
          line,
          message: `${PRICE_COLUMNS[k]} ${quoteCsv(fields[priceIdx[k] as number] as string)} must be > 0`,
        });
      } else (ohlc[k] as Float64Array)[r] = parsed.value;
    }
    const [o, h, l, c] = [ohlc[0][r], ohlc[1][r], ohlc[2][r], ohlc[3][r]] as [number, number, number, number];
    if (o > 0 && h > 0 && l > 0 && c > 0) {
      if (h < Math.max(o, c, l))
        pushIssue(issues, { line, message: `high ${h} is below the open, close or low` });
      if (l > Math.min(o, c)) pushIssue(issues, { line, message: `low ${l} is above the open or close` });
    }
    if (volumeIdx < 0 || fields[volumeIdx] === '') {
      volume[r] = NaN;
    } else {
      const v = parseExactDecimal(fields[volumeIdx] as string, 'volume');
      if (!v.ok) pushIssue(issues, { line, message: v.message });
      else if (v.value < 0)
        pushIssue(issues, {
          line,
          message: `volume ${quoteCsv(fields[volumeIdx] as string)} must not be negative`,
        });
      else volume[r] = v.value;
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) return { ok: false, issues };

  checkOrder(time, lines, session, daily, issues);
  if (issues.length > 0) return { ok: false, issues };

  let interval: BarInterval = '1d';
  if (!daily) {
    const chosen = options.interval ?? inferInterval(time, session);
    if (chosen === null) {
      return {
        ok: false,
        issues: [
          {
            line: 0,
            message: `cannot tell the bar interval; bars must be ${BAR_INTERVALS.join(', ')} apart`,
          },
        ],
      };
    }
    if (chosen === '1d')
      return { ok: false, issues: [{ line: 0, message: 'intraday times given but the interval is 1d' }] };
    interval = chosen;
  }
  if (!options.allowGaps) {
    if (daily) checkDailyGaps(session, lines, issues);
    else checkIntradayGaps(time, session, lines, intervalMs(interval), issues);
    if (issues.length > 0) return { ok: false, issues };
  }
  return {
    ok: true,
    bars: {
      symbol: options.symbol,
      interval,
      time,
      session,
      open: ohlc[0],
      high: ohlc[1],
      low: ohlc[2],
      close: ohlc[3],
      volume,
      source: options.source,
    },
  };
}

type When = { ok: true; time: number; session: string } | { ok: false; message: string };

function inCalendarYears(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

function parseSessionDate(raw: string): When {
  if (!isIsoDate(raw))
    return { ok: false, message: `date "${quoteCsv(raw)}" is not an ISO date (YYYY-MM-DD)` };
  if (!inCalendarYears(raw)) {
    return {
      ok: false,
      message: `date ${raw} is outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
    };
  }
  if (!isTradingDay(raw)) return { ok: false, message: `${raw} is not an NYSE trading day` };
  return { ok: true, time: Date.parse(`${raw}T00:00:00Z`), session: raw };
}

function parseInstant(raw: string): When {
  if (!ISO_INSTANT.test(raw)) {
    return {
      ok: false,
      message: `time "${quoteCsv(raw)}" must be an ISO instant with a zone, e.g. 2024-01-02T09:30:00-05:00`,
    };
  }
  const ms = Date.parse(raw.replace(' ', 'T'));
  if (Number.isNaN(ms)) return { ok: false, message: `time "${quoteCsv(raw)}" is not a valid instant` };
  let session: string;
  try {
    session = exchangeDateOf(ms);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if (!isTradingDay(session) || marketSessionAt(ms) === 'CLOSED') {
    return { ok: false, message: `${quoteCsv(raw)} is outside every NYSE session` };
  }
  return { ok: true, time: ms, session };
}

function checkOrder(
  time: Float64Array,
  lines: Int32Array,
  session: string[],
  daily: boolean,
  issues: CsvIssue[],
): void {
  const seen = new Map<number, number>();
  for (let r = 0; r < time.length; r++) {
    const t = time[r] as number;
    const label = daily ? session[r] : new Date(t).toISOString();
    const earlier = seen.get(t);
    if (earlier !== undefined) {
      if (
        !pushIssue(issues, {
          line: lines[r] as number,
          message: `duplicate ${daily ? 'date' : 'time'} ${label} (also on line ${earlier})`,
        })
      )
        return;
      continue;
    }
    seen.set(t, lines[r] as number);
    if (r > 0 && t < (time[r - 1] as number)) {
      const prev = daily ? session[r - 1] : new Date(time[r - 1] as number).toISOString();
      const message = `${label} comes after ${prev} (line ${lines[r - 1]}): rows must be in ascending order`;
      if (!pushIssue(issues, { line: lines[r] as number, message })) return;
    }
  }
}

function checkDailyGaps(session: string[], lines: Int32Array, issues: CsvIssue[]): void {
  for (let r = 1; r < session.length; r++) {
    const prev = session[r - 1] as string;
    const cur = session[r] as string;
    const between = tradingDaysBetween(prev, cur).slice(1, -1);
    if (between.length > 0) {
      const list =
        between.length <= 3 ? between.join(', ') : `${between[0]} … ${between[between.length - 1]}`;
      const message = `gap: ${between.length} trading day(s) missing between ${prev} and ${cur} (${list})`;
      if (!pushIssue(issues, { line: lines[r] as number, message })) return;
    }
  }
}

function checkIntradayGaps(
  time: Float64Array,
  session: string[],
  lines: Int32Array,
  step: number,
  issues: CsvIssue[],
): void {
  for (let r = 1; r < time.length; r++) {
    if (session[r] !== session[r - 1]) continue;
    const gap = (time[r] as number) - (time[r - 1] as number);
    if (gap > step) {
      const message = `gap: ${Math.round(gap / step) - 1} bar(s) missing after ${new Date(time[r - 1] as number).toISOString()}`;
      if (!pushIssue(issues, { line: lines[r] as number, message })) return;
    }
  }
}

/** The smallest spacing between two bars of one session, if it is a known interval. */
function inferInterval(time: Float64Array, session: string[]): BarInterval | null {
  let min = Infinity;
  for (let r = 1; r < time.length; r++) {
    if (session[r] === session[r - 1]) min = Math.min(min, (time[r] as number) - (time[r - 1] as number));
  }
  if (min === Infinity) return null;
  return BAR_INTERVALS.find((i) => i !== '1d' && intervalMs(i) === min) ?? null;
}
