import { useEffect, useState, type FormEvent } from 'react';
import type { NewPositionPreviewDto } from '../../../../shared/ipc/dto/inputs';
import { FormFooter } from '../../components/FormFooter';
import { Field } from '../../components/Field';
import {
  issuesToErrors,
  parseNumber,
  parseOptionalNumber,
  parsePercent,
  type FieldErrors,
} from '../../lib/formParsing';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { usePositionsStore, type NewPosition } from '../../stores/positionsStore';

/**
 * Opens a position: symbol, cash set aside, shares already held, and the first evaluation's target. While
 * the user types, main checks the symbol and says what the first evaluation would buy at today's price
 * and when (issue 15): a typo in the cash shows as a surprising number of shares before anything is saved.
 */
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
  const [preview, setPreview] = useState<NewPositionPreviewDto | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  /** A field's message goes once the field changes: it spoke of the old value. */
  const edited = (key: string) => setErrors(({ [key]: _old, ...rest }) => rest);

  /** The form's values as the contract takes them, or the fields' errors. */
  const read = (): { input: NewPosition | null; found: FieldErrors } => {
    const found: FieldErrors = {};
    if (symbol.trim() === '') found.symbol = 'Symbol is required, e.g. AAPL';
    const initialCash = parseNumber(cash, 'Initial cash', found, 'initialCash');
    const existingShares = parseOptionalNumber(shares, 'Shares held', found, 'existingShares');
    const stockPct =
      target.trim() === ''
        ? undefined
        : parsePercent(target, 'Initial stock share', found, 'initialStockPct');
    if (Object.keys(found).length > 0 || initialCash === undefined) return { input: null, found };
    return {
      input: {
        portfolioId,
        symbol: symbol.trim(),
        initialCash,
        ...(existingShares !== undefined ? { existingShares } : {}),
        ...(stockPct !== undefined ? { initialStockPct: stockPct } : {}),
      },
      found,
    };
  };

  useEffect(() => {
    const { input } = read();
    if (input === null) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    const timer = setTimeout(() => {
      void usePositionsStore
        .getState()
        .previewNewPosition(input)
        .then((r) => {
          setPreview(r.ok ? r.value : null);
          setPreviewError(r.ok ? null : (r.issues?.[0]?.message ?? r.message));
        });
    }, 300);
    return () => clearTimeout(timer);
    // read() depends on exactly these fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [portfolioId, symbol, cash, shares, target]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { input, found } = read();
    setErrors(found);
    setFormError(null);
    if (input === null) return;
    setSaving(true);
    const r = await usePositionsStore.getState().create(input);
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
          onChange={(e) => {
            setSymbol(e.target.value.toUpperCase());
            edited('symbol');
          }}
          placeholder="AAPL"
          autoFocus
          autoComplete="off"
        />
      </Field>
      <Field label="Initial cash ($)" error={errors.initialCash}>
        <input
          value={cash}
          onChange={(e) => {
            setCash(e.target.value);
            edited('initialCash');
          }}
          inputMode="decimal"
          placeholder="25,000"
        />
      </Field>
      <Field label="Shares already held" error={errors.existingShares} hint="optional">
        <input
          value={shares}
          onChange={(e) => {
            setShares(e.target.value);
            edited('existingShares');
          }}
          inputMode="decimal"
          placeholder="0"
        />
      </Field>
      <Field
        label="Initial stock share (%)"
        error={errors.initialStockPct}
        hint="first evaluation buys or sells to reach it"
      >
        <input
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            edited('initialStockPct');
          }}
          inputMode="decimal"
        />
      </Field>
      <div className="wide note" aria-live="polite" data-testid="new-position-preview">
        {preview ? (
          preview.message
        ) : previewError ? (
          <span className="field-error">{previewError}</span>
        ) : (
          <span className="muted">
            Type a symbol and the cash: the first evaluation’s trade at today’s price shows here. Trading is
            on paper: no real order is sent.
          </span>
        )}
      </div>
      <FormFooter error={formError} onDone={onDone} busy={saving} submit="Create position" />
    </form>
  );
}
