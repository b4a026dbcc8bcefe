import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ConfigPatch } from '../../../../shared/ipc/dto/config';
import type { PositionDto, TriggerPricesDto } from '../../../../shared/ipc/dto/ledger';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { price, trigger } from '../../lib/format';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { usePositionsStore } from '../../stores/positionsStore';

type Section = keyof ConfigPatch;

/** The settings a position may override, as the form shows them (percent fields are fractions in the config). */
const FIELDS: readonly {
  section: Section;
  key: string;
  label: string;
  percent: boolean;
  integer?: boolean;
}[] = [
  { section: 'trigger', key: 'downThreshold', label: 'Buy when down (%)', percent: true },
  { section: 'trigger', key: 'upThreshold', label: 'Sell when up (%)', percent: true },
  { section: 'sizing', key: 'rebalanceRatio', label: 'Rebalance ratio', percent: false },
  { section: 'guardrails', key: 'minStockPct', label: 'Min stock share (%)', percent: true },
  { section: 'guardrails', key: 'maxStockPct', label: 'Max stock share (%)', percent: true },
  { section: 'guardrails', key: 'maxTradePctOfPosition', label: 'Max trade (% of value)', percent: true },
  { section: 'guardrails', key: 'maxOrdersPerDay', label: 'Max orders a day', percent: false, integer: true },
  { section: 'orderPolicy', key: 'minNotional', label: 'Min order ($)', percent: false },
];

function show(value: unknown, percent: boolean): string {
  if (typeof value !== 'number') return value === null ? '' : '';
  return String(percent ? Math.round(value * 1e8) / 1e6 : value);
}

function valueOf(config: unknown, section: Section, key: string): unknown {
  return ((config as Record<string, Record<string, unknown> | undefined> | null)?.[section] ?? {})[key];
}

/** Builds the override from the fields that are filled in; an empty field inherits the portfolio's value. */
export function buildOverride(texts: Record<string, string>, errors: FieldErrors): ConfigPatch | null {
  const patch: Record<string, Record<string, number>> = {};
  for (const f of FIELDS) {
    const text = texts[f.key] ?? '';
    if (text.trim() === '') continue;
    const n = parseNumber(text.replace('%', ''), f.label, errors, f.key);
    if (n === undefined) continue;
    if (f.integer && !Number.isInteger(n)) {
      errors[f.key] = `${f.label} must be a whole number`;
      continue;
    }
    (patch[f.section] ??= {})[f.key] = f.percent ? Math.round(n * 1e6) / 1e8 : n;
  }
  return Object.keys(patch).length === 0 ? null : (patch as ConfigPatch);
}

/**
 * A position's own settings over its portfolio's, with a live preview of the trigger prices they give
 * at the current anchor (computed by main with the trigger's own formula).
 */
export function ConfigForm({ position, onDone }: { position: PositionDto; onDone?: () => void }) {
  const initial = useMemo(
    () =>
      Object.fromEntries(
        FIELDS.map((f) => [f.key, show(valueOf(position.configOverride, f.section, f.key), f.percent)]),
      ),
    [position.configOverride],
  );
  const [texts, setTexts] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [preview, setPreview] = useState<{
    triggers: TriggerPricesDto | null;
    message: string | null;
    atLastPrice?: string | null;
  } | null>(null);
  const busy = usePositionsStore((s) => s.busy[position.id]);

  useEffect(() => {
    const found: FieldErrors = {};
    const override = buildOverride(texts, found);
    if (Object.keys(found).length > 0) {
      setPreview({ triggers: null, message: 'Fix the fields to see the trigger prices.' });
      return;
    }
    const timer = setTimeout(() => {
      void usePositionsStore.getState().previewTriggers(position.id, override).then(setPreview);
    }, 200);
    return () => clearTimeout(timer);
  }, [texts, position.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const override = buildOverride(texts, found);
    setErrors(found);
    setFormError(null);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    const r = await usePositionsStore.getState().changeConfig(position.id, override);
    if (r.ok) {
      setSaved(true);
      return onDone?.();
    }
    const fieldErrors = issuesToErrors(r.issues);
    setErrors(fieldErrors);
    setFormError(r.message);
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Settings of ${position.symbol}`}
    >
      {FIELDS.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          error={errors[f.key]}
          hint={`portfolio: ${show(valueOf(position.effectiveConfig, f.section, f.key), f.percent) || 'none'}`}
        >
          <input
            value={texts[f.key] ?? ''}
            onChange={(e) => setTexts({ ...texts, [f.key]: e.target.value })}
            inputMode="decimal"
            placeholder={show(valueOf(position.effectiveConfig, f.section, f.key), f.percent) || 'none'}
            name={f.key}
          />
        </Field>
      ))}
      <div className="wide banner" aria-live="polite" data-testid="trigger-preview">
        {preview?.triggers ? (
          <>
            At anchor <strong>{price(preview.triggers.anchor)}</strong>: buys at or below{' '}
            <strong className="buy">{trigger(preview.triggers.buyBelow, 'buy')}</strong>, sells at or above{' '}
            <strong className="sell">{trigger(preview.triggers.sellAbove, 'sell')}</strong>.
          </>
        ) : (
          <span className="muted">{preview?.message ?? 'Computing the trigger prices…'}</span>
        )}
        {preview?.atLastPrice && <div className="small">{preview.atLastPrice}</div>}
      </div>
      {formError && (
        <p className="banner error wide" role="alert">
          {formError}
        </p>
      )}
      {saved && !onDone && (
        <p className="banner ok wide" role="status">
          Saved.
        </p>
      )}
      <div className="form-actions">
        {onDone && (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
        <Button onClick={() => setTexts(Object.fromEntries(FIELDS.map((f) => [f.key, ''])))}>
          Inherit all
        </Button>
        <Button type="submit" variant="primary" busy={busy !== undefined}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
