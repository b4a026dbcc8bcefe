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
 * becomes `timeout` without holding up the others. All symbols start together, so one deadline (one
 * timer) serves them all, and each answer is taken by one callback: a timeout policy, abort signal,
 * timer and race per symbol cost more than a 1 000-symbol tick's scripted answers (bench/tick.bench.ts).
 */
export function quoteEach(
  symbols: readonly string[],
  timeoutMs: number,
  quoteOne: (symbol: string) => Promise<QuoteResult>,
): Promise<Map<string, QuoteResult>> {
  const asked = distinctSymbols(symbols);
  const answers: (QuoteResult | undefined)[] = new Array<QuoteResult | undefined>(asked.length);
  return new Promise((resolve) => {
    let pending = asked.length;
    let done = false;
    const finish = (): void => {
      done = true;
      clearTimeout(timer);
      resolve(
        new Map(
          asked.map((symbol, i): [string, QuoteResult] => [
            symbol,
            answers[i] ?? {
              ok: false,
              kind: 'timeout',
              error: `no answer for ${symbol} within ${timeoutMs} ms`,
            },
          ]),
        ),
      );
    };
    const settle = (i: number, answer: QuoteResult): void => {
      if (done) return;
      answers[i] = answer;
      if (--pending === 0) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    if (pending === 0) finish();
    asked.forEach((symbol, i) => {
      let answer: Promise<QuoteResult>;
      try {
        answer = quoteOne(symbol);
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (a) => settle(i, a),
        (error: unknown) =>
          settle(
            i,
            isTimeout(error)
              ? { ok: false, kind: 'timeout', error: `no answer for ${symbol} within ${timeoutMs} ms` }
              : { ok: false, kind: 'provider_error', error: errorMessage(error) },
          ),
      );
    });
  });
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
