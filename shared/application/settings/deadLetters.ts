import { z } from 'zod';
import { resolveCommission } from '../../domain/Commission';
import type { DomainEvent } from '../../domain/DomainEvent';
import type { Side } from '../../domain/DomainEvent';
import type { DeadLetterRepository } from '../../ports/DeadLetterRepository';
import type { OrderIntentRecord, OrderIntentRepository } from '../../ports/OrderIntentRepository';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { LedgerDeps } from '../ledger/LedgerDeps';
import { loadPosition } from '../ledger/loaders';
import { positionEvent } from '../ledger/positionChange';
import { fail, ok, type Result } from '../ledger/Result';
import { inTransaction } from '../ledger/transaction';
import { idSchema, parseInput } from '../ledger/validation';

/**
 * The dead-letter queue handled by hand (SPEC 4.2, issue 15, ADR 0087). A DEAD intent's order was
 * cancelled when the intent died (so its position trades again); the investor can read why it died,
 * place it again, or dismiss it. Re-queue never revives the cancelled order (CANCELLED is terminal): it
 * creates a new order of the same side and quantity, priced as the old one so the worker's drift check
 * re-evaluates it at the current price, with the commission in force now (SPEC 2.7 snapshot), and a new
 * intent through the normal path. Each action is one transaction with its event, once per dead intent.
 */
export type DeadLetterDeps = LedgerDeps & {
  intents: OrderIntentRepository;
  deadLetters: DeadLetterRepository;
};

export interface DeadLetter {
  intent: OrderIntentRecord;
  order: OrderRecord;
  symbol: string;
  positionStatus: string;
}

/** Dead intents not yet re-queued or discarded, newest first. */
export function listDeadLetters(
  deps: Pick<DeadLetterDeps, 'intents' | 'deadLetters' | 'orders' | 'positions'>,
  tenantId: string,
  limit = 200,
): DeadLetter[] {
  const resolved = deps.deadLetters.resolvedIntentIds(tenantId);
  const out: DeadLetter[] = [];
  for (const intent of deps.intents.listByStatus(tenantId, 'DEAD', 100_000)) {
    if (resolved.has(intent.id)) continue;
    const order = deps.orders.get(tenantId, intent.orderId);
    if (order === null) continue;
    const position = deps.positions.get(tenantId, order.positionId);
    out.push({
      intent,
      order,
      symbol: position?.symbol ?? '?',
      positionStatus: position?.status ?? 'DELETED',
    });
  }
  out.sort((a, b) => b.intent.updatedAt - a.intent.updatedAt || (a.intent.id < b.intent.id ? 1 : -1));
  return out.slice(0, limit);
}

export const DeadLetterActionInput = z
  .object({
    tenantId: idSchema('tenantId'),
    intentId: idSchema('intentId'),
    /** Who acts ("user (desktop)", "cli"). */
    by: z.string().trim().min(1).max(100),
    why: z.string().max(500, 'Why must be at most 500 characters').nullable().default(null),
  })
  .strict();
export type DeadLetterActionInput = z.input<typeof DeadLetterActionInput>;

export interface RequeueResult {
  order: OrderRecord;
  intentId: string;
  events: DomainEvent[];
}

/** Places a dead intent's order again as a new order and intent (see above). */
export function requeueDeadLetter(deps: DeadLetterDeps, input: DeadLetterActionInput): Result<RequeueResult> {
  const parsed = parseInput(DeadLetterActionInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, intentId, by, why } = parsed.value;
  return inTransaction(deps.uow, () => {
    const dead = loadDead(deps, tenantId, intentId);
    if (!dead.ok) return dead;
    const { intent, order } = dead.value;
    const position = loadPosition(deps, tenantId, order.positionId);
    if (!position.ok) return fail('conflict', 'Its position no longer exists: discard it instead');
    if (position.value.status !== 'ACTIVE')
      return fail(
        'conflict',
        `${position.value.symbol} is ${position.value.status.toLowerCase()}: resume it before placing the order again, or discard it`,
      );
    const now = deps.clock.now();
    const newOrderId = deps.ids.next();
    const newIntentId = deps.ids.next();
    const tickId = `requeue:${newOrderId}`;
    const commission = resolveCommission(
      deps.commissionRates.listApplicable(tenantId, position.value.symbol),
      tenantId,
      position.value.symbol,
    );
    const fresh: OrderRecord = {
      id: newOrderId,
      tenantId,
      positionId: order.positionId,
      tickId,
      side: order.side as Side,
      qty: order.qty,
      price: order.price,
      pricePolicy: order.pricePolicy,
      commission,
      status: 'NEW',
      // One re-queue per dead intent: a second is refused by the dedupe key.
      dedupeKey: `requeue:${intent.id}`,
      filledQty: 0,
      reasons: order.reasons,
      createdAt: now,
      updatedAt: now,
    };
    if (!deps.orders.insert(tenantId, fresh)) return fail('conflict', 'This order was already placed again');
    if (!deps.intents.enqueue(tenantId, { id: newIntentId, orderId: newOrderId, now }))
      throw new Error(`order ${newOrderId} already has an intent`);
    if (
      !deps.deadLetters.resolve(tenantId, {
        intentId,
        tenantId,
        action: 'REQUEUED',
        newOrderId,
        by,
        why,
        resolvedAt: now,
      })
    )
      return fail('conflict', 'This failed order was already handled');
    const ctx = { correlationId: tickId, ts: now };
    const events = deps.events.append(tenantId, [
      positionEvent(
        position.value,
        'DeadIntentRequeued',
        { intentId, orderId: order.id, newOrderId, newIntentId, lastError: intent.lastError, by, why },
        ctx,
      ),
      positionEvent(
        position.value,
        'OrderIntentCreated',
        {
          orderId: newOrderId,
          intentId: newIntentId,
          side: fresh.side,
          qty: fresh.qty,
          price: fresh.price,
          pricePolicy: fresh.pricePolicy,
          commission,
          dedupeKey: fresh.dedupeKey,
          tickId,
          isInitialAllocation: false,
        },
        ctx,
      ),
    ]);
    return ok({ order: fresh, intentId: newIntentId, events });
  });
}

/** Dismisses a dead intent: nothing is placed again; it leaves the dead-letter queue. */
export function discardDeadLetter(
  deps: DeadLetterDeps,
  input: DeadLetterActionInput,
): Result<{ intentId: string; events: DomainEvent[] }> {
  const parsed = parseInput(DeadLetterActionInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, intentId, by, why } = parsed.value;
  return inTransaction(deps.uow, () => {
    const dead = loadDead(deps, tenantId, intentId);
    if (!dead.ok) return dead;
    const { intent, order } = dead.value;
    const now = deps.clock.now();
    if (
      !deps.deadLetters.resolve(tenantId, {
        intentId,
        tenantId,
        action: 'DISCARDED',
        newOrderId: null,
        by,
        why,
        resolvedAt: now,
      })
    )
      return fail('conflict', 'This failed order was already handled');
    const position = deps.positions.get(tenantId, order.positionId);
    const payload = { intentId, orderId: order.id, lastError: intent.lastError, by, why };
    const ctx = { correlationId: `discard:${intentId}`, ts: now };
    const events = deps.events.append(tenantId, [
      position !== null
        ? positionEvent(position, 'DeadIntentDiscarded', payload, ctx)
        : {
            type: 'DeadIntentDiscarded',
            tenantId,
            portfolioId: null,
            positionId: null,
            symbol: null,
            ts: now,
            correlationId: ctx.correlationId,
            payload,
          },
    ]);
    return ok({ intentId, events });
  });
}

function loadDead(
  deps: Pick<DeadLetterDeps, 'intents' | 'orders' | 'deadLetters'>,
  tenantId: string,
  intentId: string,
): Result<{ intent: OrderIntentRecord; order: OrderRecord }> {
  const intent = deps.intents.get(tenantId, intentId);
  if (intent === null) return fail('not_found', `There is no order intent ${intentId}`);
  if (intent.status !== 'DEAD')
    return fail('conflict', `This order has not failed for good (it is ${intent.status.toLowerCase()})`);
  if (deps.deadLetters.get(tenantId, intentId) !== null)
    return fail('conflict', 'This failed order was already handled');
  const order = deps.orders.get(tenantId, intent.orderId);
  if (order === null) throw new Error(`intent ${intentId} refers to a missing order`);
  return ok({ intent, order });
}
