import type { Backend, BackendEvent } from '../../composition/Backend';
import { toEvaluationRow } from '../mappers/ledgerDtos';
import { loopStatusDto } from '../mappers/tradingDtos';
import type { PushPublisher } from './PushHub';

/**
 * Turns the backend's bus into the contract's pushes (`area.pastTenseFact`). Returns the unsubscribe.
 * `tickIntervalMs` comes from the shell, which configured the loop.
 */
export function bridgeBackendPushes(
  backend: Backend,
  hub: PushPublisher,
  tickIntervalMs: () => number,
): () => void {
  return backend.events.subscribe((event: BackendEvent) => {
    switch (event.type) {
      case 'evaluationAppended':
        hub.publish('evaluation.recorded', toEvaluationRow(event.event));
        hub.publish('eventLog.appended', {
          types: ['EvaluationEvent'],
          positionIds: positionIds(event.event.positionId),
        });
        return;
      case 'orderCreated':
        hub.publish('eventLog.appended', {
          types: ['OrderIntentCreated'],
          positionIds: [event.order.positionId],
        });
        return;
      case 'orderFilled': {
        const { payload } = event.event;
        hub.publish('order.filled', {
          orderId: payload.orderId,
          tradeId: payload.tradeId,
          positionId: event.position.id,
          symbol: event.position.symbol,
          side: payload.side,
          qty: payload.qty,
          price: payload.price,
          notionalCents: payload.notionalCents,
          commissionCents: payload.commissionCents,
          ts: event.event.ts,
        });
        hub.publish('eventLog.appended', { types: ['OrderFilled'], positionIds: [event.position.id] });
        return;
      }
      case 'orderRejected': {
        const { payload } = event.event;
        hub.publish('order.rejected', {
          orderId: payload.orderId,
          positionId: event.event.positionId ?? '',
          symbol: event.event.symbol ?? '',
          side: payload.side,
          qty: payload.qty,
          reasons: payload.reasons,
          detail: payload.detail,
          ts: event.event.ts,
        });
        hub.publish('eventLog.appended', {
          types: ['OrderRejected'],
          positionIds: positionIds(event.event.positionId),
        });
        return;
      }
      case 'orderCancelled':
        hub.publish('eventLog.appended', {
          types: ['OrderCancelled'],
          positionIds: positionIds(event.event.positionId),
        });
        return;
      case 'intentDead':
        hub.publish('intent.deadLettered', {
          intentId: event.intent.id,
          orderId: event.order.id,
          symbol: backend.queries.position(event.order.positionId)?.symbol ?? null,
          error: event.intent.lastError ?? 'failed too many times',
          ts: event.intent.updatedAt,
        });
        return;
      case 'positionChanged':
        hub.publish('eventLog.appended', { types: ['PositionUpdated'], positionIds: [event.position.id] });
        return;
      case 'tickCompleted': {
        const completedAt = backend.trading.status().lastTick?.completedAt ?? backend.trading.status().now;
        const r = event.report;
        hub.publish('tick.completed', {
          tickId: r.tickId,
          at: completedAt,
          evaluated: r.evaluated,
          ordersCreated: r.ordersCreated,
          durationMs: r.durationMs,
          skipped: r.skipped,
          missedTicks: r.missedTicks,
        });
        hub.publish(
          'trading.statusChanged',
          loopStatusDto(backend, backend.trading.status(), tickIntervalMs()),
        );
        return;
      }
      case 'providerHealthChanged':
        hub.publish('provider.healthChanged', [event.health]);
        return;
      case 'loopStatusChanged':
        hub.publish('trading.statusChanged', loopStatusDto(backend, event.status, tickIntervalMs()));
        return;
      case 'notification': {
        const n = event.notification;
        hub.publish('notification.posted', {
          kind: n.kind,
          title: n.title,
          body: n.body,
          positionId: n.positionId,
          symbol: n.symbol,
          at: n.at,
        });
        return;
      }
    }
  });
}

function positionIds(id: string | null): string[] {
  return id === null ? [] : [id];
}
