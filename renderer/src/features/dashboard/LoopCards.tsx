import { Badge, Card, type Tone } from '../../components/Card';
import { dateTime, relative } from '../../lib/format';
import type { TradingStatusDto } from '../../../../shared/ipc/dto/trading';

export function LoopCard({ status }: { status: TradingStatusDto }) {
  const tick = status.lastTick;
  return (
    <Card
      title="Live loop"
      actions={
        <Badge tone={status.paused ? 'warn' : status.running ? 'ok' : 'neutral'}>
          {status.paused ? 'Paused' : status.running ? 'Running' : 'Stopped'}
        </Badge>
      }
    >
      <dl className="kv" data-testid="loop-status">
        <dt>Market data</dt>
        <dd>
          {status.mode === 'demo'
            ? 'Demo: bundled history on a virtual clock'
            : status.mode === 'live'
              ? 'Live'
              : 'Scripted'}
        </dd>
        <dt>Clock</dt>
        <dd>{dateTime(status.clockNow)} (New York)</dd>
        <dt>Tick interval</dt>
        <dd>{Math.round(status.tickIntervalMs / 60_000)} min</dd>
        <dt>Last tick</dt>
        <dd>
          {tick
            ? `${relative(tick.at, status.clockNow)} — ${tick.skipped ? 'skipped' : `${tick.evaluated} evaluated, ${tick.ordersCreated} orders, ${tick.durationMs} ms`}`
            : 'none yet'}
        </dd>
        <dt>Next tick</dt>
        <dd>{status.nextTickAt === null ? '—' : relative(status.nextTickAt, status.clockNow)}</dd>
        <dt>Order queue</dt>
        <dd>
          {status.queue.queued} queued, {status.queue.failed} retrying
          {status.queue.dead > 0 && (
            <>
              , <span className="sell">{status.queue.dead} dead</span>
            </>
          )}
        </dd>
      </dl>
    </Card>
  );
}

const CIRCUIT: Record<string, { tone: Tone; text: string }> = {
  closed: { tone: 'ok', text: 'Healthy (circuit closed)' },
  half_open: { tone: 'warn', text: 'Recovering (circuit half-open)' },
  open: { tone: 'danger', text: 'Down (circuit open)' },
};

export function ProviderCard({ status }: { status: TradingStatusDto }) {
  return (
    <Card title="Market data provider">
      {status.providers.map((p) => {
        const circuit = CIRCUIT[p.circuit] ?? { tone: 'neutral' as Tone, text: p.circuit };
        return (
          <div key={p.provider} className="stack" data-testid="provider-health">
            <div className="row">
              <strong>{p.provider}</strong>
              <Badge tone={circuit.tone}>{circuit.text}</Badge>
            </div>
            <dl className="kv">
              <dt>Last success</dt>
              <dd>
                {p.lastSuccessAt === null
                  ? 'never'
                  : `${dateTime(p.lastSuccessAt)} (${relative(p.lastSuccessAt, status.clockNow)})`}
              </dd>
              <dt>Next retry</dt>
              <dd>
                {p.nextRetryAt === null
                  ? p.circuit === 'open'
                    ? 'unknown'
                    : 'not needed'
                  : relative(p.nextRetryAt, status.clockNow)}
              </dd>
              <dt>Failures in a row</dt>
              <dd>{p.consecutiveFailures}</dd>
              <dt>Last error</dt>
              <dd>{p.lastError ? `${dateTime(p.lastError.at)}: ${p.lastError.message}` : 'none'}</dd>
            </dl>
          </div>
        );
      })}
    </Card>
  );
}
