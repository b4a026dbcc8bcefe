import { useState, type FormEvent } from 'react';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import { money } from '../../lib/format';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { usePositionsStore } from '../../stores/positionsStore';

export function CashForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const [kind, setKind] = useState<'deposit' | 'withdraw'>('deposit');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = usePositionsStore((s) => s.busy[position.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const value = parseNumber(amount, 'Amount', found, 'amount');
    setErrors(found);
    setFormError(null);
    if (value === undefined) return;
    const store = usePositionsStore.getState();
    const r =
      kind === 'deposit' ? await store.deposit(position.id, value) : await store.withdraw(position.id, value);
    if (r.ok) return onDone();
    const fieldErrors = issuesToErrors(r.issues);
    setErrors(fieldErrors);
    if (!fieldErrors.amount) setFormError(r.message);
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Cash of ${position.symbol}`}
    >
      <fieldset className="wide">
        <legend>Movement</legend>
        <div className="row">
          <label className="checkbox">
            <input
              type="radio"
              name="kind"
              checked={kind === 'deposit'}
              onChange={() => setKind('deposit')}
            />{' '}
            Deposit
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="kind"
              checked={kind === 'withdraw'}
              onChange={() => setKind('withdraw')}
            />{' '}
            Withdraw
          </label>
        </div>
      </fieldset>
      <Field label="Amount ($)" error={errors.amount} hint={`cash now ${money(position.cashCents)}`}>
        <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" autoFocus />
      </Field>
      <FormFooter
        error={formError}
        onDone={onDone}
        busy={busy !== undefined}
        submit={kind === 'deposit' ? 'Deposit' : 'Withdraw'}
      />
    </form>
  );
}
