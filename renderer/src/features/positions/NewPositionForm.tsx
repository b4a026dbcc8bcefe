import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { issuesToErrors, parseNumber, parseOptionalNumber, type FieldErrors } from '../../lib/formParsing';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { usePositionsStore } from '../../stores/positionsStore';

/** Opens a position: symbol, cash set aside, shares already held, and the first evaluation's target. */
export function NewPositionForm({ onDone }: { onDone: () => void }) {
  const portfolios = usePortfolioStore((s) => s.portfolios);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const [portfolioId, setPortfolioId] = useState(selectedId ?? portfolios[0]?.id ?? '');
  const [symbol, setSymbol] = useState('');
  const [cash, setCash] = useState('');
  const [shares, setShares] = useState('');
  const [target, setTarget] = useState('50');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (symbol.trim() === '') found.symbol = 'Symbol is required, e.g. AAPL';
    const initialCash = parseNumber(cash, 'Initial cash', found, 'initialCash');
    const existingShares = parseOptionalNumber(shares, 'Shares held', found, 'existingShares');
    const pctValue = parseOptionalNumber(target, 'Initial stock share', found, 'initialStockPct');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || initialCash === undefined) return;
    setSaving(true);
    const r = await usePositionsStore.getState().create({
      portfolioId,
      symbol: symbol.trim(),
      initialCash,
      ...(existingShares !== undefined ? { existingShares } : {}),
      ...(pctValue !== undefined ? { initialStockPct: Math.round(pctValue * 1e6) / 1e8 } : {}),
    });
    setSaving(false);
    if (r.ok) {
      void usePortfolioStore.getState().load();
      return onDone();
    }
    const fieldErrors = issuesToErrors(r.issues);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length === 0) setFormError(r.message);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New position">
      {portfolios.length > 1 && (
        <Field label="Portfolio" className="wide">
          <select value={portfolioId} onChange={(e) => setPortfolioId(e.target.value)}>
            {portfolios.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Symbol" error={errors.symbol}>
        <input
          value={symbol}
          onChange={(e) => setSymbol(e.target.value.toUpperCase())}
          placeholder="AAPL"
          autoFocus
          autoComplete="off"
        />
      </Field>
      <Field label="Initial cash ($)" error={errors.initialCash}>
        <input
          value={cash}
          onChange={(e) => setCash(e.target.value)}
          inputMode="decimal"
          placeholder="25000"
        />
      </Field>
      <Field label="Shares already held" error={errors.existingShares} hint="optional">
        <input
          value={shares}
          onChange={(e) => setShares(e.target.value)}
          inputMode="decimal"
          placeholder="0"
        />
      </Field>
      <Field
        label="Initial stock share (%)"
        error={errors.initialStockPct}
        hint="first evaluation buys or sells to reach it"
      >
        <input value={target} onChange={(e) => setTarget(e.target.value)} inputMode="decimal" />
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
        <Button type="submit" variant="primary" busy={saving}>
          Create position
        </Button>
      </div>
    </form>
  );
}
