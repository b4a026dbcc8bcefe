import { useEffect, useState, type FormEvent } from 'react';
import type { AccountingSettingsDto } from '../../../../shared/ipc/dto/accounting';
import { formatMoney } from '../../../../shared/format/Format';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { ErrorBanner, Loading } from '../../components/States';
import { issuesToErrors, parseNumber, type FieldErrors } from '../../lib/formParsing';
import { useAccountingStore } from '../../stores/accountingStore';

const METHODS: { id: AccountingSettingsDto['lotMethod']; text: string }[] = [
  { id: 'FIFO', text: 'FIFO — a sale closes the oldest lots first (the default)' },
  { id: 'LIFO', text: 'LIFO — a sale closes the newest lots first' },
  { id: 'HIFO', text: 'HIFO — a sale closes the lots with the highest cost per share first' },
];

const dollarsText = (cents: number): string => String(cents / 100);

/**
 * A portfolio's SPEC 8 settings (issue 16): the lot method (a change recomputes realised P&L from the
 * first sale), the benchmark (any symbol with price history; the backend checks it), and the optional
 * day-trade limit (off by default; warns or blocks a buy that would exceed it while equity is below the
 * threshold). Saved with `accounting.updateSettings` (a ConfigChanged event); messages beside their fields.
 */
export function AccountingSettingsCard({
  portfolioId,
  title = 'Accounting settings',
  onSaved,
}: {
  portfolioId: string;
  title?: string;
  onSaved?: () => void;
}) {
  const current = useAccountingStore((s) => s.settings[portfolioId]);
  const loadError = useAccountingStore((s) => s.settingsError);
  const [method, setMethod] = useState<AccountingSettingsDto['lotMethod']>('FIFO');
  const [benchmark, setBenchmark] = useState('');
  const [limitOn, setLimitOn] = useState(false);
  const [maxTrades, setMaxTrades] = useState('');
  const [minEquity, setMinEquity] = useState('');
  const [mode, setMode] = useState<'warn' | 'block'>('warn');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useAccountingStore.getState().loadSettings(portfolioId);
  }, [portfolioId]);
  useEffect(() => {
    if (!current) return;
    setMethod(current.lotMethod);
    setBenchmark(current.benchmark);
    setLimitOn(current.dayTradeLimit.maxDayTrades !== null);
    setMaxTrades(
      current.dayTradeLimit.maxDayTrades === null ? '3' : String(current.dayTradeLimit.maxDayTrades),
    );
    setMinEquity(dollarsText(current.dayTradeLimit.minEquityCents));
    setMode(current.dayTradeLimit.mode);
  }, [current]);

  if (!current) {
    return (
      <Card title={title}>
        {loadError ? (
          <ErrorBanner
            message={loadError}
            onRetry={() => void useAccountingStore.getState().loadSettings(portfolioId)}
          />
        ) : (
          <Loading />
        )}
      </Card>
    );
  }

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const max = limitOn ? parseNumber(maxTrades, 'Day-trade limit', found, 'maxDayTrades') : null;
    const equity = limitOn
      ? parseNumber(minEquity, 'Equity threshold', found, 'minEquityCents')
      : current.dayTradeLimit.minEquityCents / 100;
    if (benchmark.trim() === '') found.benchmark = 'Benchmark must be a ticker symbol such as SPY';
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0 || max === undefined || equity === undefined) return;
    setBusy(true);
    const r = await useAccountingStore.getState().saveSettings(portfolioId, {
      lotMethod: method,
      benchmark: benchmark.trim(),
      dayTradeLimit: { maxDayTrades: max, minEquityCents: Math.round(equity * 100), mode },
    });
    setBusy(false);
    if (r.ok) {
      setMessage({
        ok: true,
        text:
          method !== current.lotMethod
            ? 'Saved. Realised P&L, lots and the equity history were recomputed with the new lot method.'
            : 'Saved.',
      });
      onSaved?.();
    } else {
      const byField = issuesToErrors(r.issues);
      setErrors(byField);
      setMessage(Object.keys(byField).length > 0 ? null : { ok: false, text: r.message });
    }
  };

  return (
    <Card title={title}>
      <form
        className="form"
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label="Accounting settings"
        data-testid="accounting-settings"
      >
        <fieldset className="wide">
          <legend>Lot method (which lots a sale closes)</legend>
          <div className="stack">
            {METHODS.map((m) => (
              <label key={m.id} className="checkbox">
                <input
                  type="radio"
                  name={`lot-method-${portfolioId}`}
                  value={m.id}
                  checked={method === m.id}
                  onChange={() => setMethod(m.id)}
                />
                {m.text}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label="Benchmark symbol"
          error={errors.benchmark}
          hint="Any symbol with daily price history; SPY is bundled"
        >
          <input
            value={benchmark}
            onChange={(e) => setBenchmark(e.target.value.toUpperCase())}
            name="benchmark"
            autoCapitalize="characters"
            spellCheck={false}
          />
        </Field>
        <fieldset className="wide">
          <legend>Day-trade limit (a buy and a sell of a symbol in one session)</legend>
          <div className="stack">
            <label className="checkbox">
              <input
                type="checkbox"
                name="dayTradeLimitOn"
                checked={limitOn}
                onChange={(e) => setLimitOn(e.target.checked)}
              />
              Limit day trades (off by default: FINRA retired the pattern-day-trader rule; the count is shown
              either way)
            </label>
            {limitOn && (
              <div className="form">
                <Field
                  label="At most (day trades in 5 sessions)"
                  error={errors.maxDayTrades}
                  hint="A whole number from 0 to 1,000"
                >
                  <input
                    value={maxTrades}
                    onChange={(e) => setMaxTrades(e.target.value)}
                    inputMode="numeric"
                    name="maxDayTrades"
                  />
                </Field>
                <Field
                  label="While equity is below ($)"
                  error={errors.minEquityCents}
                  hint={`The portfolio's equity; the rule's threshold was ${formatMoney(2_500_000)}`}
                >
                  <input
                    value={minEquity}
                    onChange={(e) => setMinEquity(e.target.value)}
                    inputMode="decimal"
                    name="minEquity"
                  />
                </Field>
                <fieldset className="wide">
                  <legend>A buy that would exceed it</legend>
                  <label className="checkbox">
                    <input
                      type="radio"
                      name={`day-trade-mode-${portfolioId}`}
                      checked={mode === 'warn'}
                      onChange={() => setMode('warn')}
                    />
                    Warn: the buy goes through, its evaluation says so
                  </label>
                  <label className="checkbox">
                    <input
                      type="radio"
                      name={`day-trade-mode-${portfolioId}`}
                      checked={mode === 'block'}
                      onChange={() => setMode('block')}
                    />
                    Block: the buy is rejected with the reason
                  </label>
                </fieldset>
              </div>
            )}
          </div>
        </fieldset>
        <div className="row wide">
          <Button type="submit" small busy={busy}>
            Save
          </Button>
        </div>
        {message && (
          <p
            className={`banner ${message.ok ? 'ok' : 'error'} small wide`}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
      </form>
    </Card>
  );
}
