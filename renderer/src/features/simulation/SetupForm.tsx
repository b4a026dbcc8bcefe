import { useEffect, useState, type FormEvent } from 'react';
import type { DatasetDto, HistorySourceDto, HistorySourceId } from '../../../../shared/ipc/dto/simulation';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import {
  issuesToErrors,
  parseList,
  parseNumber,
  parseOptionalNumber,
  parsePercent,
  type FieldErrors,
} from '../../lib/formParsing';
import { useSimulationInputsStore } from '../../stores/simulationInputsStore';
import { useSimulationStore } from '../../stores/simulationStore';
import { CsvImportPanel } from './CsvImportPanel';

type Mode = 'single' | 'sweep' | 'walk';
type Metric = 'sharpe' | 'cagr' | 'totalReturn' | 'calmar' | 'sortino';
const METRIC_LABELS: Record<Metric, string> = {
  sharpe: 'Sharpe',
  cagr: 'CAGR',
  totalReturn: 'Total return',
  calmar: 'Calmar',
  sortino: 'Sortino',
};
const INTERVAL_LABELS: Record<string, string> = {
  '1d': 'daily',
  '1h': '1 hour',
  '30m': '30 minutes',
  '15m': '15 minutes',
  '5m': '5 minutes',
  '1m': '1 minute',
};

/**
 * The set-up form (SPEC 5 "Input", issue 15): where the bars come from (any bundled symbol, a CSV the user
 * imports, the provider's history for any symbol — cached —, the live loop's quote log), daily or intraday,
 * money, strategy, fills with the volume cap, and one run, a sweep or a walk-forward. Values are typed in
 * the user's units (dollars, percent, basis points, months) and checked beside their fields.
 */
export function SetupForm({ dataset }: { dataset: DatasetDto }) {
  const starting = useSimulationStore((s) => s.starting);
  const sources = useSimulationInputsStore((s) => s.sources);
  const [source, setSource] = useState<HistorySourceId>('bundled');
  const [interval, setInterval] = useState('1d');
  const [symbols, setSymbols] = useState<string[]>(['KO']);
  const [typedSymbols, setTypedSymbols] = useState('KO');
  const [from, setFrom] = useState('2015-01-01');
  const [to, setTo] = useState('2019-12-31');
  const [cash, setCash] = useState('10000');
  const [threshold, setThreshold] = useState('3');
  const [ratio, setRatio] = useState('1.6667');
  const [minPct, setMinPct] = useState('25');
  const [maxPct, setMaxPct] = useState('75');
  const [commission, setCommission] = useState('1');
  const [fill, setFill] = useState<'close' | 'next_open'>('close');
  const [slippage, setSlippage] = useState('0');
  const [volumeCap, setVolumeCap] = useState('');
  // SPEC 8's optional day-trade limit (intraday bars only: with daily bars a position trades once a session).
  const [dayTrades, setDayTrades] = useState('');
  const [dayTradeEquity, setDayTradeEquity] = useState('25000');
  const [dayTradeMode, setDayTradeMode] = useState<'warn' | 'block'>('block');
  const [mode, setMode] = useState<Mode>('single');
  const [thresholds, setThresholds] = useState('2, 3, 5, 8');
  const [ratios, setRatios] = useState('1, 1.6667, 2.5');
  const [inSample, setInSample] = useState('24');
  const [outOfSample, setOutOfSample] = useState('12');
  const [metric, setMetric] = useState<Metric>('sharpe');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    void useSimulationInputsStore.getState().load();
  }, []);

  const offered: HistorySourceDto[] = sources ?? [
    {
      id: 'bundled',
      label: 'Bundled dataset',
      intervals: ['1d'],
      symbols: dataset.symbols,
      anySymbol: false,
    },
  ];
  const current = offered.find((s) => s.id === source) ?? offered[0];
  const choices = current?.symbols ?? [];
  const typed = current?.anySymbol === true;

  const pickSource = (id: HistorySourceId) => {
    setSource(id);
    const next = offered.find((s) => s.id === id);
    if (next && !next.intervals.includes(interval as never)) setInterval(next.intervals[0] ?? '1d');
    // Keep the symbols the new source has.
    if (next && !next.anySymbol) setSymbols(symbols.filter((s) => next.symbols.includes(s)));
  };
  /** A field typed again drops its old message (checked again on submit). */
  const edit = (key: string, set: (v: string) => void, value: string) => {
    set(value);
    if (errors[key]) setErrors(({ [key]: _dropped, ...rest }) => rest);
  };
  const toggle = (symbol: string) =>
    setSymbols(symbols.includes(symbol) ? symbols.filter((s) => s !== symbol) : [...symbols, symbol].sort());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    const chosen = typed
      ? typedSymbols
          .split(/[\s,;]+/)
          .map((s) => s.trim().toUpperCase())
          .filter((s) => s !== '')
      : symbols;
    if (chosen.length === 0)
      found.symbols = typed ? 'Type at least one symbol, e.g. KO' : 'Choose at least one symbol';
    if (!from) found.from = 'From is required';
    if (!to) found.to = 'To is required';
    if (from && to && from > to) found.to = 'To must not be before From';
    const initialCash = parseNumber(cash, 'Initial cash', found, 'initialCash');
    const up = parsePercent(threshold, 'Threshold', found, 'threshold');
    const rebalanceRatio = parseNumber(ratio, 'Rebalance ratio', found, 'rebalanceRatio');
    const minStockPct = parsePercent(minPct, 'Min stock share', found, 'minStockPct');
    const maxStockPct = parsePercent(maxPct, 'Max stock share', found, 'maxStockPct');
    const commissionBps = parseNumber(commission, 'Commission', found, 'commissionRate');
    const slippageBps = parseNumber(slippage, 'Slippage', found, 'slippageBps');
    const capPct = parseOptionalNumber(volumeCap, 'Volume cap', found, 'volumeCap');
    const intraday = interval !== '1d';
    const maxDayTrades = intraday
      ? parseOptionalNumber(dayTrades, 'Day-trade limit', found, 'maxDayTrades')
      : undefined;
    const minEquity =
      maxDayTrades !== undefined
        ? parseNumber(dayTradeEquity, 'Equity threshold', found, 'minEquityCents')
        : undefined;
    if (capPct !== undefined && !(capPct > 0 && capPct <= 100))
      found.volumeCap = 'Volume cap must be above 0 % and at most 100 % of a bar’s volume (or empty: no cap)';
    const searching = mode !== 'single';
    const sweepThresholds = searching
      ? parseList(thresholds, 'Thresholds', found, 'thresholds', 0.01)
      : undefined;
    const sweepRatios = searching
      ? parseList(ratios, 'Rebalance ratios', found, 'rebalanceRatios')
      : undefined;
    const inSampleMonths =
      mode === 'walk' ? months(inSample, 'In-sample', found, 'inSampleMonths') : undefined;
    const outOfSampleMonths =
      mode === 'walk' ? months(outOfSample, 'Out-of-sample', found, 'outOfSampleMonths') : undefined;
    setErrors(found);
    setFormError(null);
    if (
      Object.keys(found).length > 0 ||
      initialCash === undefined ||
      up === undefined ||
      rebalanceRatio === undefined ||
      minStockPct === undefined ||
      maxStockPct === undefined ||
      commissionBps === undefined ||
      slippageBps === undefined
    )
      return;
    const r = await useSimulationStore.getState().start(
      {
        symbols: chosen,
        from,
        to,
        initialCash,
        config: {
          trigger: { upThreshold: up, downThreshold: up },
          sizing: { rebalanceRatio },
          guardrails: { minStockPct, maxStockPct },
        },
        commissionRate: commissionBps / 10_000,
        fill,
        slippageBps,
        volumeCap: capPct === undefined ? null : capPct / 100,
        source,
        interval: interval as '1d',
        ...(maxDayTrades !== undefined && minEquity !== undefined
          ? {
              dayTradeLimit: {
                maxDayTrades,
                minEquityCents: Math.round(minEquity * 100),
                mode: dayTradeMode,
              },
            }
          : {}),
      },
      searching && sweepThresholds && sweepRatios
        ? { thresholds: sweepThresholds, rebalanceRatios: sweepRatios }
        : undefined,
      mode === 'walk' && inSampleMonths !== undefined && outOfSampleMonths !== undefined
        ? { inSampleMonths, outOfSampleMonths, metric }
        : undefined,
    );
    if (r.ok) return;
    const fieldErrors = issuesToErrors(r.issues, {
      'setup.config.trigger.upThreshold': 'threshold',
      'setup.config.trigger.downThreshold': 'threshold',
      'setup.commissionRate': 'commissionRate',
      'sweep.thresholds': 'thresholds',
      'sweep.rebalanceRatios': 'rebalanceRatios',
      'walkForward.inSampleMonths': 'inSampleMonths',
      'walkForward.outOfSampleMonths': 'outOfSampleMonths',
    });
    setErrors(fieldErrors);
    setFormError(r.message);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Simulation set-up">
      <Field label="Bars from" error={errors.source}>
        <select value={source} onChange={(e) => pickSource(e.target.value as HistorySourceId)} name="source">
          {offered.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Bars" error={errors.interval}>
        <select value={interval} onChange={(e) => setInterval(e.target.value)} name="interval">
          {(current?.intervals ?? ['1d']).map((i) => (
            <option key={i} value={i}>
              {INTERVAL_LABELS[i] ?? i}
            </option>
          ))}
        </select>
      </Field>
      {source === 'csv' && <CsvImportPanel />}
      {typed ? (
        <Field
          label="Symbols"
          error={errors.symbols}
          className="wide"
          hint={
            choices.length > 0
              ? `cached: ${choices.join(', ')}; any other is downloaded once and cached`
              : 'any symbol: downloaded once from the provider, then read from the cache'
          }
        >
          <input value={typedSymbols} onChange={(e) => setTypedSymbols(e.target.value)} name="symbols" />
        </Field>
      ) : (
        <fieldset className="wide" aria-describedby={errors.symbols ? 'symbols-error' : undefined}>
          <legend>Symbols ({current?.label.toLowerCase() ?? 'bundled dataset'})</legend>
          {choices.length === 0 ? (
            <p className="small muted">
              {source === 'csv'
                ? 'No CSV imported yet: import one above.'
                : source === 'quote-log'
                  ? 'The live loop has logged no quote yet.'
                  : 'No symbols.'}
            </p>
          ) : (
            <div className="row symbol-choices">
              {choices.map((symbol) => (
                <label key={symbol} className="checkbox">
                  <input type="checkbox" checked={symbols.includes(symbol)} onChange={() => toggle(symbol)} />
                  {symbol}
                </label>
              ))}
            </div>
          )}
          {errors.symbols && (
            <span id="symbols-error" className="field-error" role="alert">
              {errors.symbols}
            </span>
          )}
        </fieldset>
      )}
      <Field label="From" error={errors.from}>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} name="from" />
      </Field>
      <Field label="To" error={errors.to}>
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} name="to" />
      </Field>
      <Field label="Cash per position ($)" error={errors.initialCash}>
        <input
          value={cash}
          onChange={(e) => setCash(e.target.value)}
          inputMode="decimal"
          name="initialCash"
        />
      </Field>
      <Field
        label="Trigger threshold (%)"
        error={errors.threshold ?? errors.upThreshold}
        hint="buy this far below the anchor, sell this far above"
      >
        <input
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          inputMode="decimal"
          name="threshold"
        />
      </Field>
      <Field label="Rebalance ratio" error={errors.rebalanceRatio}>
        <input
          value={ratio}
          onChange={(e) => setRatio(e.target.value)}
          inputMode="decimal"
          name="rebalanceRatio"
        />
      </Field>
      <Field label="Min stock share (%)" error={errors.minStockPct}>
        <input value={minPct} onChange={(e) => setMinPct(e.target.value)} inputMode="decimal" />
      </Field>
      <Field label="Max stock share (%)" error={errors.maxStockPct}>
        <input value={maxPct} onChange={(e) => setMaxPct(e.target.value)} inputMode="decimal" />
      </Field>
      <Field label="Commission (bps)" error={errors.commissionRate} hint="1 bp = 0.01 % of the notional">
        <input value={commission} onChange={(e) => setCommission(e.target.value)} inputMode="decimal" />
      </Field>
      <Field label="Fill">
        <select value={fill} onChange={(e) => setFill(e.target.value as 'close' | 'next_open')}>
          <option value="close">at the bar’s close</option>
          <option value="next_open">at the next bar’s open</option>
        </select>
      </Field>
      <Field label="Slippage (bps)" error={errors.slippageBps}>
        <input value={slippage} onChange={(e) => setSlippage(e.target.value)} inputMode="decimal" />
      </Field>
      <Field
        label="Volume cap (% of a bar’s volume)"
        error={errors.volumeCap}
        hint="empty: no cap; above it the rest of an order is cancelled"
      >
        <input
          value={volumeCap}
          onChange={(e) => edit('volumeCap', setVolumeCap, e.target.value)}
          inputMode="decimal"
          name="volumeCap"
          placeholder="no cap"
        />
      </Field>
      {interval !== '1d' && (
        <>
          <Field
            label="Day-trade limit (in 5 sessions)"
            error={errors.maxDayTrades}
            hint="empty: no limit; a buy that would exceed it while equity is below the threshold"
          >
            <input
              value={dayTrades}
              onChange={(e) => edit('maxDayTrades', setDayTrades, e.target.value)}
              inputMode="numeric"
              name="maxDayTrades"
              placeholder="no limit"
            />
          </Field>
          {dayTrades.trim() !== '' && (
            <>
              <Field label="While equity is below ($)" error={errors.minEquityCents}>
                <input
                  value={dayTradeEquity}
                  onChange={(e) => edit('minEquityCents', setDayTradeEquity, e.target.value)}
                  inputMode="decimal"
                  name="dayTradeMinEquity"
                />
              </Field>
              <Field label="A buy over the limit">
                <select
                  value={dayTradeMode}
                  onChange={(e) => setDayTradeMode(e.target.value as 'warn' | 'block')}
                  name="dayTradeMode"
                >
                  <option value="block">is rejected</option>
                  <option value="warn">goes through with a warning</option>
                </select>
              </Field>
            </>
          )}
        </>
      )}
      <fieldset className="wide">
        <legend>Run</legend>
        <div className="row">
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'single'} onChange={() => setMode('single')} />{' '}
            One run
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'sweep'} onChange={() => setMode('sweep')} />{' '}
            Parameter sweep (every threshold × ratio; a heatmap against buy-and-hold)
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" checked={mode === 'walk'} onChange={() => setMode('walk')} />{' '}
            Walk-forward (each window’s settings chosen by a sweep of the months before it)
          </label>
        </div>
      </fieldset>
      {mode !== 'single' && (
        <>
          <Field label="Thresholds to try (%)" error={errors.thresholds}>
            <input value={thresholds} onChange={(e) => setThresholds(e.target.value)} name="thresholds" />
          </Field>
          <Field label="Rebalance ratios to try" error={errors.rebalanceRatios}>
            <input value={ratios} onChange={(e) => setRatios(e.target.value)} name="rebalanceRatios" />
          </Field>
        </>
      )}
      {mode === 'walk' && (
        <>
          <Field label="In-sample months" error={errors.inSampleMonths} hint="the sweep chooses on these">
            <input
              value={inSample}
              onChange={(e) => edit('inSampleMonths', setInSample, e.target.value)}
              inputMode="numeric"
              name="inSample"
            />
          </Field>
          <Field
            label="Out-of-sample months"
            error={errors.outOfSampleMonths}
            hint="then trades these with them"
          >
            <input
              value={outOfSample}
              onChange={(e) => edit('outOfSampleMonths', setOutOfSample, e.target.value)}
              inputMode="numeric"
              name="outOfSample"
            />
          </Field>
          <Field label="Chosen by">
            <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
              {(Object.keys(METRIC_LABELS) as Metric[]).map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      {formError && (
        <p className="banner error wide" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={starting}>
          {mode === 'sweep'
            ? 'Run the sweep'
            : mode === 'walk'
              ? 'Run the walk-forward'
              : 'Run the simulation'}
        </Button>
      </div>
    </form>
  );
}

/** Whole months between 1 and 600, in words when not. */
function months(text: string, label: string, errors: FieldErrors, key: string): number | undefined {
  const value = parseNumber(text, `${label} months`, errors, key);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > 600) {
    errors[key] = `${label} months must be a whole number between 1 and 600`;
    return undefined;
  }
  return value;
}
