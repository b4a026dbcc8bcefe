import { TimeoutStrategy, timeout } from 'cockatiel';
import type { QuoteResult } from '../../../shared/ports/MarketData';
import { errorMessage, type HealthRecorder } from './HealthRecorder';
import { isTimeout } from './ProviderGuard';

/** The requested symbols once each, in the order first asked: the keys of a `getQuotes` answer. */
export function distinctSymbols(symbols: readonly string[]): string[] {
  return [...new Set(symbols)];
}

/**
 * `getQuotes` for adapters that answer symbol by symbol: all symbols are asked at once, and each one's
 * answer is cut off at `timeoutMs`, so a symbol that throws becomes `provider_error` and one that hangs
 * becomes `timeout` without holding up the others.
 */
export async function quoteEach(
  symbols: readonly string[],
  timeoutMs: number,
  quoteOne: (symbol: string) => Promise<QuoteResult>,
): Promise<Map<string, QuoteResult>> {
  const cutOff = timeout(timeoutMs, TimeoutStrategy.Aggressive);
  const answers = await Promise.all(
    distinctSymbols(symbols).map(async (symbol): Promise<[string, QuoteResult]> => {
      try {
        return [symbol, await cutOff.execute(() => quoteOne(symbol))];
      } catch (error) {
        return [
          symbol,
          isTimeout(error)
            ? { ok: false, kind: 'timeout', error: `no answer for ${symbol} within ${timeoutMs} ms` }
            : { ok: false, kind: 'provider_error', error: errorMessage(error) },
        ];
      }
    }),
  );
  return new Map(answers);
}

/**
 * `quoteEach` for providers that keep their own health: every answer is recorded (a symbol the provider
 * does not know is no failure of the provider).
 */
export async function quoteEachRecorded(
  symbols: readonly string[],
  timeoutMs: number,
  quoteOne: (symbol: string) => Promise<QuoteResult>,
  recorder: HealthRecorder,
): Promise<Map<string, QuoteResult>> {
  const results = await quoteEach(symbols, timeoutMs, quoteOne);
  for (const result of results.values()) {
    if (result.ok) recorder.success();
    else if (result.kind !== 'not_found') recorder.failure(result.error);
  }
  return results;
}
