import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { StrategyFieldDto } from '../../../../shared/ipc/dto/tradingSettings';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import type { FieldErrors } from '../../lib/formParsing';
import {
  describeValue,
  fieldId,
  fromText,
  issuesByField,
  toPatch,
  toText,
  unitLabel,
  type FieldValue,
} from './strategyFieldText';

export type StrategyPatch = Record<string, Record<string, FieldValue>>;
export type SaveResult =
  { ok: true } | { ok: false; message: string; issues?: { path: string; message: string }[] };

/**
 * Every strategy setting in one form (ADR 0086), driven by the domain's field list (labels, units,
 * rules and defaults from shared/domain/StrategyFields and InputLimits, served over IPC):
 * - `defaults`: a portfolio's settings; each field holds a value, marked when it differs from the SPEC's
 *   default, with "reset to default"; saving sends what changed.
 * - `override`: a position's own settings; an empty field inherits the portfolio's value (shown as its
 *   placeholder), a filled one overrides it (marked), and "inherit" empties it; saving replaces the
 *   override with the filled fields.
 */
export function StrategyForm({
  fields,
  mode,
  inherited,
  own,
  onSave,
  onDraft,
  label,
  extra,
  busy,
  onCancel,
  notes,
}: {
  fields: readonly StrategyFieldDto[];
  mode: 'defaults' | 'override';
  /** What applies when a field is not set: the portfolio's values (override) or the SPEC's defaults. */
  inherited: Readonly<Record<string, FieldValue>>;
  /** The values set here: the portfolio's config (defaults) or the position's override. */
  own: Readonly<Record<string, FieldValue>>;
  onSave(patch: StrategyPatch): Promise<SaveResult>;
  /** The patch as typed (null while a field is unreadable): previews. */
  onDraft?(patch: StrategyPatch | null): void;
  label: string;
  extra?: ReactNode;
  busy?: boolean;
  onCancel?: () => void;
  /** A line under a field, by field id (the Risk page: how far the portfolio is from each limit). */
  notes?: Readonly<Record<string, ReactNode>>;
}) {
  // By content: a push of the same settings (the answer to a save, another window) keeps what is typed.
  const ownKey = JSON.stringify(own);
  const initial = useMemo(
    () => Object.fromEntries(fields.map((f) => [fieldId(f), toText(f, own[fieldId(f)])])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `own` is compared by content (ownKey)
    [fields, ownKey],
  );
  const [texts, setTexts] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setTexts(initial), [initial]);

  /** The values typed, by field id; undefined when some field cannot be read (errors filled). */
  const read = (found: FieldErrors): Record<string, FieldValue> => {
    const values: Record<string, FieldValue> = {};
    for (const f of fields) {
      const id = fieldId(f);
      const v = fromText(f, texts[id] ?? '', found);
      if (v !== undefined) values[id] = v;
      else if (mode === 'defaults' && found[id] === undefined) {
        if (f.nullAs !== null) values[id] = null;
        else
          found[id] =
            `${f.label} is required here (type ${toText(f, f.defaultValue) || 'a value'} for the default)`;
      }
    }
    return values;
  };

  useEffect(() => {
    if (!onDraft) return;
    const found: FieldErrors = {};
    const values = read(found);
    const timer = setTimeout(() => onDraft(Object.keys(found).length > 0 ? null : patchOf(values)), 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft follows the texts only
  }, [texts]);

  const patchOf = (values: Record<string, FieldValue>): StrategyPatch => {
    if (mode === 'override') return toPatch(fields, values);
    // Defaults: only what changed, so each changed section is one ConfigChanged and nothing else is written.
    const changed = Object.fromEntries(Object.entries(values).filter(([id, v]) => own[id] !== v));
    return toPatch(fields, changed);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const values = read(found);
    setErrors(found);
    setFormError(null);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    const r = await onSave(patchOf(values));
    if (r.ok) {
      setSaved(true);
      return;
    }
    const { byField, rest } = issuesByField(fields, r.issues);
    setErrors(byField);
    setFormError(rest.length > 0 || Object.keys(byField).length === 0 ? r.message : null);
  };

  const set = (id: string, text: string) => {
    setSaved(false);
    setTexts((t) => ({ ...t, [id]: text }));
  };

  let section = '';
  return (
    <form className="form strategy-form" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      {fields.map((f) => {
        const id = fieldId(f);
        const text = texts[id] ?? '';
        const base = inherited[id];
        const heading =
          f.sectionLabel !== section ? (
            <h3 className="wide section-title" key={`${f.section}-title`}>
              {(section = f.sectionLabel)}
            </h3>
          ) : null;
        const overridden = mode === 'override' ? text.trim() !== '' : text.trim() !== toText(f, base);
        const marker = overridden ? (
          <span className="badge info" data-testid={`changed-${id}`}>
            {mode === 'override' ? 'overridden' : 'changed'}
          </span>
        ) : (
          <span className="badge">{mode === 'override' ? 'inherited' : 'default'}</span>
        );
        const reset = overridden ? (
          <button
            type="button"
            className="link small"
            onClick={() => set(id, mode === 'override' ? '' : toText(f, base))}
            aria-label={`${mode === 'override' ? 'Inherit' : 'Reset to default'}: ${f.label}`}
          >
            {mode === 'override' ? 'inherit' : 'reset to default'}
          </button>
        ) : null;
        // Unchanged: the marker and the allowed range. Changed: what it would be otherwise, and the way back.
        const hint = (
          <span className="field-hint-row">
            {marker}{' '}
            {overridden || mode === 'override' ? (
              <>
                {mode === 'override' ? 'portfolio' : 'default'} {describeValue(f, base)} {reset}
              </>
            ) : null}
            {f.rule && <span className="muted"> · {f.rule.replace(`${f.label} must be `, '')}</span>}
            {notes?.[id] !== undefined && <span className="field-note">{notes[id]}</span>}
          </span>
        );
        const control =
          f.kind === 'number' ? (
            <input
              value={text}
              onChange={(e) => set(id, e.target.value)}
              inputMode="decimal"
              placeholder={mode === 'override' ? toText(f, base) || (f.nullAs ?? '') : (f.nullAs ?? '')}
              name={id}
            />
          ) : (
            <select value={text} onChange={(e) => set(id, e.target.value)} name={id}>
              {mode === 'override' && <option value="">(inherit: {describeValue(f, base)})</option>}
              {f.kind === 'boolean' ? (
                <>
                  <option value="yes">yes</option>
                  <option value="no">no</option>
                </>
              ) : (
                f.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))
              )}
            </select>
          );
        return [
          heading,
          <Field key={id} label={`${f.label}${unitLabel(f)}`} error={errors[id]} hint={hint}>
            {control}
          </Field>,
        ];
      })}
      {extra}
      {formError && (
        <p className="banner error wide" role="alert">
          {formError}
        </p>
      )}
      {saved && (
        <p className="banner ok wide" role="status">
          Saved.
        </p>
      )}
      <div className="form-actions wide">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button
          onClick={() =>
            setTexts(
              Object.fromEntries(
                fields.map((f) => [fieldId(f), mode === 'override' ? '' : toText(f, inherited[fieldId(f)])]),
              ),
            )
          }
        >
          {mode === 'override' ? 'Inherit all' : 'Reset all to defaults'}
        </Button>
        <Button type="submit" variant="primary" busy={busy === true}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
