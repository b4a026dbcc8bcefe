import { useState, type FormEvent } from 'react';
import type { DatasetDto } from '../../../../shared/ipc/dto/simulation';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import {
  issuesToErrors,
  parseList,
  parseNumber,
  parsePercent,
  type FieldErrors,
} from '../../lib/formParsing';
import { useSimulationStore } from '../../stores/simulationStore';

/** The set-up form (SPEC 5 "Input"): symbols and dates of the bundled history, money, strategy, fills, sweep. */
export function SetupForm({ dataset }: { dataset: DatasetDto }) {
  const starting = useSimulationStore((s) => s.starting);
  const [symbols, setSymbols] = useState<string[]>(['KO']);
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
  const [sweep, setSweep] = useState(false);
  const [thresholds, setThresholds] = useState('2, 3, 5, 8');
  const [ratios, setRatios] = useState('1, 1.6667, 2.5');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const toggle = (symbol: string) =>
    setSymbols(symbols.includes(symbol) ? symbols.filter((s) => s !== symbol) : [...symbols, symbol].sort());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (symbols.length === 0) found.symbols = 'Choose at least one symbol';
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
    const sweepThresholds = sweep
      ? parseList(thresholds, 'Thresholds', found, 'thresholds', 0.01)
      : undefined;
    const sweepRatios = sweep ? parseList(ratios, 'Rebalance ratios', found, 'rebalanceRatios') : undefined;
    setErrors(found);
    setFormError(null);
    if (
      Object.keys(found).length > 0 ||
      initialCash === undefined ||
      up === undefined ||
      rebalanceRatio === undefined
    )
      return;
    if (
      minStockPct === undefined ||
      maxStockPct === undefined ||
      commissionBps === undefined ||
      slippageBps === undefined
    )
      return;
    const r = await useSimulationStore.getState().start(
      {
        symbols,
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
      },
      sweep && sweepThresholds && sweepRatios
        ? { thresholds: sweepThresholds, rebalanceRatios: sweepRatios }
        : undefined,
    );
    if (r.ok) return;
    const fieldErrors = issuesToErrors(r.issues, {
      'setup.config.trigger.upThreshold': 'threshold',
      'setup.config.trigger.downThreshold': 'threshold',
      'setup.commissionRate': 'commissionRate',
      'sweep.thresholds': 'thresholds',
      'sweep.rebalanceRatios': 'rebalanceRatios',
    });
    setErrors(fieldErrors);
    setFormError(r.message);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Simulation set-up">
      <fieldset className="wide" aria-describedby={errors.symbols ? 'symbols-error' : undefined}>
        <legend>Symbols (bundled daily history)</legend>
        <div className="row">
          {dataset.symbols.map((symbol) => (
            <label key={symbol} className="checkbox">
              <input type="checkbox" checked={symbols.includes(symbol)} onChange={() => toggle(symbol)} />
              {symbol}
            </label>
          ))}
        </div>
        {errors.symbols && (
          <span id="symbols-error" className="field-error" role="alert">
            {errors.symbols}
          </span>
        )}
      </fieldset>
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
      <label className="checkbox wide">
        <input type="checkbox" checked={sweep} onChange={(e) => setSweep(e.target.checked)} />
        Parameter sweep (every threshold × ratio; a heatmap of the results)
      </label>
      {sweep && (
        <>
          <Field label="Thresholds to try (%)" error={errors.thresholds}>
            <input value={thresholds} onChange={(e) => setThresholds(e.target.value)} />
          </Field>
          <Field label="Rebalance ratios to try" error={errors.rebalanceRatios}>
            <input value={ratios} onChange={(e) => setRatios(e.target.value)} />
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
          {sweep ? 'Run the sweep' : 'Run the simulation'}
        </Button>
      </div>
    </form>
  );
}
