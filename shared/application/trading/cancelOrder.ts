import type { DomainEvent } from '../../domain/DomainEvent';
import { IntentStateMachine } from '../../domain/IntentStateMachine';
import { OrderStateMachine } from '../../domain/OrderStateMachine';
import { formatShares } from '../../format/Format';
import type { OrderRecord } from '../../ports/OrderRepository';
import { positionEvent } from '../ledger/positionChange';
import { fail, ok, type Result } from '../ledger/Result';
import type { TickDeps } from './runTick';

export type CancelOrderDeps = Pick<TickDeps, 'uow' | 'clock' | 'orders' | 'intents' | 'positions' | 'events'>;

export interface CancelOrderInput {
  tenantId: string;
  orderId: string;
  /** Who asks ("user (desktop)"), recorded in the OrderCancelled reason. */
  by: string;
  why?: string | null;
}

export interface CancelOrderResult {
  order: OrderRecord;
  event: DomainEvent<'OrderCancelled'>;
}

/**
 * Cancel of an open order by hand (issue 15, ADR 0062). One transaction: the order moves to CANCELLED
 * (order state machine), its intent from QUEUED or FAILED to DONE (intent state machine), and
 * OrderCancelled is appended. Refused, with nothing written, when the order is complete (filled,
 * rejected, cancelled) or a worker holds its intent (PROCESSING: it is being sent to the broker; the paper
 * broker answers at once, so the outcome is known a moment later). A sell-out's position stays paused.
 */
export function cancelOpenOrder(deps: CancelOrderDeps, input: CancelOrderInput): Result<CancelOrderResult> {
  return deps.uow.transaction((): Result<CancelOrderResult> => {
    const order = deps.orders.get(input.tenantId, input.orderId);
    if (order === null) return fail('not_found', `order ${input.orderId} not found`);
    const what = `${order.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(order.qty)}`;
    if (OrderStateMachine.isTerminal(order.status)) {
      const done =
        order.status === 'FILLED'
          ? 'already filled'
          : order.status === 'CANCELLED'
            ? 'already cancelled'
            : 'already rejected';
      return fail('conflict', `The order to ${what} is ${done}: nothing to cancel`);
    }
    if (order.status === 'PARTIALLY_FILLED')
      return fail('conflict', `The order to ${what} is being filled: it can no longer be cancelled`);
    const intent = deps.intents.getByOrder(input.tenantId, order.id);
    if (intent !== null && intent.status === 'PROCESSING')
      return fail(
        'conflict',
        `The order to ${what} is being sent to the broker right now: look again in a moment`,
      );
    const position = deps.positions.get(input.tenantId, order.positionId);
    if (position === null) return fail('not_found', `position ${order.positionId} not found`);
    const now = deps.clock.now();
    OrderStateMachine.transition(order.status, 'CANCELLED');
    if (
      !deps.orders.transition(input.tenantId, order.id, order.status, { status: 'CANCELLED', updatedAt: now })
    )
      return fail('conflict', `The order to ${what} changed meanwhile: look again`);
    if (intent !== null && !IntentStateMachine.isTerminal(intent.status)) {
      IntentStateMachine.transition(intent.status, 'DONE');
      if (!deps.intents.closeUnclaimed(input.tenantId, intent.id, now))
        throw new Error(`intent ${intent.id} left ${intent.status} inside the cancel's transaction`);
    }
    const reason = `cancelled by ${input.by}${input.why ? `: ${input.why}` : ''}`;
    const [event] = deps.events.append(input.tenantId, [
      positionEvent(
        position,
        'OrderCancelled',
        { orderId: order.id, reason },
        { correlationId: order.tickId ?? order.id, ts: now },
      ),
    ]);
    return ok({
      order: { ...order, status: 'CANCELLED', updatedAt: now },
      event: event as DomainEvent<'OrderCancelled'>,
    });
  });
}
