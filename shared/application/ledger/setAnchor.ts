import { z } from 'zod';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { LedgerDeps } from './LedgerDeps';
import { loadPosition } from './loaders';
import { commitPositionChange, ledgerOf, positionEvent } from './positionChange';
import { fail, ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import { actorSchema, idSchema, parseInput, reasonSchema } from './validation';

export const SetAnchorInput = z
  .object({
    tenantId: idSchema('tenantId'),
    positionId: idSchema('positionId'),
    anchor: limitSchema(LIMITS.anchor),
    by: actorSchema,
    why: reasonSchema.min(1, 'Why must say why the anchor is set by hand'),
  })
  .strict();
export type SetAnchorInput = z.input<typeof SetAnchorInput>;

/** The user sets the anchor by hand (SPEC 2.6), saying who and why. Events: AnchorSet, PositionUpdated. */
export function setAnchor(deps: LedgerDeps, input: SetAnchorInput): Result<PositionRecord> {
  const parsed = parseInput(SetAnchorInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId, anchor, by, why } = parsed.value;
  return inTransaction(deps.uow, () => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const before = position.value;
    if (before.status === 'CLOSED')
      return fail('conflict', `position ${before.symbol} is closed: its anchor cannot change`);
    const now = deps.clock.now();
    const ctx = { correlationId: deps.ids.next(), ts: now, now };
    const { position: after } = commitPositionChange(
      deps,
      before,
      { ...ledgerOf(before), anchor },
      [positionEvent(before, 'AnchorSet', { from: before.anchor, to: anchor, by, why }, ctx)],
      ctx,
    );
    return ok(after);
  });
}
