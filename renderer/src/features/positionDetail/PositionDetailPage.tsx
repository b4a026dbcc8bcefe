import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { Badge, Card, Stat } from '../../components/Card';
import { Modal } from '../../components/Modal';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { Tabs } from '../../components/Tabs';
import { Legend, TimeSeriesChart } from '../../components/TimeSeriesChart';
import { useResolvedTheme } from '../../app/theme';
import { dateTime, money, pct, price, priceAge, qty, trigger } from '../../lib/format';
import { bandNote } from '../../../../shared/format/BandWords';
import { RowMenu } from '../../components/RowMenu';
import { navigate } from '../../app/useRoute';
import { useTradingStore } from '../../stores/tradingStore';
import { PositionDialog } from '../positions/PositionsPage';
import { reasonText } from '../../lib/reasons';
import { usePositionDetailStore } from '../../stores/positionDetailStore';
import { usePositionsStore } from '../../stores/positionsStore';
import { failureText } from '../../stores/client';
import { orderDesk } from '../../stores/orderDeskStore';
import { ConfigForm } from '../positions/ConfigForm';
import { StatusBadge } from '../positions/badges';
import { positionChartSeries } from './chartSeries';
import { Timeline } from './Timeline';

type Tab = 'timeline' | 'orders' | 'trades' | 'settings';
type PositionDialogKind = 'cash' | 'anchor' | 'rebalance' | 'close' | 'delete' | 'ticket' | 'evaluate';
const DIALOG_TITLES: Record<PositionDialogKind, string> = {
  cash: 'Cash',
  anchor: 'Set the anchor',
  rebalance: 'Rebalance to target',
  close: 'Close',
  delete: 'Delete',
  ticket: 'Order ticket',
  evaluate: 'Evaluate now',
};
const TABS = [
  { id: 'timeline', label: 'Evaluation timeline' },
  { id: 'orders', label: 'Orders' },
  { id: 'trades', label: 'Trades' },
  { id: 'settings', label: 'Settings' },
] as const;

export function PositionDetailPage({ positionId }: { positionId: string }) {
  const position = usePositionDetailStore((s) => s.position);
  const chart = usePositionDetailStore((s) => s.chart);
  const orders = usePositionDetailStore((s) => s.orders);
  const trades = usePositionDetailStore((s) => s.trades);
  const error = usePositionDetailStore((s) => s.error);
  const listed = usePositionsStore((s) => s.positions.find((p) => p.id === positionId));
  const theme = useResolvedTheme();
  const [tab, setTab] = useState<Tab>('timeline');
  const [dialog, setDialog] = useState<PositionDialogKind | null>(null);
  const clockNow = useTradingStore((s) => s.status?.clockNow ?? null);

  useEffect(() => {
    void usePositionDetailStore.getState().open(positionId);
    return () => usePositionDetailStore.getState().close();
  }, [positionId]);

  // An action on the Positions list (or a push) updates the list first: follow it.
  const current = listed && (!position || listed.updatedAt >= position.updatedAt) ? listed : position;
  const lines = useMemo(() => (chart ? positionChartSeries(chart) : null), [chart]);

  if (error && !current) {
    return (
      <div className="page">
        <a href="#/positions">← Positions</a>
        <ErrorBanner message={error} onRetry={() => void usePositionDetailStore.getState().refresh()} />
      </div>
    );
  }
  if (!current) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }

  const age = priceAge(current.lastPriceAt, current.lastPriceLive, clockNow);
  const note = bandNote({
    stockPct: current.stockPct,
    minStockPct: current.effectiveConfig.guardrails.minStockPct,
    maxStockPct: current.effectiveConfig.guardrails.maxStockPct,
    lastPrice: current.lastPrice,
    triggers: current.triggers,
    initialStockPct: current.effectiveConfig.execution.initialStockPct,
  });

  const toggle = () =>
    void (
      current.status === 'PAUSED'
        ? usePositionsStore.getState().resume(current.id)
        : usePositionsStore.getState().pause(current.id)
    ).then(() => usePositionDetailStore.getState().refresh());

  return (
    <div className="page">
      <div className="page-header">
        <a href="#/positions">← Positions</a>
        <h1>{current.symbol}</h1>
        <StatusBadge status={current.status} />
        <span className="spacer" />
        {current.status !== 'CLOSED' && (
          <Button onClick={toggle}>{current.status === 'PAUSED' ? 'Resume' : 'Pause'}</Button>
        )}
        {current.status !== 'CLOSED' && <Button onClick={() => setDialog('ticket')}>Order ticket…</Button>}
        <Button onClick={() => setDialog('cash')}>Cash…</Button>
        {current.status !== 'CLOSED' && <Button onClick={() => setDialog('anchor')}>Set anchor…</Button>}
        {current.status !== 'CLOSED' && (
          <RowMenu
            label={`More actions for ${current.symbol}`}
            small={false}
            items={[
              { label: 'Rebalance to target…', onSelect: () => setDialog('rebalance') },
              {
                label: 'Evaluate now',
                onSelect: () => setDialog('evaluate'),
                hidden: current.status !== 'ACTIVE',
              },
              { label: 'Close…', onSelect: () => setDialog('close'), danger: true },
              {
                label: 'Delete…',
                onSelect: () => setDialog('delete'),
                hidden: current.anchor !== null || current.totalCommissionPaidCents !== 0,
                danger: true,
              },
            ]}
          />
        )}
      </div>
      {error && <ErrorBanner message={error} />}
      <div className="grid cols-4">
        <Stat
          label="Value"
          value={money(current.valueCents)}
          sub={`${qty(current.qty)} shares at ${price(current.lastPrice)}${age ? ` · ${age}` : ''}`}
        />
        <Stat
          label="Cash"
          value={money(current.cashCents)}
          sub={current.receivableCents > 0 ? `+ ${money(current.receivableCents)} receivable` : undefined}
        />
        <Stat
          label="Stock share"
          value={pct(current.stockPct, 1)}
          sub={`band ${pct(current.effectiveConfig.guardrails.minStockPct, 0)}–${pct(current.effectiveConfig.guardrails.maxStockPct, 0)}`}
        />
        <Stat
          label="Anchor"
          value={price(current.anchor)}
          sub={
            current.triggers
              ? `buy ≤ ${trigger(current.triggers.buyBelow, 'buy')} · sell ≥ ${trigger(current.triggers.sellAbove, 'sell')}`
              : 'set by the first evaluation'
          }
        />
      </div>
      {note && current.status !== 'CLOSED' && (
        <div className="note warn row" data-testid="band-note">
          <span>{note}</span>
          <span className="spacer" />
          <Button small onClick={() => setDialog('rebalance')}>
            Rebalance to target now…
          </Button>
        </div>
      )}
      <Card
        title="Price, anchor and trigger band"
        actions={
          chart?.truncated ? (
            <Badge tone="info">latest {chart.points.length.toLocaleString('en-US')} evaluations</Badge>
          ) : undefined
        }
      >
        {!lines ? (
          <Loading />
        ) : lines.series[3]?.data.length === 0 ? (
          <Empty title="No prices yet">
            The chart draws the evaluated prices once the live loop has run.
          </Empty>
        ) : (
          <>
            <TimeSeriesChart
              series={lines.series}
              markers={lines.markers}
              theme={theme}
              label={`${current.symbol} price with anchor, trigger band and fills`}
            />
            <Legend series={lines.series} />
          </>
        )}
      </Card>
      <Card>
        <Tabs tabs={TABS} value={tab} onChange={setTab} label="Position details" />
        {tab === 'timeline' && <Timeline positionId={current.id} />}
        {tab === 'orders' && <OrdersTable orders={orders} positionId={current.id} />}
        {tab === 'trades' && <TradesTable trades={trades} />}
        {tab === 'settings' &&
          (current.status === 'CLOSED' ? (
            <Empty title="Closed positions keep their settings" />
          ) : (
            <ConfigForm position={current} />
          ))}
      </Card>
      {(Object.keys(DIALOG_TITLES) as PositionDialogKind[]).map((kind) => (
        <Modal
          key={kind}
          title={`${DIALOG_TITLES[kind]} — ${current.symbol}`}
          open={dialog === kind}
          onClose={() => setDialog(null)}
        >
          {dialog === kind && (
            <PositionDialog
              kind={kind}
              position={current}
              onDone={() => {
                setDialog(null);
                // A deleted position has no page any more.
                if (
                  kind === 'delete' &&
                  !usePositionsStore.getState().positions.some((p) => p.id === current.id)
                )
                  navigate('#/positions');
                else void usePositionDetailStore.getState().refresh();
              }}
            />
          )}
        </Modal>
      ))}
    </div>
  );
}

function OrdersTable({
  orders,
  positionId,
}: {
  orders: ReturnType<typeof usePositionDetailStore.getState>['orders'];
  positionId: string;
}) {
  // Cancel of an open order (issue 15, ADR 0062): its answer, or why it was refused, above the table.
  const [cancelNote, setCancelNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const cancel = async (orderId: string) => {
    setCancelling(orderId);
    const r = await orderDesk.cancel(orderId, positionId);
    setCancelling(null);
    setCancelNote(r.ok ? { ok: true, text: r.value.message } : { ok: false, text: failureText(r) });
  };
  if (orders === null) return <Loading />;
  if (orders.length === 0)
    return (
      <Empty title="No orders yet">
        Orders appear when a trigger fires and the guardrails allow a trade.
      </Empty>
    );
  return (
    <div className="table-wrap">
      {cancelNote && (
        <p className={`banner ${cancelNote.ok ? 'ok' : 'error'}`} role={cancelNote.ok ? 'status' : 'alert'}>
          {cancelNote.text}
        </p>
      )}
      <table className="table" aria-label="Orders">
        <thead>
          <tr>
            <th>Created</th>
            <th>Side</th>
            <th className="num">Qty</th>
            <th className="num">Price</th>
            <th>Status</th>
            <th className="num">Filled</th>
            <th>Reasons</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td className="mono">{dateTime(o.createdAt)}</td>
              <td className={o.side === 'BUY' ? 'buy' : 'sell'}>{o.side}</td>
              <td className="num">{qty(o.qty)}</td>
              <td className="num">{price(o.price)}</td>
              <td>
                <Badge
                  tone={
                    o.status === 'FILLED'
                      ? 'ok'
                      : o.status === 'REJECTED' || o.status === 'CANCELLED'
                        ? 'danger'
                        : 'info'
                  }
                >
                  {o.status.toLowerCase()}
                </Badge>
              </td>
              <td className="num">{qty(o.filledQty)}</td>
              <td className="small">{o.reasons.map(reasonText).join('; ') || '—'}</td>
              <td>
                {(o.status === 'NEW' || o.status === 'SUBMITTED') && (
                  <Button small variant="danger" busy={cancelling === o.id} onClick={() => void cancel(o.id)}>
                    Cancel order
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TradesTable({ trades }: { trades: ReturnType<typeof usePositionDetailStore.getState>['trades'] }) {
  if (trades === null) return <Loading />;
  if (trades.length === 0)
    return <Empty title="No trades yet">Fills of this position’s orders appear here.</Empty>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Trades">
        <thead>
          <tr>
            <th>Executed</th>
            <th>Side</th>
            <th className="num">Qty</th>
            <th className="num">Price</th>
            <th className="num">Notional</th>
            <th className="num">Commission</th>
            <th>Broker ref</th>
          </tr>
        </thead>
        <tbody>
          {trades.map((t) => (
            <tr key={t.id}>
              <td className="mono">{dateTime(t.executedAt)}</td>
              <td className={t.side === 'BUY' ? 'buy' : 'sell'}>{t.side}</td>
              <td className="num">{qty(t.qty)}</td>
              <td className="num">{price(t.price)}</td>
              <td className="num">{money(t.notionalCents)}</td>
              <td className="num">{money(t.commissionCents)}</td>
              <td className="mono small">{t.brokerRef}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
