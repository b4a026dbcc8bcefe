import { useState, type FormEvent } from 'react';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { money, pct, price, qty } from '../../lib/format';
import { usePositionsStore } from '../../stores/positionsStore';

/**
 * Closing a position (issue 15): sell every share first (an order the worker fills; the position is
 * paused meanwhile and closed when the sale fills), or close at once keeping the shares on record.
 * Closed positions leave the lists unless "show closed" is on.
 */
export function ClosePositionForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const hasShares = position.qty > 0;
  const [sellOut, setSellOut] = useState(hasShares);
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const busy = usePositionsStore((s) => s.busy[position.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const r = await usePositionsStore.getState().close(position.id, why.trim(), sellOut && hasShares);
    if (r.ok) return onDone();
    setError(r.issues[0]?.message ?? r.message);
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Close ${position.symbol}`}
    >
      {hasShares ? (
        <fieldset className="wide">
          <legend>The {qty(position.qty)} shares held</legend>
          <label className="checkbox">
            <input type="radio" name="sellOut" checked={sellOut} onChange={() => setSellOut(true)} /> Sell
            every share at market, then close (about{' '}
            {money(Math.round(position.qty * (position.lastPrice ?? 0) * 100))} at {price(position.lastPrice)}
            ; paused until the sale fills)
          </label>
          <label className="checkbox">
            <input type="radio" name="sellOut" checked={!sellOut} onChange={() => setSellOut(false)} /> Close
            now without selling: the shares stay on record, nothing trades
          </label>
        </fieldset>
      ) : (
        <p className="wide">
          {position.symbol} holds no shares: it closes at once, with its {money(position.cashCents)} cash on
          record.
        </p>
      )}
      <Field label="Why (optional)" className="wide">
        <input value={why} onChange={(e) => setWhy(e.target.value)} maxLength={500} />
      </Field>
      <p className="small muted wide">
        A closed position no longer trades and is hidden from the lists (show it with “Show closed”). Its
        history stays in the event log. Trading is on paper: no real order is sent.
      </p>
      <FormFooter
        error={error}
        onDone={onDone}
        busy={busy !== undefined}
        variant="danger"
        submit={sellOut && hasShares ? 'Sell all and close' : 'Close position'}
      />
    </form>
  );
}

/** Deleting a position that never traded: it leaves every list; its events stay in the log. */
export function DeletePositionForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await usePositionsStore.getState().remove(position.id, '');
    setBusy(false);
    if (r.ok) return onDone();
    setError(r.message);
  };
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Delete ${position.symbol}`}
    >
      <p className="wide">
        Delete {position.symbol}? Only a position that never traded can be deleted. Its{' '}
        {money(position.cashCents)} cash{position.qty > 0 ? ` and ${qty(position.qty)} shares` : ''} are no
        longer set aside; its events stay in the event log.
      </p>
      <FormFooter error={error} onDone={onDone} busy={busy} variant="danger" submit="Delete position" />
    </form>
  );
}

/** Rebalance to the target stock share now: one order at market, through the normal order path. */
export function RebalanceForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = usePositionsStore((s) => s.busy[position.id]);
  const config = position.effectiveConfig;
  const target =
    config.sizing.strategy === 'target_allocation'
      ? config.sizing.targetStockPct
      : config.execution.initialStockPct;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const r = await usePositionsStore.getState().rebalance(position.id);
    if (!r.ok) return setError(r.message);
    setDone(
      r.order
        ? `Order queued: ${r.order.side === 'BUY' ? 'buy' : 'sell'} ${qty(r.order.qty)} ${position.symbol} at about ${price(r.order.price)}. The worker fills it in a moment; the anchor then moves to the fill price.`
        : 'Nothing to trade.',
    );
  };
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Rebalance ${position.symbol}`}
    >
      <p className="wide">
        {position.symbol} is at {pct(position.stockPct, 1)} stock. Rebalancing buys or sells at market what
        brings it to its target of {pct(target, 0)}, sized and checked like its first allocation (whole
        shares, cash, minimum order). Trading is on paper: no real order is sent.
      </p>
      <FormFooter
        error={error}
        done={done}
        onDone={onDone}
        busy={busy !== undefined}
        submit={`Rebalance to ${pct(target, 0)} now`}
      />
    </form>
  );
}
