import Bottleneck from 'bottleneck';
import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  timeout,
} from 'cockatiel';
import type { CircuitBreakerPolicy, RetryPolicy } from 'cockatiel';
import type { Clock } from '../../../shared/ports/Clock';
import type {
  CircuitState as PortCircuitState,
  ProviderHealth,
  QuoteFailureKind,
} from '../../../shared/ports/MarketData';
import { errorMessage, HealthRecorder } from './HealthRecorder';

export interface ProviderGuardOptions {
  /** Retries after the first attempt of one request (attempts = 1 + retries). */
  retries?: number;
  /** Base of the exponential backoff between attempts; cockatiel's decorrelated jitter spreads it. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Consecutive failed attempts that open the circuit. */
  breakAfterFailures?: number;
  /** How long an open circuit fails fast before it lets one trial call through. */
  halfOpenAfterMs?: number;
  /** Requests in flight at once. */
  maxConcurrent?: number;
  /** Minimum spacing between the starts of two requests. */
  minTimeMs?: number;
}

const DEFAULTS: Required<ProviderGuardOptions> = {
  retries: 2,
  initialBackoffMs: 250,
  maxBackoffMs: 5_000,
  breakAfterFailures: 5,
  halfOpenAfterMs: 60_000,
  maxConcurrent: 2,
  minTimeMs: 250,
};

/**
 * Everything that stands between an adapter and a flaky provider (SPEC 7, ADR 0021), one per provider:
 * a rate limiter (bottleneck), retries with exponential backoff and jitter, a circuit breaker (cockatiel)
 * and a hard deadline per call. Layering, outermost first: deadline → retry → breaker → limiter → request,
 * so every attempt counts toward the breaker, an open breaker is never retried, and time spent waiting
 * for the limiter or between retries is inside the deadline.
 *
 * Only failures the provider is to blame for (`isProviderFailure`: network errors, throttling, server
 * errors, requests that hung until aborted) are retried and open the circuit; an answer such as "no such
 * symbol" is passed straight through. Cockatiel times the breaker with the wall clock (`Date.now`); the
 * injected clock only stamps the times `health()` reports.
 */
export class ProviderGuard {
  private readonly options: Required<ProviderGuardOptions>;
  private readonly limiter: Bottleneck;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy;
  private readonly recorder: HealthRecorder;
  private nextRetryAt: number | null = null;

  constructor(
    provider: string,
    private readonly clock: Clock,
    isProviderFailure: (error: unknown) => boolean,
    options: ProviderGuardOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.recorder = new HealthRecorder(provider, clock);
    this.limiter = new Bottleneck({
      maxConcurrent: this.options.maxConcurrent,
      minTime: this.options.minTimeMs,
    });
    const counts = (error: Error): boolean => isProviderFailure(error) || isAbandonedRequest(error);
    this.breaker = circuitBreaker(handleWhen(counts), {
      halfOpenAfter: this.options.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(this.options.breakAfterFailures),
    });
    this.retry = retry(handleWhen(counts), {
      maxAttempts: this.options.retries,
      backoff: new ExponentialBackoff({
        initialDelay: this.options.initialBackoffMs,
        maxDelay: this.options.maxBackoffMs,
      }),
    });
    this.breaker.onSuccess(() => this.recorder.success());
    this.breaker.onFailure(({ handled, reason }) => {
      if (handled)
        this.recorder.failure('error' in reason ? errorMessage(reason.error) : 'unexpected result');
    });
    this.breaker.onBreak(() => {
      this.nextRetryAt = this.clock.now() + this.options.halfOpenAfterMs;
    });
    this.breaker.onHalfOpen(() => {
      this.nextRetryAt = null;
    });
    this.breaker.onReset(() => {
      this.nextRetryAt = null;
    });
  }

  /**
   * Runs `request` until it succeeds, fails for good, or `deadline` (epoch ms, wall clock) passes. The
   * request gets an AbortSignal that fires at the deadline; one that ignores it is still abandoned then.
   * Rejects with cockatiel's TaskCancelledError on timeout and BrokenCircuitError while the circuit is open
   * (see {@link guardFailureKind}), or with the request's own error.
   */
  run<T>(request: (signal: AbortSignal) => Promise<T>, deadline: number): Promise<T> {
    const budget = Math.max(0, deadline - Date.now());
    return timeout(budget, TimeoutStrategy.Aggressive).execute(({ signal }) =>
      this.retry.execute(({ signal: attemptSignal }) => {
        // A retry whose backoff ran past the deadline must not reach the provider or count against it.
        if (attemptSignal.aborted) throw new TaskCancelledError('deadline passed before the attempt');
        return this.breaker.execute(() =>
          this.limiter.schedule({ expiration: Math.max(1, deadline - Date.now()) }, () => {
            if (attemptSignal.aborted) throw new TaskCancelledError('deadline passed while queued');
            return request(attemptSignal);
          }),
        );
      }, signal),
    );
  }

  health(): ProviderHealth {
    return this.recorder.snapshot(circuitOf(this.breaker.state), this.nextRetryAt);
  }
}

/** The failure kind of the errors {@link ProviderGuard.run} adds; null for the request's own errors. */
export function guardFailureKind(error: unknown): QuoteFailureKind | null {
  if (isTimeout(error)) return 'timeout';
  if (isBrokenCircuitError(error)) return 'circuit_open';
  return null;
}

/**
 * cockatiel's timeout error. Tested with instanceof because cockatiel 3.2's `isTaskCancelledError` checks
 * the wrong marker property and never matches.
 */
export function isTimeout(error: unknown): boolean {
  return error instanceof TaskCancelledError;
}

/**
 * A request that was under way when the deadline aborted it (fetch's AbortError or TimeoutError), or that
 * the limiter expired because it ignored the abort: the provider did not answer in time, which is its failure.
 */
function isAbandonedRequest(error: Error): boolean {
  return (
    error.name === 'AbortError' ||
    error.name === 'TimeoutError' ||
    error instanceof Bottleneck.BottleneckError
  );
}

function circuitOf(state: CircuitState): PortCircuitState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half_open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
  }
}
