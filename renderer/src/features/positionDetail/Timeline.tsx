import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { EvaluationRowDto } from '../../../../shared/ipc/dto/events';
import { Button } from '../../components/Button';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { VirtualRows } from '../../components/VirtualRows';
import { dateTime, pct, price, qty, signedMoney, signedQty, trigger } from '../../lib/format';
import { reasonText } from '../../lib/reasons';
import { evaluationWhy } from '../../../../shared/format/EvaluationWords';
import { formatCount } from '../../../../shared/format/Format';
import { useTimelineStore } from '../../stores/timelineStore';
import { ActionBadge } from '../positions/badges';

const ROW = 36;

/**
 * The evaluation timeline: a virtualised list (only the rows on screen exist in the DOM) fed page by
 * page from the server as the user scrolls. Each row expands to every reason in words.
 */
export function Timeline({ positionId }: { positionId: string }) {
  const items = useTimelineStore((s) => s.items);
  const nextCursor = useTimelineStore((s) => s.nextCursor);
  const loading = useTimelineStore((s) => s.loading);
  const error = useTimelineStore((s) => s.error);
  const expanded = useTimelineStore((s) => s.expanded);
  const pending = useTimelineStore((s) => s.pending);
  const filter = useTimelineStore((s) => s.filter);
  const current = useTimelineStore((s) => s.positionId);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useTimelineStore.getState().open(positionId);
  }, [positionId]);

  const count = items.length + (nextCursor !== null ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
    getItemKey: (i) => items[i]?.id ?? 'more',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (nextCursor !== null && !loading && lastIndex >= items.length - 30)
      void useTimelineStore.getState().loadMore();
  }, [lastIndex, items.length, nextCursor, loading]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target =
      e.key === 'ArrowDown'
        ? index + 1
        : e.key === 'ArrowUp'
          ? index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? items.length - 1
              : null;
    if (target === null || target < 0 || target >= items.length) return;
    e.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${target}"] .vrow-head`)?.focus(),
    );
  };

  return (
    <div className="stack">
      <div className="row">
        <label className="row small">
          <span className="muted">Show</span>
          <select
            className="input"
            style={{ width: 'auto' }}
            value={filter}
            onChange={(e) =>
              void useTimelineStore.getState().open(positionId, e.target.value as 'all' | 'trades')
            }
          >
            <option value="all">every evaluation</option>
            <option value="trades">buys and sells only</option>
          </select>
        </label>
        <span className="small muted" data-testid="timeline-count">
          {items.length.toLocaleString('en-US')} loaded{nextCursor !== null ? ', more on scroll' : ''}
        </span>
        {pending.length > 0 && (
          <Button small variant="primary" onClick={() => useTimelineStore.getState().showPending()}>
            {pending.length} new — show
          </Button>
        )}
      </div>
      {error && (
        <ErrorBanner
          message={error}
          onRetry={() => void useTimelineStore.getState().open(positionId, filter)}
        />
      )}
      {current === positionId && !loading && items.length === 0 && !error ? (
        <Empty title="No evaluations yet">
          The live loop evaluates every position on every tick, HOLD included; they appear here as they
          happen.
        </Empty>
      ) : items.length === 0 && loading ? (
        <Loading label="Loading the timeline…" />
      ) : (
        <div
          ref={scroller}
          className="vlist"
          data-testid="timeline"
          onScroll={(e) => {
            // While a row has keyboard focus, arriving rows wait ("N new") so the focused row stays put.
            const atTop = e.currentTarget.scrollTop < 4 && !e.currentTarget.contains(document.activeElement);
            if (atTop !== useTimelineStore.getState().atTop) useTimelineStore.getState().setAtTop(atTop);
          }}
          onFocus={() => useTimelineStore.getState().setAtTop(false)}
          onBlur={(e) => {
            if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
            useTimelineStore.getState().setAtTop(e.currentTarget.scrollTop < 4);
          }}
        >
          <VirtualRows
            virtualizer={virtualizer}
            items={items}
            label="Evaluations, newest first"
            row={(row, index) => (
              <TimelineRow
                row={row}
                open={expanded[row.id] === true}
                onKeyDown={(e) => onKeyDown(e, index)}
              />
            )}
            pending={<Loading label="Loading older evaluations…" />}
          />
        </div>
      )}
    </div>
  );
}

function TimelineRow({
  row,
  open,
  onKeyDown,
}: {
  row: EvaluationRowDto;
  open: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const e = row.evaluation;
  const closed = row.collapsed ?? null;
  return (
    <>
      <button
        type="button"
        className={`vrow-head${closed ? ' closed-run' : ''}`}
        aria-expanded={open}
        onClick={() => useTimelineStore.getState().toggle(row.id)}
        onKeyDown={onKeyDown}
      >
        <span className="mono">{dateTime(row.ts)}</span>
        <ActionBadge action={e.action} />
        <span className="num">{price(e.priceEffective)}</span>
        <span className="num">{e.finalQty > 0 ? qty(e.finalQty) : ''}</span>
        <span className="reasons">
          {closed
            ? `Market closed since ${dateTime(closed.fromTs)}: ${formatCount(closed.count)} evaluations held, nothing could trade`
            : evaluationWhy(e).join(' · ')}
        </span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && <EvaluationDetail row={row} />}
    </>
  );
}

function EvaluationDetail({ row }: { row: EvaluationRowDto }) {
  const e = row.evaluation;
  const t = e.trigger;
  return (
    <div className="vrow-detail" data-testid="evaluation-detail">
      <dl>
        <dt>Session</dt>
        <dd>{e.session}</dd>
        <dt>Price</dt>
        <dd>
          {price(e.priceEffective)} by {e.pricePolicy}
          {e.priceSource ? ` (${e.priceSource})` : ''}
          {e.priceFallback ? ` — fell back: ${e.priceFallback}` : ''}
        </dd>
        <dt>Quote</dt>
        <dd>
          {e.quote
            ? `bid ${price(e.quote.bid)} · ask ${price(e.quote.ask)} · last ${price(e.quote.last)} · at ${dateTime(e.quote.ts)}`
            : 'none'}
        </dd>
        <dt>Trigger</dt>
        <dd>
          {t
            ? `${t.kind}: anchor ${price(t.anchor)}, buy ≤ ${trigger(t.buyBelow, 'buy')} (${pct(t.distanceToBuy)} away), sell ≥ ${trigger(t.sellAbove, 'sell')} (${pct(t.distanceToSell)} away)`
            : 'not evaluated'}
        </dd>
        <dt>Quantity</dt>
        <dd>
          sized {e.rawQty === null ? '—' : qty(e.rawQty)} → {qty(e.finalQty)} after the guardrails
        </dd>
        {e.deltas && (
          <>
            <dt>Expected change</dt>
            <dd>
              {signedQty(e.deltas.qty)} shares, {signedMoney(e.deltas.cashCents)} cash
            </dd>
          </>
        )}
        {e.orderId && (
          <>
            <dt>Order</dt>
            <dd className="mono">{e.orderId}</dd>
          </>
        )}
        <dt>Tick</dt>
        <dd className="mono">{row.tickId}</dd>
        {e.detail && (
          <>
            <dt>Detail</dt>
            <dd>{e.detail}</dd>
          </>
        )}
      </dl>
      <strong>Reasons</strong>
      <ul>
        {e.reasons.length === 0 && <li className="muted">none</li>}
        {e.reasons.map((r) => (
          <li key={r}>
            {reasonText(r)} <span className="mono muted">({r})</span>
          </li>
        ))}
      </ul>
      {e.steps.length > 0 && (
        <>
          <strong>Guardrail steps</strong>
          <ul>
            {e.steps.map((s, i) => (
              <li key={i}>
                {reasonText(s.reason)}: {qty(s.before)} → {qty(s.after)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
