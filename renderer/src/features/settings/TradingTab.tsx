import { useEffect, useState, type FormEvent } from 'react';
import type { CommissionRateDto, TradingSettingsDto } from '../../../../shared/ipc/dto/tradingSettings';
import { formatBps, formatMoney, formatPercentSetting } from '../../../../shared/format/Format';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { ErrorBanner, Loading } from '../../components/States';
import { dateTime } from '../../lib/format';
import { issuesToErrors, parseNumber, parseOptionalNumber, type FieldErrors } from '../../lib/formParsing';
import { useTradingSettingsStore, type Outcome } from '../../stores/tradingSettingsStore';

const POLICIES = {
  MID: 'MID — halfway between bid and ask',
  LAST: 'LAST — the last trade',
  BID: 'BID — the bid',
  ASK: 'ASK — the ask',
} as const;
type Policy = keyof typeof POLICIES;

const pctText = (fraction: number): string => String(Number((fraction * 100).toPrecision(12)));
const rateText = (r: CommissionRateDto): string =>
  `${formatPercentSetting(r.rate)}${r.minimumCents > 0 ? `, at least ${formatMoney(r.minimumCents)} an order` : ''}`;

/** A form's outcome: field messages beside their fields, the rest as one line. */
function useOutcome() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (o: Outcome, okText: string) => {
    if (o.ok) {
      setErrors({});
      setMessage({ ok: true, text: okText });
    } else {
      const byField = issuesToErrors(o.issues);
      setErrors(byField);
      setMessage(Object.keys(byField).length > 0 ? null : { ok: false, text: o.message });
    }
  };
  return { errors, setErrors, message, setMessage, done };
}

function Status({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p className={`banner ${message.ok ? 'ok' : 'error'} small wide`} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}

/** One commission level: its rate in percent and minimum in dollars, saved with a ConfigChanged. */
function RateForm({
  level,
  symbol,
  current,
  removable,
  label,
}: {
  level: 'GLOBAL' | 'TENANT' | 'TENANT_ASSET';
  symbol?: string;
  current: CommissionRateDto | null;
  removable: boolean;
  label: string;
}) {
  const busy = useTradingSettingsStore((s) => s.busy);
  const [rate, setRate] = useState(current ? pctText(current.rate) : '');
  const [minimum, setMinimum] = useState(current ? String(current.minimumCents / 100) : '');
  const o = useOutcome();
  useEffect(() => {
    setRate(current ? pctText(current.rate) : '');
    setMinimum(current ? String(current.minimumCents / 100) : '');
  }, [current]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const pct = parseNumber(rate.replace(/\s*%$/, ''), 'Commission rate', found, 'rate');
    const min = parseOptionalNumber(minimum, 'Minimum commission', found, 'minimum');
    o.setErrors(found);
    o.setMessage(null);
    if (pct === undefined || Object.keys(found).length > 0) return;
    const r = await useTradingSettingsStore.getState().setCommissionRate({
      level,
      symbol: symbol ?? null,
      rate: Number((pct / 100).toPrecision(12)),
      minimum: min ?? 0,
    });
    o.done(r, 'Saved; orders already placed keep the rate they were created with.');
  };
  const remove = async () => {
    const r = await useTradingSettingsStore.getState().removeCommissionRate({
      level: level === 'TENANT' ? 'TENANT' : 'TENANT_ASSET',
      symbol: symbol ?? null,
    });
    o.done(r, 'Removed: the level above applies.');
  };
  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate aria-label={`Commission: ${label}`}>
      <Field label={`${label}: rate (%)`} error={o.errors.rate} hint="0 % to 10 % of the notional">
        <input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" name="rate" />
      </Field>
      <Field label="Minimum per order ($)" error={o.errors.minimum} hint="0 = none">
        <input
          value={minimum}
          onChange={(e) => setMinimum(e.target.value)}
          inputMode="decimal"
          name="minimum"
        />
      </Field>
      <div className="row" style={{ alignSelf: 'end' }}>
        <Button type="submit" small busy={busy === 'commission'}>
          Save
        </Button>
        {removable && current && (
          <Button small variant="ghost" onClick={() => void remove()}>
            Remove
          </Button>
        )}
      </div>
      <Status message={o.message} />
    </form>
  );
}

function CommissionCard({ view }: { view: TradingSettingsDto }) {
  const c = view.commission;
  const [symbol, setSymbol] = useState('');
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <Card title="Commission">
      <div className="stack">
        <p className="small muted">
          The most specific rate applies: a symbol’s, else this account’s, else the global one (built-in{' '}
          {rateText(c.builtInDefault)}). commission = max(rate × notional, minimum); every order keeps the
          rate in force when it was created.
        </p>
        <RateForm
          level="GLOBAL"
          current={c.global ?? c.builtInDefault}
          removable={false}
          label="Every account"
        />
        <RateForm level="TENANT" current={c.tenant} removable label="This account" />
        <h3 className="section-title">Per symbol</h3>
        {c.symbols.length === 0 && !adding && <p className="small muted">No symbol has its own rate.</p>}
        {c.symbols.map((r) => (
          <RateForm
            key={r.symbol}
            level="TENANT_ASSET"
            symbol={r.symbol ?? ''}
            current={r}
            removable
            label={r.symbol ?? ''}
          />
        ))}
        {adding && !c.symbols.some((r) => r.symbol === adding) && (
          <RateForm level="TENANT_ASSET" symbol={adding} current={null} removable={false} label={adding} />
        )}
        <div className="row">
          <Field label="Symbol">
            <input
              value={symbol}
              onChange={(e) => setSymbol(e.target.value.toUpperCase())}
              name="newSymbol"
              placeholder="KO"
            />
          </Field>
          <Button
            small
            disabled={symbol.trim() === ''}
            onClick={() => {
              setAdding(symbol.trim());
              setSymbol('');
            }}
            style={{ alignSelf: 'end' }}
          >
            Add a rate for this symbol
          </Button>
        </div>
      </div>
    </Card>
  );
}

function BrokerAndPortfoliosCard({ view }: { view: TradingSettingsDto }) {
  const busy = useTradingSettingsStore((s) => s.busy);
  const first = view.portfolios[0];
  const [slippage, setSlippage] = useState(String(view.paperSlippageBps));
  const [policy, setPolicy] = useState<Policy>(first?.pricePolicy ?? 'MID');
  const [withholding, setWithholding] = useState(first ? pctText(first.dividendWithholdingPct) : '0');
  const o = useOutcome();
  useEffect(() => {
    setSlippage(String(view.paperSlippageBps));
    if (view.portfolios[0]) {
      setPolicy(view.portfolios[0].pricePolicy);
      setWithholding(pctText(view.portfolios[0].dividendWithholdingPct));
    }
  }, [view]);
  const mixed = (key: 'pricePolicy' | 'dividendWithholdingPct') =>
    new Set(view.portfolios.map((p) => p[key])).size > 1;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const bps = parseNumber(slippage, 'Paper slippage', found, 'paperSlippageBps');
    const pct = parseNumber(
      withholding.replace(/\s*%$/, ''),
      'Dividend withholding',
      found,
      'dividendWithholdingPct',
    );
    o.setErrors(found);
    o.setMessage(null);
    if (bps === undefined || pct === undefined) return;
    const r = await useTradingSettingsStore.getState().updateTrading({
      paperSlippageBps: bps,
      ...(view.portfolios.length > 0
        ? { pricePolicy: policy, dividendWithholdingPct: Number((pct / 100).toPrecision(12)) }
        : {}),
    });
    o.done(r, 'Saved and recorded in the event log.');
  };
  return (
    <Card title="Paper broker and every portfolio">
      <form
        className="form"
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label="Paper broker and every portfolio"
      >
        <Field
          label="Paper slippage (bps)"
          error={o.errors.paperSlippageBps}
          hint={`buys fill this far above the ask, sells below the bid; now ${formatBps(view.paperSlippageBps)}${view.paperSlippageIsDefault ? ' (default)' : ''}`}
        >
          <input
            value={slippage}
            onChange={(e) => setSlippage(e.target.value)}
            inputMode="decimal"
            name="paperSlippageBps"
          />
        </Field>
        <Field
          label="Price policy"
          error={o.errors.pricePolicy}
          hint={
            mixed('pricePolicy')
              ? 'portfolios differ now: saving sets them all'
              : 'the price the trigger compares'
          }
        >
          <select
            value={policy}
            onChange={(e) => setPolicy(e.target.value as Policy)}
            name="pricePolicy"
            disabled={view.portfolios.length === 0}
          >
            {Object.entries(POLICIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Dividend withholding (%)"
          error={o.errors.dividendWithholdingPct}
          hint={
            mixed('dividendWithholdingPct')
              ? 'portfolios differ now: saving sets them all'
              : 'when the announcement does not say; a position may override it'
          }
        >
          <input
            value={withholding}
            onChange={(e) => setWithholding(e.target.value)}
            inputMode="decimal"
            name="dividendWithholdingPct"
            disabled={view.portfolios.length === 0}
          />
        </Field>
        <p className="small muted wide">
          Price policy and withholding apply to every portfolio (
          {view.portfolios.map((p) => p.name).join(', ') || 'none yet'}); each portfolio’s other settings are
          under Strategy defaults. BID, ASK and MID fall back to the last trade when the quote lacks them.
        </p>
        <Status message={o.message} />
        <div className="form-actions wide">
          <Button type="submit" variant="primary" busy={busy === 'trading'}>
            Save
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ManualDividendCard({ view }: { view: TradingSettingsDto }) {
  const busy = useTradingSettingsStore((s) => s.busy);
  const [form, setForm] = useState({ symbol: '', exDate: '', payDate: '', amount: '', withholding: '' });
  const o = useOutcome();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const amount = parseNumber(form.amount, 'Dividend per share', found, 'amountPerShare');
    const pct = parseOptionalNumber(
      form.withholding.replace(/\s*%$/, ''),
      'Withholding',
      found,
      'withholdingPct',
    );
    o.setErrors(found);
    o.setMessage(null);
    if (amount === undefined || Object.keys(found).length > 0) return;
    const r = await useTradingSettingsStore.getState().recordDividend({
      symbol: form.symbol,
      exDate: form.exDate,
      payDate: form.payDate.trim() === '' ? null : form.payDate.trim(),
      amountPerShare: amount,
      withholdingPct: pct === undefined ? null : Number((pct / 100).toPrecision(12)),
    });
    o.done(
      r,
      `Recorded: ${form.symbol.toUpperCase()} — the dividend job accrues it on the ex-date and pays it on the pay date.`,
    );
    if (r.ok) setForm({ symbol: '', exDate: '', payDate: '', amount: '', withholding: '' });
  };
  const input = (key: keyof typeof form, name: string, placeholder = '') => (
    <input
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      name={name}
      placeholder={placeholder}
    />
  );
  const jobs = view.dailyJobs;
  return (
    <Card title="A dividend the provider missed">
      <form className="form" onSubmit={(e) => void save(e)} noValidate aria-label="Record a dividend">
        <Field label="Symbol" error={o.errors.symbol}>
          {input('symbol', 'symbol', 'KO')}
        </Field>
        <Field label="Ex-date" error={o.errors.exDate} hint="YYYY-MM-DD">
          {input('exDate', 'exDate', '2024-06-14')}
        </Field>
        <Field label="Pay date" error={o.errors.payDate} hint="empty: paid on the ex-date">
          {input('payDate', 'payDate', '2024-07-01')}
        </Field>
        <Field label="Dividend per share ($)" error={o.errors.amountPerShare}>
          {input('amount', 'amountPerShare', '0.485')}
        </Field>
        <Field label="Withholding (%)" error={o.errors.withholdingPct} hint="empty: the position’s">
          {input('withholding', 'withholdingPct')}
        </Field>
        <p className="small muted wide">
          Daily dividend jobs run on their own timer, also while trading is paused: last run{' '}
          {jobs.lastRunDate ?? 'not yet'}
          {jobs.running ? ' (running now)' : ''}, next {jobs.nextRunAt ? dateTime(jobs.nextRunAt) : '—'} (New
          York).
        </p>
        <Status message={o.message} />
        <div className="form-actions wide">
          <Button type="submit" variant="primary" busy={busy === 'dividend'}>
            Record the dividend
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Settings › Trading: commission (SPEC 2.7), paper slippage (4.2), price policy and withholding, dividends by hand. */
export function TradingTab() {
  const trading = useTradingSettingsStore((s) => s.trading);
  const error = useTradingSettingsStore((s) => s.error);
  useEffect(() => {
    void useTradingSettingsStore.getState().load();
  }, []);
  if (!trading)
    return error ? (
      <ErrorBanner message={error} onRetry={() => void useTradingSettingsStore.getState().load()} />
    ) : (
      <Loading />
    );
  return (
    <div className="stack">
      <CommissionCard view={trading} />
      <BrokerAndPortfoliosCard view={trading} />
      <ManualDividendCard view={trading} />
    </div>
  );
}
