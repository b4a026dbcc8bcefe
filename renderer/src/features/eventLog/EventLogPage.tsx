import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EventFilterDto } from '../../../../shared/ipc/dto/events';
import { Button } from '../../components/Button';
import { Badge, Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { VirtualRows } from '../../components/VirtualRows';
import { ExportStatus } from '../../components/ExportStatus';
import { dateTime } from '../../lib/format';
import { issuesToErrors } from '../../lib/formParsing';
import { useEventLogStore } from '../../stores/eventLogStore';
import { useExportsStore } from '../../stores/exportsStore';
import { usePositionsStore } from '../../stores/positionsStore';

type EventType = NonNullable<EventFilterDto['types']>[number];

const GROUPS: Record<string, { label: string; types: EventType[] }> = {
  evaluations: { label: 'Evaluations', types: ['EvaluationEvent'] },
  orders: {
    label: 'Orders and fills',
    types: ['OrderIntentCreated', 'OrderFilled', 'OrderRejected', 'OrderCancelled', 'OrderReEvaluated'],
  },
  money: {
    label: 'Cash and anchors',
    types: ['CashDeposited', 'CashWithdrawn', 'AnchorSet', 'AnchorUpdated', 'AnchorAdjusted'],
  },
  positions: {
    label: 'Position changes',
    types: ['PositionOpened', 'PositionStatusChanged', 'PositionUpdated'],
  },
  corporate: {
    label: 'Dividends and splits',
    types: ['DividendAnnounced', 'DividendAccrued', 'DividendPaid', 'SplitApplied'],
  },
  config: { label: 'Settings changes', types: ['ConfigChanged'] },
  system: { label: 'Ticks and provider errors', types: ['TickCompleted', 'ProviderError'] },
  risk: { label: 'Risk', types: ['RiskExit', 'TradingHalted', 'TradingResumed', 'RiskAlert'] },
};

export function EventLogPage() {
  const items = useEventLogStore((s) => s.items);
  const loading = useEventLogStore((s) => s.loading);
  const error = useEventLogStore((s) => s.error);
  const issues = useEventLogStore((s) => s.issues);
  const nextCursor = useEventLogStore((s) => s.nextCursor);
  const chain = useEventLogStore((s) => s.chain);
  const verifying = useEventLogStore((s) => s.verifying);
  const stale = useEventLogStore((s) => s.stale);
  const collapseClosed = useEventLogStore((s) => s.collapseClosed);
  const exporting = useExportsStore((s) => s.busy);
  const positions = usePositionsStore((s) => s.positions);
  const [group, setGroup] = useState('');
  const [positionId, setPositionId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useEventLogStore.getState().reload();
    void useEventLogStore.getState().verify();
  }, []);

  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    const filter: EventFilterDto = {
      ...(group ? { types: GROUPS[group]?.types ?? [group as EventType] } : {}),
      ...(positionId ? { positionId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(search.trim() ? { search: search.trim() } : {}),
    };
    void useEventLogStore.getState().setFilter(filter);
  };
  const errors = issuesToErrors(issues);

  const virtualizer = useVirtualizer({
    count: items.length + (nextCursor !== null ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => 36,
    overscan: 10,
    getItemKey: (i) => items[i]?.id ?? 'more',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;
  useEffect(() => {
    if (nextCursor !== null && !loading && lastIndex >= items.length - 20)
      void useEventLogStore.getState().loadMore();
  }, [lastIndex, items.length, nextCursor, loading]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Event log</h1>
        <span className="spacer" />
        {chain && (
          <Badge tone={chain.ok ? 'ok' : 'danger'} title={chain.ok ? undefined : chain.detail}>
            {chain.ok
              ? `Hash chain intact (${chain.count.toLocaleString('en-US')} events)`
              : `Hash chain broken at event ${chain.index}`}
          </Badge>
        )}
        <Button busy={verifying} onClick={() => void useEventLogStore.getState().verify()}>
          Verify chain
        </Button>
        <Button
          busy={exporting === 'events.csv'}
          onClick={() => void useEventLogStore.getState().exportAs('csv')}
        >
          Export CSV
        </Button>
        <Button
          busy={exporting === 'events.json'}
          onClick={() => void useEventLogStore.getState().exportAs('json')}
        >
          Export JSON
        </Button>
      </div>
      <ExportStatus />
      <Card>
        <form className="form" onSubmit={apply} noValidate aria-label="Filter events">
          <Field label="Type">
            <select value={group} onChange={(e) => setGroup(e.target.value)}>
              <option value="">All types</option>
              <optgroup label="Groups">
                {Object.entries(GROUPS).map(([key, g]) => (
                  <option key={key} value={key}>
                    {g.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="One type">
                {Object.values(GROUPS)
                  .flatMap((g) => g.types)
                  .map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
              </optgroup>
            </select>
          </Field>
          <Field label="Position">
            <select value={positionId} onChange={(e) => setPositionId(e.target.value)}>
              <option value="">All positions</option>
              {positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.symbol}
                </option>
              ))}
            </select>
          </Field>
          <Field label="From" error={errors.from}>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label="To" error={errors.to}>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Field label="Search" error={errors.search}>
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="symbol, words, ids…"
            />
          </Field>
          <label className="checkbox small wide">
            <input
              type="checkbox"
              checked={collapseClosed}
              onChange={(e) => void useEventLogStore.getState().setCollapseClosed(e.target.checked)}
            />{' '}
            One row per closed market period (its HOLDs and ticks)
          </label>
          <div className="form-actions">
            <Button
              variant="ghost"
              onClick={() => {
                setGroup('');
                setPositionId('');
                setFrom('');
                setTo('');
                setSearch('');
                void useEventLogStore.getState().setFilter({});
              }}
            >
              Clear
            </Button>
            <Button type="submit" variant="primary">
              Apply filters
            </Button>
          </div>
        </form>
      </Card>
      {error && <ErrorBanner message={error} />}
      {stale && (
        <div className="banner row">
          <span style={{ flex: 1 }}>New events were recorded.</span>
          <Button small onClick={() => void useEventLogStore.getState().reload()}>
            Refresh
          </Button>
        </div>
      )}
      <Card>
        {items.length === 0 && loading ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty title="No events match">Change the filters, or clear them to see everything.</Empty>
        ) : (
          <div ref={scroller} className="vlist" data-testid="event-list">
            <VirtualRows
              virtualizer={virtualizer}
              items={items}
              label="Events, newest first"
              row={(e) => (
                <>
                  <button
                    type="button"
                    className="vrow-head event-row"
                    aria-expanded={open[e.id] === true}
                    onClick={() => setOpen({ ...open, [e.id]: !open[e.id] })}
                  >
                    <span className="mono">{dateTime(e.ts)}</span>
                    <span className="mono">{e.collapsed ? 'Market closed' : e.type}</span>
                    <strong>{e.symbol ?? ''}</strong>
                    <span className="summary">{e.summary}</span>
                  </button>
                  {open[e.id] && (
                    <div className="vrow-detail">
                      <dl>
                        <dt>Event id</dt>
                        <dd className="mono">{e.id}</dd>
                        <dt>Correlation</dt>
                        <dd className="mono">{e.correlationId}</dd>
                        <dt>Recorded</dt>
                        <dd>{dateTime(e.recordedAt)}</dd>
                        <dt>Hash</dt>
                        <dd className="mono">{e.hash}</dd>
                      </dl>
                      <pre className="mono" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {JSON.stringify(e.payload, null, 2)}
                      </pre>
                    </div>
                  )}
                </>
              )}
              pending={<Loading label="Loading older events…" />}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
