/**
 * The idempotency index of evaluations (SPEC 4.1.4): one EvaluationEvent per (tick, position).
 * Re-running a tick after a crash finds the evaluation already made and writes nothing twice.
 */
export interface EvaluationRepository {
  /** False (nothing written) when this (tick, position) already has an evaluation. */
  record(
    tenantId: string,
    entry: { tickId: string; positionId: string; eventId: string; recordedAt: number },
  ): boolean;
  /** The event id of the evaluation of this (tick, position), or null. */
  find(tenantId: string, tickId: string, positionId: string): string | null;
}
