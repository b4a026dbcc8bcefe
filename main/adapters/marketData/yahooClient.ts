import YahooFinance from 'yahoo-finance2';

/**
 * The two yahoo-finance2 calls the adapter makes, shaped for it: tests hand the adapter a fake with these
 * methods, the app the real client from {@link createYahooClient}. Both return Yahoo's raw, unvalidated
 * answer (`validateResult: false`): the adapter checks each row itself, so one odd row costs one symbol,
 * not the whole batch.
 */
export interface YahooClient {
  /** `quote()` for several symbols in one request; resolves to an array of quote rows. */
  quote(symbols: readonly string[], signal: AbortSignal): Promise<unknown>;
  /** `chart()` with daily bars plus dividend and split events from `period1` to `period2` (ISO dates). */
  chart(symbol: string, period1: string, period2: string, signal: AbortSignal): Promise<unknown>;
}

/** yahoo-finance2's logger shape. */
export interface YahooLogger {
  info: (...args: unknown[]) => void;
  warn: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
  debug: (...args: unknown[]) => void;
  dir: (...args: unknown[]) => void;
}

const ignore = (): void => undefined;
const SILENT: YahooLogger = { info: ignore, warn: ignore, error: ignore, debug: ignore, dir: ignore };

/**
 * The real client, quiet: its survey and deprecation notices are suppressed, it does not check npm for
 * a newer version on errors, and its log lines go to `logger` (dropped by default; every failure reaches
 * the adapter as an error anyway). yahoo-finance2 still writes the URL of a non-OK HTTP response to
 * console.error; it offers no switch for that line.
 */
export function createYahooClient(logger: YahooLogger = SILENT): YahooClient {
  const yf = new YahooFinance({
    suppressNotices: ['yahooSurvey', 'ripHistorical'],
    versionCheck: false,
    validation: { logErrors: false, logOptionsErrors: false },
    logger,
  });
  return {
    quote: (symbols, signal) =>
      yf.quote([...symbols], { return: 'array' }, { validateResult: false, fetchOptions: { signal } }),
    chart: (symbol, period1, period2, signal) =>
      yf.chart(
        symbol,
        { period1, period2, interval: '1d', events: 'div|split', includePrePost: false, return: 'array' },
        { validateResult: false, fetchOptions: { signal } },
      ),
  };
}

/**
 * Failures worth retrying and counting against Yahoo: the network (fetch's TypeError), throttling (429)
 * and server errors (5xx). yahoo-finance2 turns Yahoo's JSON error bodies into plain Errors carrying the
 * description, so those are recognised by their wording.
 */
export function isYahooProviderFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof TypeError) return true;
  const status = (error as { code?: unknown }).code;
  if (typeof status === 'number') return status === 429 || status >= 500;
  return /too many requests|rate limit|internal server error|service unavailable|bad gateway|gateway time-?out|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|socket hang up/i.test(
    error.message,
  );
}

/** Yahoo's answer for a symbol it does not know (chart: "No data found, symbol may be delisted"). */
export function isYahooNotFound(error: unknown): boolean {
  return error instanceof Error && /not found|no data found|delisted/i.test(error.message);
}
