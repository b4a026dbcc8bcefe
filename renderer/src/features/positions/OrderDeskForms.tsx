import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import type { OrderTicketPreviewDto, PositionEvaluatedDto } from '../../../../shared/ipc/dto/orderDesk';
import { Button } from '../../components/Button';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { money, pct, price, qty } from '../../lib/format';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { failureText } from '../../stores/client';
import { orderDesk } from '../../stores/orderDeskStore';

/**
 * The manual order ticket (issue 15, ADR 0061): buy or sell N shares at market through the normal order
 * path. While the investor types, main previews it at the last known price — cost, commission, cash and
 * stock share after — and refuses a quantity in the investor's units (whole shares, cash, shares held,
 * the minimum order); the order itself takes the live price and is refused while the market is closed.
 */
export function OrderTicketForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [side, setSide] = useState<'BUY' | 'SELL'>('BUY');
  const [shares, setShares] = useState('');
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<OrderTicketPreviewDto | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const found: FieldErrors = {};
    if (shares.trim() === '') {
      setPreview(null);
      setErrors({});
      return;
    }
    const value = parseNumber(shares, 'Shares to trade', found, 'qty');
    if (value === undefined) {
      setPreview(null);
      setErrors(found);
      return;
    }
    const timer = setTimeout(() => {
      void orderDesk.preview(position.id, side, value).then((r) => {
        setPreview(r.ok ? r.value : null);
        if (r.ok) setErrors({});
        else {
          const fieldErrors = issuesToErrors(r.issues ?? []);
          setErrors(fieldErrors.qty ? fieldErrors : { qty: failureText(r) });
        }
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [shares, side, position.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const value = parseNumber(shares, 'Shares to trade', found, 'qty');
    setErrors(found);
    setFormError(null);
    if (value === undefined) return;
    setBusy(true);
    const r = await orderDesk.place(position.id, side, value, why);
    setBusy(false);
    if (r.ok) return setPlaced(r.value.message);
    const fieldErrors = issuesToErrors(r.issues ?? []);
    setErrors(fieldErrors);
    if (!fieldErrors.qty) setFormError(failureText(r));
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Order ticket for ${position.symbol}`}
    >
      <fieldset className="wide">
        <legend>Side</legend>
        <div className="row">
          <label className="checkbox">
            <input type="radio" name="side" checked={side === 'BUY'} onChange={() => setSide('BUY')} /> Buy
          </label>
          <label className="checkbox">
            <input type="radio" name="side" checked={side === 'SELL'} onChange={() => setSide('SELL')} /> Sell
          </label>
        </div>
      </fieldset>
      <Field
        label="Shares to trade"
        error={errors.qty}
        hint={`held ${qty(position.qty)} · cash ${money(position.cashCents)}`}
      >
        <input
          value={shares}
          onChange={(e) => setShares(e.target.value)}
          inputMode="decimal"
          autoFocus
          disabled={placed !== null}
        />
      </Field>
      <Field label="Why (optional)">
        <input
          value={why}
          onChange={(e) => setWhy(e.target.value)}
          maxLength={500}
          disabled={placed !== null}
        />
      </Field>
      {preview && !placed && <TicketPreview preview={preview} />}
      <p className="small muted wide">
        At market: the order takes the live price when placed and is filled by the execution worker like any
        order; the strategy&apos;s trigger and band do not apply to it. Trading is on paper: no real order is
        sent.
      </p>
      <FormFooter
        error={formError}
        done={placed}
        onDone={onDone}
        busy={busy}
        submit={side === 'BUY' ? 'Buy at market' : 'Sell at market'}
      />
    </form>
  );
}

function TicketPreview({ preview }: { preview: OrderTicketPreviewDto }) {
  const cost = preview.side === 'BUY' ? -preview.cashDeltaCents : preview.cashDeltaCents;
  return (
    <div
      className={`wide note${preview.outsideBand ? ' warn' : ''}`}
      aria-live="polite"
      data-testid="ticket-preview"
    >
      <dl className="ticket">
        <dt>Price</dt>
        <dd>
          {price(preview.price)} {preview.priceLive ? '' : '(last known)'}
        </dd>
        <dt>Notional</dt>
        <dd>{money(preview.notionalCents)}</dd>
        <dt>Commission</dt>
        <dd>{money(preview.commissionCents)}</dd>
        <dt>{preview.side === 'BUY' ? 'Cost' : 'Proceeds'}</dt>
        <dd>{money(cost)}</dd>
        <dt>Cash after</dt>
        <dd>{money(preview.cashAfterCents)}</dd>
        <dt>Shares after</dt>
        <dd>{qty(preview.qtyAfter)}</dd>
        <dt>Stock share</dt>
        <dd>
          {pct(preview.stockPctBefore, 1)} → <strong>{pct(preview.stockPctAfter, 1)}</strong> (band{' '}
          {pct(preview.minStockPct, 0)}–{pct(preview.maxStockPct, 0)})
        </dd>
      </dl>
      <div className="small">{preview.summary}</div>
    </div>
  );
}

/**
 * "Evaluate this position now" (ADR 0063): one evaluation of this position as a tick would do it, under
 * its own tick id; the answer says what it decided, in words, and any order it queued.
 */
export function EvaluateNowPanel({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [result, setResult] = useState<PositionEvaluatedDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await orderDesk.evaluate(position.id);
    setBusy(false);
    if (r.ok) setResult(r.value);
    else {
      setResult(null);
      setError(failureText(r));
    }
  };
  // Once when the dialog opens (a ref, not the effect's runs: strict mode runs effects twice);
  // "Evaluate again" runs it again.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run();
  });
  return (
    <div className="form" aria-label={`Evaluate ${position.symbol} now`}>
      <p className="wide">
        Runs {position.symbol} through exactly what a tick does — session, a fresh quote, trigger, sizing,
        guardrails — now, under its own tick id. A trade it allows is queued for the worker like a
        tick&apos;s.
      </p>
      {busy && !result && <p className="wide muted">Evaluating…</p>}
      {result && (
        <div
          className={`wide note${result.action === 'BUY' || result.action === 'SELL' ? ' ok' : ''}`}
          role="status"
          data-testid="evaluate-result"
        >
          <strong>
            {result.action === 'BUY' || result.action === 'SELL' ? 'Decided to trade' : 'Decided'}:
          </strong>{' '}
          {result.words}
          {result.order && (
            <div className="small">
              Order queued: {result.order.side === 'BUY' ? 'buy' : 'sell'} {qty(result.order.qty)} at about{' '}
              {price(result.order.price)}; the worker fills it in a moment.
            </div>
          )}
        </div>
      )}
      {error && (
        <p className="banner error wide" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Close
        </Button>
        <Button variant="primary" busy={busy} onClick={() => void run()}>
          Evaluate again
        </Button>
      </div>
    </div>
  );
}
