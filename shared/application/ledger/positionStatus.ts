import { z } from 'zod';
import type { PositionStatus } from '../../domain/Position';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { LedgerDeps } from './LedgerDeps';
import { loadPosition } from './loaders';
import { commitPositionChange, ledgerOf, positionEvent } from './positionChange';
import { fail, ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { actorSchema, idSchema, parseInput, reasonSchema } from './validation';

export const PositionStatusInput = z
  .object({
    tenantId: idSchema('tenantId'),
    positionId: idSchema('positionId'),
    by: actorSchema,
    why: reasonSchema.optional(),
  })
  .strict();
export type PositionStatusInput = z.input<typeof PositionStatusInput>;

/** Legal moves: ACTIVE ⇄ PAUSED, and either to CLOSED, which is final. */
const ALLOWED: Record<PositionStatus, readonly PositionStatus[]> = {
  ACTIVE: ['PAUSED', 'CLOSED'],
  PAUSED: ['ACTIVE', 'CLOSED'],
  CLOSED: [],
};

/** Stops trading the position; it keeps its cash and shares. */
export function pausePosition(deps: LedgerDeps, input: PositionStatusInput): Result<PositionRecord> {
  return changeStatus(deps, input, 'PAUSED');
}

export function resumePosition(deps: LedgerDeps, input: PositionStatusInput): Result<PositionRecord> {
  return changeStatus(deps, input, 'ACTIVE');
}

/** Closes for good. Refused while an order of the position may still fill. */
export function closePosition(deps: LedgerDeps, input: PositionStatusInput): Result<PositionRecord> {
  return changeStatus(deps, input, 'CLOSED');
}

function changeStatus(
  deps: LedgerDeps,
  input: PositionStatusInput,
  to: PositionStatus,
): Result<PositionRecord> {
  const parsed = parseInput(PositionStatusInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId, by, why } = parsed.value;
  return inTransaction(deps.uow, () => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const before = position.value;
    if (!ALLOWED[before.status].includes(to)) {
      return fail('conflict', `position ${before.symbol} is ${before.status}: it cannot become ${to}`);
    }
    if (to === 'CLOSED' && deps.orders.listOpen(tenantId, positionId).length > 0) {
      return fail(
        'conflict',
        `position ${before.symbol} has open orders: wait for them to fill or cancel them first`,
      );
    }
    const now = deps.clock.now();
    const ctx = { correlationId: deps.ids.next(), ts: now, now };
    const { position: after } = commitPositionChange(
      deps,
      before,
      { ...ledgerOf(before), status: to },
      [
        positionEvent(
          before,
          'PositionStatusChanged',
          { from: before.status, to, by, why: why ?? null },
          ctx,
        ),
      ],
      ctx,
    );
    return ok(after);
  });
}
