import type { z } from 'zod';
import type { LedgerDeps } from './LedgerDeps';
import { loadPosition } from './loaders';
import { positionEvent } from './positionChange';
import { fail, ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { PositionStatusInput } from './positionStatus';
import { parseInput } from './validation';

/** Who deletes and why: the same fields as a status change. */
export const DeletePositionInput = PositionStatusInput;
export type DeletePositionInput = z.input<typeof DeletePositionInput>;

/**
 * Deletes a position that never traded (issue 15): created by mistake, it leaves the lists for good. It
 * may have been evaluated, but it never had an order, a fill or a dividend: nothing happened to money
 * through it. Its cash goes with it (it was set aside on paper only). The row is removed; its events stay
 * in the append-only log, closed by PositionDeleted. A position that traded can only be closed.
 */
export function deletePosition(deps: LedgerDeps, input: DeletePositionInput): Result<{ id: string }> {
  const parsed = parseInput(DeletePositionInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId, by, why } = parsed.value;
  return inTransaction(deps.uow, () => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const p = position.value;
    // An order (even one rejected or cancelled), or a dividend accrued or paid, is history to keep.
    const traded =
      deps.orders.listByPosition(tenantId, p.id, 1).length > 0 ||
      p.receivableCents !== 0 ||
      p.totalDividendsGrossCents !== 0 ||
      p.totalCommissionPaidCents !== 0;
    if (traded) {
      return fail(
        'conflict',
        `${p.symbol} has orders or dividends on record, so it cannot be deleted: close it instead (its history stays)`,
      );
    }
    const now = deps.clock.now();
    deps.events.append(tenantId, [
      positionEvent(
        p,
        'PositionDeleted',
        { by, why: why ?? null, qty: p.qty, cashCents: p.cashCents },
        { correlationId: deps.ids.next(), ts: now },
      ),
    ]);
    if (!deps.positions.delete(tenantId, p.id, p.version))
      throw new Error(`position ${p.id} changed under us (expected version ${p.version})`);
    return ok({ id: p.id });
  });
}
