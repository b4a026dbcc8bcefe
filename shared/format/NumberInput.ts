/**
 * Reading a number a person typed (a form field, a CLI flag, a config value given as text). The one rule
 * that matters for money: a separator is never dropped silently. "10,5" is ten and a half where the
 * decimal separator is a comma, and refused with a message where it is a dot: it never becomes 105.
 *
 * Accepted, with the decimal separator `d` and the grouping separator `g` of the locale (`.`/`,` for
 * en-US, `,`/`.` for de-DE and most of Europe):
 * - digits with at most one `d` ("1234.5", ".5", "5.");
 * - grouping in threes ("1,234,567.89"), only when every group after the first has exactly 3 digits;
 * - spaces (including no-break and narrow no-break spaces) as grouping, and a leading currency sign "$";
 * - a leading "+" or "-" (U+2212 minus too).
 * Anything else (two decimal separators, a group of 2 digits, letters, "1e5") is refused.
 */

export type DecimalSeparator = '.' | ',';

export type NumberRead = { ok: true; value: number; text: string } | { ok: false; message: string };

export interface NumberInputOptions {
  /** The locale's decimal separator; '.' unless the user's locale says ','. */
  decimal?: DecimalSeparator;
}

/** The decimal separator of a BCP 47 locale ("de-DE" → ","), as Intl knows it. */
export function decimalSeparatorOf(locale: string | undefined): DecimalSeparator {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/**
 * Reads `raw` as a decimal number. `label` names the field in the message ("Cash must be a number like
 * 1,234.56"). The returned `text` is the canonical decimal text (dot, no grouping), exact for bookings.
 */
export function readDecimal(raw: string, label: string, options: NumberInputOptions = {}): NumberRead {
  const d = options.decimal ?? '.';
  const g = d === '.' ? ',' : '.';
  const example = d === '.' ? '1,234.56' : '1.234,56';
  let s = raw.trim().replace(SPACES, '');
  if (s === '') return { ok: false, message: `${label} is required` };
  let sign = '';
  if (s[0] === '+' || s[0] === '-' || s[0] === '\u2212') {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1);
  }
  if (s.startsWith('$')) s = s.slice(1);
  if (s === '' || !/^[0-9.,]+$/.test(s))
    return { ok: false, message: `${label} must be a number like ${example}` };

  const decimalAt = s.indexOf(d);
  if (decimalAt !== s.lastIndexOf(d))
    return { ok: false, message: `${label} has more than one decimal separator "${d}"` };
  const whole = decimalAt < 0 ? s : s.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : s.slice(decimalAt + 1);
  if (fraction.includes(g)) {
    return {
      ok: false,
      message:
        d === '.'
          ? `${label}: use "." for decimals and "," only between thousands (like ${example})`
          : `${label}: use "," for decimals and "." only between thousands (like ${example})`,
    };
  }
  let digits = whole;
  if (whole.includes(g)) {
    const groups = whole.split(g);
    const grouped =
      groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((x) => x.length === 3);
    if (!grouped) {
      const hint =
        d === '.'
          ? `write ${whole.replace(g, '.')} for a decimal, or ${example} with thousands`
          : `write ${whole.replace(g, ',')} for a decimal, or ${example} with thousands`;
      return { ok: false, message: `${label}: "${raw.trim()}" is ambiguous — ${hint}` };
    }
    digits = groups.join('');
  }
  if (digits === '' && fraction === '')
    return { ok: false, message: `${label} must be a number like ${example}` };
  const text = `${sign}${digits === '' ? '0' : digits.replace(/^0+(?=\d)/, '')}${fraction === '' ? '' : `.${fraction}`}`;
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `${label} is too large` };
  return { ok: true, value: value === 0 ? 0 : value, text };
}

/**
 * A percent as a fraction: "3", "3 %", "3.5%" → 0.03, 0.035 (rounded to 10 decimals of the fraction, so
 * 0.1 % is exactly 0.001, not 0.0010000000000000002).
 */
export function readPercent(raw: string, label: string, options: NumberInputOptions = {}): NumberRead {
  const read = readDecimal(raw.replace(/%\s*$/, ''), label, options);
  if (!read.ok) return read;
  const fraction = Number((read.value / 100).toPrecision(15));
  return { ok: true, value: fraction, text: String(fraction) };
}
