import { z } from 'zod';
import { cents, dollarsToCents } from '../../domain/Money';
import { formatMoney } from '../../format/Format';
import type { PositionRecord } from '../../ports/PositionRepository';
import type { LedgerDeps } from './LedgerDeps';
import { loadPosition } from './loaders';
import { commitPositionChange, ledgerOf, positionEvent } from './positionChange';
import { fail, ok, type Result } from './Result';
import { inTransaction } from './transaction';
import { LIMITS, limitSchema } from '../../domain/InputLimits';
import { idSchema, parseInput } from './validation';

export const CashMovementInput = z
  .object({
    tenantId: idSchema('tenantId'),
    positionId: idSchema('positionId'),
    amount: limitSchema(LIMITS.cashAmount),
  })
  .strict();
export type CashMovementInput = z.input<typeof CashMovementInput>;

/** Adds cash to an open position. Events: CashDeposited, PositionUpdated. */
export function depositCash(deps: LedgerDeps, input: CashMovementInput): Result<PositionRecord> {
  const parsed = parseInput(CashMovementInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId, amount } = parsed.value;
  return inTransaction(deps.uow, () => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const before = position.value;
    if (before.status === 'CLOSED')
      return fail('conflict', `position ${before.symbol} is closed: cash cannot be deposited`);
    const amountCents = dollarsToCents(amount);
    return ok(commit(deps, before, cents(before.cashCents + amountCents), 'CashDeposited', amountCents));
  });
}

/**
 * Takes cash out of a position (closed ones included, to empty them). Never overdraws: only the cash
 * counts, not the dividend receivable. Events: CashWithdrawn, PositionUpdated.
 */
export function withdrawCash(deps: LedgerDeps, input: CashMovementInput): Result<PositionRecord> {
  const parsed = parseInput(CashMovementInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, positionId, amount } = parsed.value;
  return inTransaction(deps.uow, () => {
    const position = loadPosition(deps, tenantId, positionId);
    if (!position.ok) return position;
    const before = position.value;
    const amountCents = dollarsToCents(amount);
    if (amountCents > before.cashCents) {
      return fail(
        'insufficient_funds',
        `Cannot withdraw ${formatMoney(amountCents)}: ${before.symbol} has ${formatMoney(before.cashCents)} in cash`,
      );
    }
    return ok(commit(deps, before, cents(before.cashCents - amountCents), 'CashWithdrawn', amountCents));
  });
}

function commit(
  deps: LedgerDeps,
  before: PositionRecord,
  cashCents: ReturnType<typeof cents>,
  type: 'CashDeposited' | 'CashWithdrawn',
  amountCents: number,
): PositionRecord {
  const now = deps.clock.now();
  const ctx = { correlationId: deps.ids.next(), ts: now, now };
  return commitPositionChange(
    deps,
    before,
    { ...ledgerOf(before), cashCents },
    [positionEvent(before, type, { amountCents }, ctx)],
    ctx,
  ).position;
}
