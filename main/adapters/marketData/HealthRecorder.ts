import type { Clock } from '../../../shared/ports/Clock';
import type { CircuitState, ProviderHealth } from '../../../shared/ports/MarketData';

/** Keeps the success and failure history every adapter reports through `health()`. */
export class HealthRecorder {
  private lastSuccessAt: number | null = null;
  private lastError: { at: number; message: string } | null = null;
  private consecutiveFailures = 0;

  constructor(
    private readonly provider: string,
    private readonly clock: Clock,
  ) {}

  success(): void {
    this.lastSuccessAt = this.clock.now();
    this.consecutiveFailures = 0;
  }

  failure(message: string): void {
    this.lastError = { at: this.clock.now(), message };
    this.consecutiveFailures += 1;
  }

  snapshot(circuit: CircuitState = 'closed', nextRetryAt: number | null = null): ProviderHealth {
    return {
      provider: this.provider,
      circuit,
      lastSuccessAt: this.lastSuccessAt,
      lastError: this.lastError,
      nextRetryAt,
      consecutiveFailures: this.consecutiveFailures,
    };
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
