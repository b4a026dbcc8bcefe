import type { TradingStatusDto } from '../../../shared/ipc/dto/trading';
import type { Backend, LoopStatus } from '../../composition/Backend';

/** Which market data the loop runs on, in the contract's words. */
export function marketDataMode(provider: string): 'demo' | 'live' | 'scripted' {
  if (provider === 'replay' || provider === 'demo') return 'demo';
  if (provider === 'scripted') return 'scripted';
  return 'live';
}

export function loopStatusDto(
  backend: Backend,
  status: LoopStatus,
  tickIntervalMs: number,
): TradingStatusDto {
  return {
    running: status.running,
    paused: status.paused,
    mode: marketDataMode(backend.provider),
    clockNow: status.now,
    tickIntervalMs,
    lastTick: status.lastTick && {
      tickId: status.lastTick.tickId,
      at: status.lastTick.completedAt,
      evaluated: status.lastTick.evaluated,
      ordersCreated: status.lastTick.ordersCreated,
      durationMs: status.lastTick.durationMs,
      skipped: status.lastTick.skipped,
      missedTicks: status.lastTick.missedTicks,
    },
    nextTickAt: status.nextTickAt,
    providers: [status.provider],
    queue: {
      queued: status.queue.queued + status.queue.processing,
      failed: status.queue.failed,
      dead: status.queue.dead,
    },
    halted: {
      ledger: backend.integrity.status().haltedTenants.includes(backend.tenantId),
      portfolios: backend.risk
        .halts()
        .filter((h) => h.state === 'halted')
        .map((h) => h.name),
    },
  };
}
