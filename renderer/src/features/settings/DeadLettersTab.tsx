import { useEffect, useState } from 'react';
import type { DeadLetterDto } from '../../../../shared/ipc/dto/tradingSettings';
import { formatPrice, formatShares } from '../../../../shared/format/Format';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ErrorBanner, Loading } from '../../components/States';
import { dateTime } from '../../lib/format';
import { useTradingSettingsStore } from '../../stores/tradingSettingsStore';

/**
 * Settings › Dead letters (SPEC 4.2): orders the execution worker gave up on after its retries. Each row
 * says why (the last error) and offers to place the order again (a new order, re-priced by the worker
 * if the price moved) or to discard it; either is recorded in the event log.
 */
export function DeadLettersTab() {
  const list = useTradingSettingsStore((s) => s.deadLetters);
  const error = useTradingSettingsStore((s) => s.error);
  const busy = useTradingSettingsStore((s) => s.busy);
  const [open, setOpen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void useTradingSettingsStore.getState().loadDeadLetters();
  }, []);
  if (!list)
    return error ? (
      <ErrorBanner
        message={error}
        onRetry={() => void useTradingSettingsStore.getState().loadDeadLetters()}
      />
    ) : (
      <Loading />
    );

  const act = async (d: DeadLetterDto, action: 'requeue' | 'discard') => {
    const store = useTradingSettingsStore.getState();
    const r = action === 'requeue' ? await store.requeue(d.intentId) : await store.discard(d.intentId);
    setOutcome(
      r.ok
        ? {
            ok: true,
            text:
              action === 'requeue'
                ? `${d.symbol}: placed again as a new order; the worker fills it at the current price.`
                : `${d.symbol}: discarded.`,
          }
        : { ok: false, text: r.message },
    );
  };

  return (
    <Card title="Orders that failed for good (dead letters)">
      <div className="stack">
        <p className="small muted">
          After 5 failed attempts an order is cancelled and waits here, so its position keeps trading. Place
          it again (a new order through the normal path) or discard it; both are recorded in the event log.
        </p>
        {outcome && (
          <p className={`banner ${outcome.ok ? 'ok' : 'error'} small`} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
        {list.length === 0 ? (
          <p className="empty" data-testid="dead-letters-empty">
            No failed orders: the dead-letter queue is empty.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Dead letters">
              <thead>
                <tr>
                  <th>Symbol</th>
                  <th>Order</th>
                  <th>Attempts</th>
                  <th>Failed at</th>
                  <th>Last error</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.intentId}>
                    <td>
                      <strong>{d.symbol}</strong>
                      {d.positionStatus !== 'ACTIVE' && (
                        <span className="badge warn small"> {d.positionStatus.toLowerCase()}</span>
                      )}
                    </td>
                    <td>
                      <span className={d.side === 'BUY' ? 'buy' : 'sell'}>
                        {d.side === 'BUY' ? 'Buy' : 'Sell'}
                      </span>{' '}
                      {formatShares(d.qty)} at {formatPrice(d.price)}
                    </td>
                    <td className="num">{d.attempts}</td>
                    <td>{dateTime(d.deadAt)}</td>
                    <td className="wrap">
                      <button
                        type="button"
                        className="link"
                        aria-expanded={open === d.intentId}
                        onClick={() => setOpen(open === d.intentId ? null : d.intentId)}
                      >
                        {open === d.intentId ? 'hide' : 'inspect'}
                      </button>
                      {open === d.intentId ? (
                        <div className="small mono" data-testid="dead-letter-detail">
                          <div>{d.lastError ?? 'no error recorded'}</div>
                          <div className="muted">
                            intent {d.intentId} · order {d.orderId} · queued {dateTime(d.createdAt)}
                          </div>
                        </div>
                      ) : (
                        <span className="small muted"> {(d.lastError ?? '').slice(0, 60)}</span>
                      )}
                    </td>
                    <td className="actions">
                      <Button
                        small
                        busy={busy === `requeue:${d.intentId}`}
                        onClick={() => void act(d, 'requeue')}
                      >
                        Place again
                      </Button>
                      <Button
                        small
                        variant="ghost"
                        busy={busy === `discard:${d.intentId}`}
                        onClick={() => void act(d, 'discard')}
                      >
                        Discard
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Card>
  );
}
