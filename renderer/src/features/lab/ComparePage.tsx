import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ExportFormat } from '../../../../shared/ipc/dto/app';
import type { CompareRequestDto, CompareResultDto } from '../../../../shared/ipc/dto/lab';
import type { MetricsDto } from '../../../../shared/ipc/dto/simulation';
import { useResolvedTheme } from '../../app/theme';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ExportStatus } from '../../components/ExportStatus';
import { Field } from '../../components/Field';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import {
  Legend,
  TimeSeriesChart,
  type ChartMarker,
  type ChartSeries,
} from '../../components/TimeSeriesChart';
import { money, pct, ratio, signedPct } from '../../lib/format';
import { parseNumber, parseOptionalNumber, parsePercent, type FieldErrors } from '../../lib/formParsing';
import { useLabStore } from '../../stores/labStore';
import { useSimulationStore } from '../../stores/simulationStore';

type StrategyId = CompareRequestDto['strategies'][number]['id'];
type SizerId = NonNullable<CompareRequestDto['sizer']>['id'];

/** The strategies and their parameters (SPEC 10's defaults), as the page offers them. */
const STRATEGIES: { id: StrategyId; label: string; params: string }[] = [
  { id: 'vb', label: 'Volatility balancing', params: '' },
  { id: 'buy_and_hold', label: 'Buy and hold', params: '' },
  { id: 'sma_cross', label: 'SMA crossover (fast, slow)', params: '50, 200' },
  { id: 'macd', label: 'MACD (fast, slow, signal)', params: '12, 26, 9' },
  { id: 'momentum', label: 'Momentum (lookback)', params: '126' },
  { id: 'bollinger', label: 'Bollinger (period, width)', params: '20, 2' },
  { id: 'rsi', label: 'RSI (period, buy below, sell above)', params: '14, 30, 70' },
];
const SIZERS: { id: SizerId; label: string; params: string }[] = [
  { id: 'percent', label: 'Percent of equity (fraction)', params: '0.95' },
  { id: 'fixed', label: 'Fixed quantity (shares)', params: '100' },
  { id: 'risk', label: 'Risk-based (risk, stop fraction)', params: '0.01, 0.05' },
  { id: 'kelly', label: 'Kelly (fraction, fallback)', params: '0.5, 0.5' },
  { id: 'volatility', label: 'Volatility (risk, ATR multiple)', params: '0.01, 2' },
];
const COLOURS = ['--accent', '--anchor', '--warn', '--buy', '--sell', '--muted'];
const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'json', 'html', 'pdf'];

type Kind = 'signed' | 'pct' | 'ratio' | 'count' | 'money';
const ROWS: { key: keyof MetricsDto; label: string; kind: Kind }[] = [
  { key: 'totalReturn', label: 'Total return', kind: 'signed' },
  { key: 'cagr', label: 'CAGR', kind: 'signed' },
  { key: 'annualVolatility', label: 'Annual volatility', kind: 'pct' },
  { key: 'sharpe', label: 'Sharpe', kind: 'ratio' },
  { key: 'sortino', label: 'Sortino', kind: 'ratio' },
  { key: 'maxDrawdown', label: 'Max drawdown', kind: 'pct' },
  { key: 'calmar', label: 'Calmar', kind: 'ratio' },
  { key: 'var95', label: 'VaR 95 % (daily)', kind: 'pct' },
  { key: 'cvar95', label: 'CVaR 95 % (daily)', kind: 'pct' },
  { key: 'turnover', label: 'Turnover', kind: 'ratio' },
  { key: 'tradeCount', label: 'Trades', kind: 'count' },
  { key: 'commissionsCents', label: 'Commissions', kind: 'money' },
  { key: 'dividendsCents', label: 'Dividends', kind: 'money' },
];

function show(v: number | null | undefined, kind: Kind): string {
  if (kind === 'signed') return signedPct(v ?? null);
  if (kind === 'pct') return pct(v ?? null);
  if (kind === 'money') return money(v ?? null);
  if (kind === 'count') return v === null || v === undefined ? '—' : String(v);
  return ratio(v ?? null);
}

/** "12, 26, 9" → [12, 26, 9]; a blank takes the defaults. */
function numbers(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v)) ? values : null;
}

interface Entry {
  key: number;
  id: StrategyId;
  params: string;
}

export function ComparePage() {
  const dataset = useSimulationStore((s) => s.dataset);
  const result = useLabStore((s) => s.result);
  const running = useLabStore((s) => s.running);
  const error = useLabStore((s) => s.error);
  useEffect(() => {
    if (!useSimulationStore.getState().dataset) void useSimulationStore.getState().load();
  }, []);
  return (
    <div className="page">
      <div className="page-header">
        <h1>Compare strategies</h1>
        <span className="muted small">
          Volatility balancing beside the classic strategies, on the same symbols, dates, capital and costs.
        </span>
      </div>
      <Card title="Strategies">
        {dataset ? (
          <CompareForm symbols={dataset.symbols} running={running} />
        ) : (
          <Loading label="Reading the bundled history…" />
        )}
        {error && <ErrorBanner message={error} />}
      </Card>
      {running && <Loading label="Running every strategy on 2 worker threads…" />}
      {result ? (
        <CompareResults result={result} />
      ) : (
        !running && <Empty title="No comparison yet">Choose strategies above and compare them.</Empty>
      )}
    </div>
  );
}

function CompareForm({ symbols: available, running }: { symbols: string[]; running: boolean }) {
  const [symbols, setSymbols] = useState<string[]>(['KO']);
  const [from, setFrom] = useState('2005-01-01');
  const [to, setTo] = useState('2019-12-31');
  const [cash, setCash] = useState('100000');
  const [entries, setEntries] = useState<Entry[]>([
    { key: 1, id: 'vb', params: '' },
    { key: 2, id: 'macd', params: '12, 26, 9' },
    { key: 3, id: 'sma_cross', params: '50, 200' },
  ]);
  const [sizer, setSizer] = useState<SizerId>('percent');
  const [sizerParams, setSizerParams] = useState('0.95');
  const [fill, setFill] = useState<'close' | 'next_open' | 'vwap'>('close');
  const [positionStop, setPositionStop] = useState('');
  const [trailingStop, setTrailingStop] = useState('');
  const [maxQty, setMaxQty] = useState('');
  const [dailyLoss, setDailyLoss] = useState('');
  const [breaker, setBreaker] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Per-field messages (cash and the risk limits).
  const [riskErrors, setRiskErrors] = useState<FieldErrors>({});

  const toggle = (s: string) =>
    setSymbols(symbols.includes(s) ? symbols.filter((x) => x !== s) : [...symbols, s].sort());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const strategies = entries.map((x) => ({ id: x.id, params: numbers(x.params) }));
    const sp = numbers(sizerParams);
    if (symbols.length === 0) return setProblem('Choose at least one symbol.');
    if (strategies.some((s) => s.params === null) || sp === null)
      return setProblem('Parameters are numbers separated by commas, e.g. 12, 26, 9.');
    const found: FieldErrors = {};
    // The one number reader (the user's decimal separator, messages in their units).
    const amount = parseNumber(cash, 'Cash per symbol', found, 'cash');
    if (amount !== undefined && !(amount > 0))
      found.cash = 'Cash per symbol is a positive amount of dollars.';
    // SPEC 9's limits for every strategy of the compare; a blank field is off.
    const risk = {
      positionStopPct:
        positionStop.trim() === ''
          ? null
          : (parsePercent(positionStop, 'Position stop', found, 'positionStopPct') ?? null),
      trailingStopPct:
        trailingStop.trim() === ''
          ? null
          : (parsePercent(trailingStop, 'Trailing stop', found, 'trailingStopPct') ?? null),
      maxPositionQty: parseOptionalNumber(maxQty, 'Largest position', found, 'maxPositionQty') ?? null,
      dailyLossLimitPct:
        dailyLoss.trim() === ''
          ? null
          : (parsePercent(dailyLoss, 'Daily loss stop', found, 'dailyLossLimitPct') ?? null),
      maxDrawdownPct:
        breaker.trim() === ''
          ? null
          : (parsePercent(breaker, 'Drawdown circuit breaker', found, 'maxDrawdownPct') ?? null),
    };
    setRiskErrors(found);
    if (Object.keys(found).length > 0 || amount === undefined) return setProblem(null);
    const anyRisk = Object.values(risk).some((v) => v !== null);
    setProblem(null);
    void useLabStore.getState().compare({
      symbols,
      from,
      to,
      initialCash: amount,
      strategies: strategies.map((s) => ({ id: s.id, params: s.params ?? [] })),
      sizer: { id: sizer, params: sp },
      fill,
      ...(anyRisk ? { risk } : {}),
    });
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Compare strategies">
      <fieldset className="wide">
        <legend>Symbols (bundled daily history)</legend>
        <div className="row">
          {available.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={symbols.includes(s)} onChange={() => toggle(s)} />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <>
        <Field label="From">
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="To">
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label="Cash per symbol ($)" error={riskErrors.cash}>
          <input inputMode="decimal" value={cash} onChange={(e) => setCash(e.target.value)} />
        </Field>
        <Field label="Fills at">
          <select value={fill} onChange={(e) => setFill(e.target.value as typeof fill)}>
            <option value="close">the close</option>
            <option value="next_open">the next open</option>
            <option value="vwap">the typical price</option>
          </select>
        </Field>
        <Field label="Sizer">
          <select
            value={sizer}
            onChange={(e) => {
              const next =
                SIZERS.find((x) => x.id === e.target.value) ?? (SIZERS[0] as (typeof SIZERS)[number]);
              setSizer(next.id);
              setSizerParams(next.params);
            }}
          >
            {SIZERS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sizer parameters">
          <input value={sizerParams} onChange={(e) => setSizerParams(e.target.value)} />
        </Field>
        <Field
          label="Position stop (%)"
          hint="Risk limit for every strategy; blank is off"
          error={riskErrors.positionStopPct}
        >
          <input inputMode="decimal" value={positionStop} onChange={(e) => setPositionStop(e.target.value)} />
        </Field>
        <Field label="Trailing stop (%)" hint="Blank is off" error={riskErrors.trailingStopPct}>
          <input inputMode="decimal" value={trailingStop} onChange={(e) => setTrailingStop(e.target.value)} />
        </Field>
        <Field label="Largest position (shares)" hint="Blank is off" error={riskErrors.maxPositionQty}>
          <input inputMode="decimal" value={maxQty} onChange={(e) => setMaxQty(e.target.value)} />
        </Field>
        <Field
          label="Daily loss stop (%)"
          hint="Portfolio; blank is off"
          error={riskErrors.dailyLossLimitPct}
        >
          <input inputMode="decimal" value={dailyLoss} onChange={(e) => setDailyLoss(e.target.value)} />
        </Field>
        <Field
          label="Drawdown circuit breaker (%)"
          hint="Portfolio; blank is off"
          error={riskErrors.maxDrawdownPct}
        >
          <input inputMode="decimal" value={breaker} onChange={(e) => setBreaker(e.target.value)} />
        </Field>
      </>
      <div className="wide table-wrap">
        <table className="table" aria-label="Strategies to compare">
          <thead>
            <tr>
              <th>Strategy</th>
              <th>Parameters</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.key}>
                <td>
                  <select
                    aria-label="Strategy"
                    value={entry.id}
                    onChange={(e) => {
                      const next =
                        STRATEGIES.find((x) => x.id === e.target.value) ??
                        (STRATEGIES[0] as (typeof STRATEGIES)[number]);
                      setEntries(
                        entries.map((x) =>
                          x.key === entry.key ? { ...x, id: next.id, params: next.params } : x,
                        ),
                      );
                    }}
                  >
                    {STRATEGIES.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label="Parameters"
                    value={entry.params}
                    disabled={entry.id === 'vb' || entry.id === 'buy_and_hold'}
                    onChange={(e) =>
                      setEntries(
                        entries.map((x) => (x.key === entry.key ? { ...x, params: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <Button
                    small
                    variant="ghost"
                    type="button"
                    aria-label="Remove"
                    disabled={entries.length === 1}
                    onClick={() => setEntries(entries.filter((x) => x.key !== entry.key))}
                  >
                    ✕
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions wide">
        <Button
          type="button"
          disabled={entries.length >= 12}
          onClick={() =>
            setEntries([
              ...entries,
              { key: Math.max(0, ...entries.map((x) => x.key)) + 1, id: 'rsi', params: '14, 30, 70' },
            ])
          }
        >
          Add a strategy
        </Button>
        <span className="spacer" />
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
        <Button type="submit" variant="primary" busy={running} disabled={running}>
          Compare
        </Button>
      </div>
    </form>
  );
}

function CompareResults({ result }: { result: CompareResultDto }) {
  const theme = useResolvedTheme();
  const labels = [...result.rows.map((r) => r.label), 'Buy and hold'];
  const metrics = [...result.rows.map((r) => r.metrics), result.buyAndHold.metrics];
  const finals = [
    ...result.rows.map((r) => r.finalEquityCents),
    result.buyAndHold.equityCents.at(-1) ?? null,
  ];
  const series: ChartSeries[] = useMemo(
    () => [
      ...result.rows.map((r, k) => ({
        id: `s${k}`,
        label: r.label,
        color: COLOURS[k % COLOURS.length] as string,
        data: r.equityCents.map((v, i) => ({ time: result.dates[i] as string, value: v / 100 })),
        format: 'money' as const,
      })),
      {
        id: 'bh',
        label: 'Buy and hold',
        color: '--muted',
        dashed: true,
        data: result.buyAndHold.equityCents.map((v, i) => ({
          time: result.dates[i] as string,
          value: v / 100,
        })),
        format: 'money' as const,
      },
    ],
    [result],
  );
  const [markerRow, setMarkerRow] = useState(0);
  const [markerSymbol, setMarkerSymbol] = useState(result.symbols[0] as string);
  const symbol = result.symbols.includes(markerSymbol) ? markerSymbol : (result.symbols[0] as string);
  const row = result.rows[Math.min(markerRow, result.rows.length - 1)];
  const priceSeries: ChartSeries[] = useMemo(
    () => [
      {
        id: 'price',
        label: `${symbol} close`,
        color: '--accent',
        data: (result.closes[symbol] ?? []).flatMap((v, i) =>
          v === null ? [] : [{ time: result.dates[i] as string, value: v }],
        ),
        format: 'price' as const,
      },
    ],
    [result, symbol],
  );
  const markers: ChartMarker[] = useMemo(
    () =>
      (row?.markers ?? [])
        .filter((m) => m.symbol === symbol)
        .map((m) => ({
          seriesId: 'price',
          time: m.at.slice(0, 10),
          above: m.side === 'SELL',
          color: m.side === 'BUY' ? '--buy' : '--sell',
          text: m.side === 'BUY' ? 'B' : 'S',
        })),
    [row, symbol],
  );

  return (
    <>
      <Card
        title={`Equity, ${result.symbols.join(', ')}, ${result.firstSession} to ${result.lastSession}`}
        actions={
          <div className="row" role="group" aria-label="Export the comparison">
            {FORMATS.map((f) => (
              <Button key={f} small onClick={() => void useLabStore.getState().exportCompare(f)}>
                {f.toUpperCase()}
              </Button>
            ))}
          </div>
        }
      >
        <ExportStatus />
        <TimeSeriesChart series={series} theme={theme} label="Equity of each strategy and buy-and-hold" />
        <Legend series={series} />
      </Card>
      <Card title="Metrics (★ the best of each row)">
        <div className="table-wrap">
          <table className="table compare" aria-label="Metrics of each strategy">
            <thead>
              <tr>
                <th />
                {labels.map((l) => (
                  <th key={l} className="num">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Final equity</th>
                {finals.map((v, k) => (
                  <td key={k} className="num">
                    {money(v)}
                  </td>
                ))}
              </tr>
              {ROWS.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {metrics.map((m, k) => {
                    const best = result.best[r.key] === k;
                    return (
                      <td
                        key={k}
                        className={best ? 'num best' : 'num'}
                        aria-label={best ? 'best' : undefined}
                      >
                        {show(m[r.key] as number | null, r.kind)}
                        {best && ' ★'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Round trips">
        <div className="table-wrap">
          <table className="table" aria-label="Round-trip statistics">
            <thead>
              <tr>
                <th>Strategy</th>
                <th className="num">Round trips</th>
                <th className="num">Win rate</th>
                <th className="num">Average win</th>
                <th className="num">Average loss</th>
                <th className="num">Profit factor</th>
                <th className="num">Expectancy</th>
                <th className="num">Orders rejected</th>
                <th className="num">Stop exits</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  <td className="num">{r.roundTrips.count}</td>
                  <td className="num">{pct(r.roundTrips.winRate)}</td>
                  <td className="num">
                    {money(
                      r.roundTrips.averageWinCents === null ? null : Math.round(r.roundTrips.averageWinCents),
                    )}
                  </td>
                  <td className="num">
                    {money(
                      r.roundTrips.averageLossCents === null
                        ? null
                        : Math.round(r.roundTrips.averageLossCents),
                    )}
                  </td>
                  <td className="num">{ratio(r.roundTrips.profitFactor)}</td>
                  <td className="num">
                    {money(
                      r.roundTrips.expectancyCents === null ? null : Math.round(r.roundTrips.expectancyCents),
                    )}
                  </td>
                  <td className="num">{r.rejected}</td>
                  <td className="num">{r.riskExits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card
        title="Trades on the price"
        actions={
          <div className="row">
            <select
              aria-label="Strategy whose trades are shown"
              value={markerRow}
              onChange={(e) => setMarkerRow(Number(e.target.value))}
            >
              {result.rows.map((r, k) => (
                <option key={r.label} value={k}>
                  {r.label}
                </option>
              ))}
            </select>
            <select aria-label="Symbol" value={symbol} onChange={(e) => setMarkerSymbol(e.target.value)}>
              {result.symbols.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        }
      >
        <TimeSeriesChart
          series={priceSeries}
          markers={markers}
          theme={theme}
          label={`${symbol} closes with the trades of ${row?.label ?? ''}`}
        />
      </Card>
    </>
  );
}
