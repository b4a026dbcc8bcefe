import { useState, type FormEvent } from 'react';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { price } from '../../lib/format';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { usePositionsStore } from '../../stores/positionsStore';

/** Setting the anchor by hand is recorded with who and why (SPEC 2.6). */
export function AnchorForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [anchor, setAnchor] = useState(position.anchor === null ? '' : String(position.anchor));
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = usePositionsStore((s) => s.busy[position.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const value = parseNumber(anchor, 'Anchor', found, 'anchor');
    if (why.trim() === '') found.why = 'Say why the anchor is set by hand';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || value === undefined) return;
    const r = await usePositionsStore.getState().setAnchor(position.id, value, why.trim());
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
        error={errors.anchor}
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
      {formError && (
        <p className="banner error wide" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={busy !== undefined}>
          Set anchor
        </Button>
      </div>
    </form>
  );
}
