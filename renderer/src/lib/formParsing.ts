/**
 * Reading form fields before they are sent: a field that is not even a number is caught here, with a
 * message beside it; the ranges and rules are the backend's (its answer's issues land on the same fields).
 */
export type FieldErrors = Record<string, string>;

export function parseNumber(
  text: string,
  label: string,
  errors: FieldErrors,
  key: string,
): number | undefined {
  const trimmed = text.trim().replace(/[$,\s]/g, '');
  if (trimmed === '') {
    errors[key] = `${label} is required`;
    return undefined;
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    errors[key] = `${label} must be a number`;
    return undefined;
  }
  return value;
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
  const value = parseNumber(text.replace('%', ''), label, errors, key);
  return value === undefined ? undefined : Math.round(value * 1e8) / 1e10;
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

/** Comma/space separated numbers, e.g. "2, 3, 5" → [2, 3, 5]. */
export function parseList(
  text: string,
  label: string,
  errors: FieldErrors,
  key: string,
  scale = 1,
): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0) {
    errors[key] = `${label}: give at least one value`;
    return undefined;
  }
  const values = parts.map(Number);
  if (values.some((v) => !Number.isFinite(v))) {
    errors[key] = `${label}: every value must be a number`;
    return undefined;
  }
  return values.map((v) => Math.round(v * scale * 1e8) / 1e8);
}
