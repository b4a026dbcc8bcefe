import type { DividendRecord } from '../../../shared/ports/HistoricalDividends';
import type { CsvIssue } from './CsvText';
import { isIsoDate, MAX_ISSUES, parseExactDecimal, pushIssue, quoteCsv, readCsvTable } from './CsvText';

export type DividendCsvResult = { ok: true; dividends: DividendRecord[] } | { ok: false; issues: CsvIssue[] };

/**
 * Parses and validates a dividend file: `ex_date,pay_date,amount[,withholding_pct]`. `pay_date` may be
 * empty (unknown: the ex-date is used, SPEC 4.3). Ex-dates ascending and unique, amounts > 0, a pay date
 * not before its ex-date. Any problem means no records at all.
 */
export function parseDividendCsv(text: string, symbol: string): DividendCsvResult {
  const table = readCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table;
  const missing = ['ex_date', 'amount'].filter((c) => !header.includes(c));
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
  const exIdx = header.indexOf('ex_date');
  const payIdx = header.indexOf('pay_date');
  const amountIdx = header.indexOf('amount');
  const whIdx = header.indexOf('withholding_pct');
  const issues: CsvIssue[] = [];
  const dividends: DividendRecord[] = [];
  const seen = new Map<string, number>();
  let prev: { exDate: string; line: number } | null = null;
  for (const { line, fields } of rows) {
    const exDate = fields[exIdx] as string;
    const payRaw = payIdx >= 0 ? (fields[payIdx] as string) : '';
    if (!isIsoDate(exDate))
      pushIssue(issues, { line, message: `ex_date "${quoteCsv(exDate)}" is not an ISO date (YYYY-MM-DD)` });
    if (payRaw !== '' && !isIsoDate(payRaw))
      pushIssue(issues, { line, message: `pay_date "${quoteCsv(payRaw)}" is not an ISO date` });
    else if (payRaw !== '' && payRaw < exDate)
      pushIssue(issues, { line, message: `pay_date ${payRaw} is before ex_date ${quoteCsv(exDate)}` });
    const amount = parseExactDecimal(fields[amountIdx] as string, 'amount');
    if (!amount.ok) pushIssue(issues, { line, message: amount.message });
    else if (!(amount.value > 0))
      pushIssue(issues, { line, message: `amount ${quoteCsv(fields[amountIdx] as string)} must be > 0` });
    let withholdingPct: number | null = null;
    if (whIdx >= 0 && fields[whIdx] !== '') {
      const wh = parseExactDecimal(fields[whIdx] as string, 'withholding_pct');
      if (!wh.ok) pushIssue(issues, { line, message: wh.message });
      else if (wh.value < 0 || wh.value > 1)
        pushIssue(issues, { line, message: `withholding_pct ${wh.value} must be a fraction in [0, 1]` });
      else withholdingPct = wh.value;
    }
    const earlier = seen.get(exDate);
    if (earlier !== undefined)
      pushIssue(issues, { line, message: `duplicate ex_date ${quoteCsv(exDate)} (also on line ${earlier})` });
    else if (prev !== null && exDate < prev.exDate) {
      pushIssue(issues, {
        line,
        message: `${quoteCsv(exDate)} comes after ${quoteCsv(prev.exDate)} (line ${prev.line}): rows must be in ascending order`,
      });
    }
    seen.set(exDate, line);
    prev = { exDate, line };
    if (issues.length >= MAX_ISSUES) break;
    if (amount.ok)
      dividends.push({
        symbol,
        exDate,
        payDate: payRaw === '' ? null : payRaw,
        amount: amount.value,
        withholdingPct,
      });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, dividends };
}
