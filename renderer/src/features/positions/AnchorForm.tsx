import { useEffect, useState, type FormEvent } from 'react';
import type { AnchorPreviewDto } from '../../../../shared/ipc/dto/inputs';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { price, trigger } from '../../lib/format';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { usePositionsStore } from '../../stores/positionsStore';

/**
 * Setting the anchor by hand is recorded with who and why (SPEC 2.6). While the user types, main checks
 * it against the last price and says what it would trade at that price (issue 15); an anchor more than
 * 50 % away is set only after the user confirms, having seen that preview.
 */
export function AnchorForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [anchor, setAnchor] = useState(
    position.anchor === null ? '' : price(position.anchor).replace(/[$,]/g, ''),
  );
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<AnchorPreviewDto | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const busy = usePositionsStore((s) => s.busy[position.id]);

  useEffect(() => {
    const found: FieldErrors = {};
    const value = parseNumber(anchor, 'Anchor', found, 'anchor');
    setConfirmed(false);
    if (value === undefined) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      void usePositionsStore
        .getState()
        .previewAnchor(position.id, value)
        .then((r) => {
          setPreview(r.ok ? r.value : null);
          if (!r.ok) setErrors(issuesToErrors(r.issues));
          else setErrors((e) => ({ ...e, anchor: '' }));
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [anchor, position.id]);

  const far = preview?.needsConfirmation === true;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const value = parseNumber(anchor, 'Anchor', found, 'anchor');
    if (why.trim() === '') found.why = 'Say why the anchor is set by hand';
    if (far && !confirmed) found.confirm = 'Tick the box once you have read what this anchor would do';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || value === undefined) return;
    const r = await usePositionsStore.getState().setAnchor(position.id, value, why.trim(), confirmed);
    if (r.ok) return onDone();
    const fieldErrors = issuesToErrors(r.issues);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setFormError(r.message);
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Anchor of ${position.symbol}`}
    >
      <Field
        label="Anchor price"
        error={errors.anchor || undefined}
        hint={`now ${price(position.anchor)}, last price ${price(position.lastPrice)}`}
      >
        <input value={anchor} onChange={(e) => setAnchor(e.target.value)} inputMode="decimal" autoFocus />
      </Field>
      <Field label="Why" error={errors.why} className="wide">
        <input
          value={why}
          onChange={(e) => setWhy(e.target.value)}
          maxLength={500}
          placeholder="e.g. re-anchor after the earnings gap"
        />
      </Field>
      {preview && (
        <div className={`wide note${far ? ' warn' : ''}`} aria-live="polite" data-testid="anchor-preview">
          {far && <strong>Far from the last price. </strong>}
          {preview.message}
          {preview.triggers && (
            <div className="small">
              Buys at or below <span className="buy">{trigger(preview.triggers.buyBelow, 'buy')}</span>, sells
              at or above <span className="sell">{trigger(preview.triggers.sellAbove, 'sell')}</span>.
            </div>
          )}
        </div>
      )}
      {far && (
        <div className="wide">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              aria-describedby="anchor-confirm-error"
            />{' '}
            I have read what this anchor would do: set it anyway
          </label>
          {errors.confirm && (
            <span id="anchor-confirm-error" className="field-error" role="alert">
              {errors.confirm}
            </span>
          )}
        </div>
      )}
      <FormFooter
        error={formError}
        onDone={onDone}
        busy={busy !== undefined}
        variant={far ? 'danger' : 'primary'}
        submit={far ? 'Set this anchor anyway' : 'Set anchor'}
      />
    </form>
  );
}
