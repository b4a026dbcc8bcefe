import {
  decimalSeparatorOf,
  readDecimal,
  readPercent,
  type DecimalSeparator,
} from '../../../shared/format/NumberInput';

/**
 * Reading form fields before they are sent: a field that is not even a number is caught here, with a
 * message beside it; the ranges and rules are the backend's (its answer's issues land on the same fields).
 * Numbers are read by the one reader of typed numbers (shared/format/NumberInput): the decimal separator
 * is the browser's locale's, and a comma that could be a decimal comma in a dot locale ("10,5") is
 * refused with a message, never read as 105.
 */
export type FieldErrors = Record<string, string>;

let decimal: DecimalSeparator = decimalSeparatorOf(
  typeof navigator === 'undefined' ? undefined : navigator.language,
);

/** The decimal separator forms read with ('.' or ','); the locale's unless a test sets it. */
export function formDecimalSeparator(): DecimalSeparator {
  return decimal;
}

/** For tests, and for a user who picks a number format other than the browser's. */
export function setFormDecimalSeparator(separator: DecimalSeparator): void {
  decimal = separator;
}

export function parseNumber(
  text: string,
  label: string,
  errors: FieldErrors,
  key: string,
): number | undefined {
  const read = readDecimal(text, label, { decimal });
  if (!read.ok) {
    errors[key] = read.message;
    return undefined;
  }
  return read.value;
}

export function parseOptionalNumber(
  text: string,
  label: string,
  errors: FieldErrors,
  key: string,
): number | undefined {
  return text.trim() === '' ? undefined : parseNumber(text, label, errors, key);
}

/** "3" or "3 %" → 0.03. */
export function parsePercent(
  text: string,
  label: string,
  errors: FieldErrors,
  key: string,
): number | undefined {
  const read = readPercent(text, label, { decimal });
  if (!read.ok) {
    errors[key] = read.message;
    return undefined;
  }
  return read.value;
}

/** The backend's per-field issues as form errors (the path's last part names the field). */
export function issuesToErrors(
  issues: { path: string; message: string }[] | undefined,
  map: Record<string, string> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? []) {
    const key = map[issue.path] ?? issue.path.split('.').pop() ?? issue.path;
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Numbers separated by semicolons or spaces, e.g. "2; 3 5" → [2, 3, 5]; commas separate them too where
 * the decimal separator is a dot ("2, 3, 5").
 */
export function parseList(
  text: string,
  label: string,
  errors: FieldErrors,
  key: string,
  scale = 1,
): number[] | undefined {
  const separators = decimal === '.' ? /[,;\s]+/ : /[;\s]+/;
  const parts = text.split(separators).filter((p) => p !== '');
  if (parts.length === 0) {
    errors[key] = `${label}: give at least one value`;
    return undefined;
  }
  const values: number[] = [];
  for (const part of parts) {
    const read = readDecimal(part, label, { decimal });
    if (!read.ok) {
      errors[key] = `${label}: every value must be a number ("${part}" is not)`;
      return undefined;
    }
    values.push(Math.round(read.value * scale * 1e8) / 1e8);
  }
  return values;
}
