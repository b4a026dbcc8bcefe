import { useEffect, useMemo } from 'react';
import type { ExportFormat } from '../../../../shared/ipc/dto/app';
import type {
  MetricsDto,
  RunDetailDto,
  RunInfoDto,
  SimRiskEventDto,
  SimulationResultDto,
} from '../../../../shared/ipc/dto/simulation';
import { Figure } from '../../components/Figure';
import { RoundTripStatsFigures } from '../../components/RoundTripStatsFigures';
import { useResolvedTheme } from '../../app/theme';
import { Button } from '../../components/Button';
import { Badge, Card } from '../../components/Card';
import { ExportStatus } from '../../components/ExportStatus';
import { Empty, ErrorBanner, Loading, ProgressBar } from '../../components/States';
import { Legend, TimeSeriesChart, type ChartSeries } from '../../components/TimeSeriesChart';
import { money, pct, price, qty, ratio, signedPct } from '../../lib/format';
import { useExportsStore } from '../../stores/exportsStore';
import { useSimulationStore } from '../../stores/simulationStore';
import { SIM_RISK_EVENT_TITLES } from '../../../../shared/format/SimRiskEventWords';
import { Heatmap } from './Heatmap';
import { RiskEventsTable } from './RiskEventsTable';
import { SetupForm } from './SetupForm';
import { WalkForwardWindows } from './WalkForwardWindows';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'json', 'html', 'pdf'];
const COMPARE_COLOURS = ['--accent', '--anchor', '--warn', '--buy', '--sell'];
type RiskKind = SimRiskEventDto['kind'];

export function SimulationPage() {
  const dataset = useSimulationStore((s) => s.dataset);
  const datasetError = useSimulationStore((s) => s.datasetError);
  const runs = useSimulationStore((s) => s.runs);
  const selectedRunId = useSimulationStore((s) => s.selectedRunId);
  const detail = useSimulationStore((s) => s.detail);
  const detailError = useSimulationStore((s) => s.detailError);
  const compared = useSimulationStore((s) => s.compared);

  useEffect(() => {
    void useSimulationStore.getState().load();
  }, []);

  const selected = runs.find((r) => r.id === selectedRunId) ?? null;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Simulation</h1>
        <span className="muted small">
          Replays history through the same rules as the live loop; never touches live positions.
        </span>
      </div>
      <Card title="Set up">
        {datasetError ? (
          <ErrorBanner message={datasetError} onRetry={() => void useSimulationStore.getState().load()} />
        ) : dataset ? (
          <SetupForm dataset={dataset} />
        ) : (
          <Loading label="Reading the bundled history…" />
        )}
      </Card>
      <Card title="Runs">
        {runs.length === 0 ? (
          <Empty title="No runs yet">Set up a run above; its progress shows here.</Empty>
        ) : (
          <table className="table" aria-label="Simulation runs">
            <thead>
              <tr>
                <th>Run</th>
                <th>Status</th>
                <th style={{ width: '22%' }}>Progress</th>
                <th className="num">Strategy</th>
                <th className="num">Buy &amp; hold</th>
                <th>Compare</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <RunRow
                  key={r.id}
                  run={r}
                  selected={r.id === selectedRunId}
                  compared={compared[r.id] !== undefined}
                />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {Object.keys(compared).length > 0 && <CompareCard compared={compared} />}
      {selected && (
        <Card
          title={`Results — ${selected.symbols.join(', ')} ${selected.from} → ${selected.to}`}
          actions={
            selected.status === 'done' ? (
              <ExportButtons runId={selected.id} sweep={selected.kind !== 'single'} />
            ) : undefined
          }
        >
          <ExportStatus />
          {detailError && <ErrorBanner message={detailError} />}
          {selected.status === 'running' && <Loading label="Running…" />}
          {selected.status === 'failed' && <ErrorBanner message={selected.error ?? 'The run failed.'} />}
          {selected.status === 'cancelled' && <Empty title="Cancelled" />}
          {selected.status === 'done' && !detail && <Loading />}
          {selected.status === 'done' && detail?.run.id === selected.id && <Results detail={detail} />}
        </Card>
      )}
    </div>
  );
}

function RunRow({ run, selected, compared }: { run: RunInfoDto; selected: boolean; compared: boolean }) {
  const tone =
    run.status === 'done'
      ? 'ok'
      : run.status === 'failed'
        ? 'danger'
        : run.status === 'cancelled'
          ? 'warn'
          : 'info';
  return (
    <tr aria-selected={selected} data-testid="run-row">
      <td>
        <strong>
          {run.kind === 'sweep' ? 'Sweep' : run.kind === 'walk_forward' ? 'Walk-forward' : 'Run'}
        </strong>{' '}
        {run.symbols.join(', ')}
        {/* Dates never break at their hyphens; the range may wrap at the arrow. */}
        <div className="small muted">
          <span className="nowrap">{run.from}</span> → <span className="nowrap">{run.to}</span>
        </div>
      </td>
      <td>
        <Badge tone={tone}>{run.status}</Badge>
      </td>
      <td>
        {run.status === 'running' ? (
          <div className="stack">
            <ProgressBar
              done={run.progress.done}
              total={run.progress.total}
              label={`Progress of ${run.symbols.join(', ')}`}
            />
            <span className="small muted" data-testid="run-progress">
              {run.progress.total > 0
                ? `${Math.round((run.progress.done / run.progress.total) * 100)} %`
                : 'starting…'}
            </span>
          </div>
        ) : (
          <span className="small muted">{run.error ?? (run.status === 'done' ? 'finished' : '')}</span>
        )}
      </td>
      <td className="num">{signedPct(run.totalReturn, 1)}</td>
      <td className="num">{signedPct(run.buyHoldReturn, 1)}</td>
      <td>
        {run.kind === 'single' && run.status === 'done' && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={compared}
              onChange={() => void useSimulationStore.getState().toggleCompare(run.id)}
            />
            <span className="sr-only">Compare this run</span>
          </label>
        )}
      </td>
      <td>
        <div className="row" style={{ flexWrap: 'nowrap' }}>
          {run.status === 'running' && (
            <Button small variant="danger" onClick={() => void useSimulationStore.getState().cancel(run.id)}>
              Cancel
            </Button>
          )}
          <Button
            small
            variant={selected ? 'primary' : 'secondary'}
            onClick={() => void useSimulationStore.getState().select(run.id)}
          >
            {selected ? 'Shown' : 'Show'}
          </Button>
        </div>
      </td>
    </tr>
  );
}

function ExportButtons({ runId, sweep }: { runId: string; sweep: boolean }) {
  const busy = useExportsStore((s) => s.busy);
  return (
    <div className="row">
      <span className="small muted">Export</span>
      {FORMATS.filter((f) => !sweep || f === 'csv' || f === 'json').map((f) => (
        <Button
          key={f}
          small
          busy={busy === `simulation.${f}`}
          onClick={() => void useSimulationStore.getState().exportRun(runId, f)}
        >
          {f.toUpperCase()}
        </Button>
      ))}
    </div>
  );
}

const METRIC_ROWS: { key: keyof MetricsDto; label: string; format: (v: number | null) => string }[] = [
  { key: 'totalReturn', label: 'Total return', format: (v) => signedPct(v) },
  { key: 'cagr', label: 'CAGR', format: (v) => signedPct(v) },
  { key: 'annualVolatility', label: 'Volatility (annual)', format: (v) => pct(v) },
  { key: 'sharpe', label: 'Sharpe', format: (v) => ratio(v) },
  { key: 'sortino', label: 'Sortino', format: (v) => ratio(v) },
  { key: 'maxDrawdown', label: 'Max drawdown', format: (v) => pct(v) },
  {
    key: 'maxDrawdownDurationBars',
    label: 'Longest drawdown (days)',
    format: (v) => (v === null ? '—' : String(v)),
  },
  { key: 'calmar', label: 'Calmar', format: (v) => ratio(v) },
  { key: 'var95', label: 'VaR 95 % (daily)', format: (v) => pct(v) },
  { key: 'cvar95', label: 'CVaR 95 % (daily)', format: (v) => pct(v) },
  { key: 'tradeCount', label: 'Trades', format: (v) => (v === null ? '—' : String(v)) },
  { key: 'commissionsCents', label: 'Commissions', format: (v) => money(v) },
  { key: 'dividendsCents', label: 'Dividends', format: (v) => money(v) },
];

function Results({ detail }: { detail: RunDetailDto }) {
  const theme = useResolvedTheme();
  const result = detail.result;
  const charts = useMemo(() => {
    if (!result) return null;
    const dates = result.equity.dates;
    const line = (values: number[], scale: number) =>
      values.map((v, i) => ({ time: dates[i] as string, value: v * scale }));
    const equity: ChartSeries[] = [
      {
        id: 'bh',
        label: 'Buy and hold',
        color: '--muted',
        data: line(result.equity.buyHoldEquityCents, 0.01),
        format: 'money',
        width: 2,
      },
      {
        id: 'strategy',
        label: 'Strategy',
        color: '--accent',
        data: line(result.equity.equityCents, 0.01),
        format: 'money',
        width: 2,
      },
    ];
    const drawdown: ChartSeries[] = [
      {
        id: 'bhdd',
        label: 'Buy and hold drawdown',
        color: '--muted',
        data: line(result.equity.buyHoldDrawdown, 1),
        format: 'percent',
        width: 1,
      },
      {
        id: 'dd',
        label: 'Strategy drawdown',
        color: '--sell',
        data: line(result.equity.drawdown, 1),
        format: 'percent',
        kind: 'area',
        width: 1,
      },
    ];
    return { equity, drawdown };
  }, [result]);
  const riskEvents = useMemo(() => result?.riskEvents ?? [], [result]);
  const riskByTrade = useMemo(
    () => new Map(riskEvents.flatMap((e) => (e.tradeSeq === null ? [] : [[e.tradeSeq, e.kind] as const]))),
    [riskEvents],
  );

  if (detail.sweep) {
    return (
      <div className="stack">
        <Heatmap sweep={detail.sweep} />
        <p className="small muted">
          {detail.sweep.cells.length} parameter sets; hover or focus a cell for its trades.
        </p>
      </div>
    );
  }
  if (!result || !charts) return <Empty title="No result" />;
  return (
    <div className="stack">
      {detail.walkForward && <WalkForwardWindows view={detail.walkForward} />}
      <div className="grid cols-2">
        <div>
          <h3>Equity vs buy and hold</h3>
          <TimeSeriesChart
            series={charts.equity}
            theme={theme}
            label="Equity of the strategy beside buy and hold"
          />
          <Legend series={charts.equity} />
        </div>
        <div>
          <h3>Drawdown</h3>
          <TimeSeriesChart
            series={charts.drawdown}
            theme={theme}
            label="Drawdown of the strategy beside buy and hold"
          />
          <Legend series={charts.drawdown} />
        </div>
      </div>
      <div className="grid cols-2">
        <div>
          <h3>Metrics</h3>
          <table className="table" aria-label="Metrics" data-testid="metrics">
            <thead>
              <tr>
                <th>Metric</th>
                <th className="num">Strategy</th>
                <th className="num">Buy &amp; hold</th>
              </tr>
            </thead>
            <tbody>
              {METRIC_ROWS.map((m) => (
                <tr key={m.key}>
                  <td>{m.label}</td>
                  <td className="num">{m.format(result.metrics.strategy[m.key])}</td>
                  <td className="num">{m.format(result.metrics.buyAndHold[m.key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {/* A walk-forward's windows stand for its positions and trades (each window is its own run). */}
        <div hidden={detail.walkForward != null}>
          <h3>Positions</h3>
          <table className="table" aria-label="Positions of the run">
            <thead>
              <tr>
                <th>Symbol</th>
                <th className="num">Final value</th>
                <th className="num">Trades</th>
                <th className="num">Commissions</th>
                <th className="num">Dividends</th>
              </tr>
            </thead>
            <tbody>
              {result.positions.map((p) => (
                <tr key={p.symbol}>
                  <td>{p.symbol}</td>
                  <td className="num">{money(p.finalEquityCents)}</td>
                  <td className="num">{p.trades}</td>
                  <td className="num">{money(p.commissionsCents)}</td>
                  <td className="num">{money(p.dividendsNetCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {riskEvents.length > 0 && <RiskEventsTable events={riskEvents} />}
      <div hidden={detail.walkForward != null}>
        <h3>
          Trades ({result.trades.length}
          {result.tradesTruncated ? '+, the export has them all' : ''})
        </h3>
        <div className="table-wrap" style={{ maxHeight: 360, overflowY: 'auto' }}>
          <table className="table" aria-label="Trades of the run">
            <thead>
              <tr>
                <th>#</th>
                <th>Filled</th>
                <th>Symbol</th>
                <th>Side</th>
                <th>Status</th>
                <th className="num">Qty</th>
                <th className="num">Price</th>
                <th className="num">Notional</th>
                <th className="num">Cash after</th>
              </tr>
            </thead>
            <tbody>
              {result.trades.slice(0, 500).map((t) => (
                <tr key={t.seq}>
                  <td>{t.seq}</td>
                  <td className="mono">{(t.filledAt ?? t.decidedAt).slice(0, 10)}</td>
                  <td>{t.symbol}</td>
                  <td className={t.side === 'BUY' ? 'buy' : 'sell'}>{t.side}</td>
                  <td>
                    {t.status.toLowerCase()}
                    {riskByTrade.has(t.seq) && (
                      <>
                        {' '}
                        <Badge tone="warn">{SIM_RISK_EVENT_TITLES[riskByTrade.get(t.seq) as RiskKind]}</Badge>
                      </>
                    )}
                  </td>
                  <td className="num">{qty(t.qty)}</td>
                  <td className="num">{price(t.price)}</td>
                  <td className="num">{money(t.notionalCents)}</td>
                  <td className="num">{money(t.cashAfterCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {result.roundTrips && detail.walkForward == null && <RoundTripsSection rt={result.roundTrips} />}
    </div>
  );
}

/** SPEC 8's trade tracker on the run (issue 16): the statistics and each round trip, with how each figure is computed. */
function RoundTripsSection({ rt }: { rt: NonNullable<SimulationResultDto['roundTrips']> }) {
  const s = rt.stats;
  return (
    <div data-testid="sim-round-trips">
      <h3>
        Round trips ({s.count}
        {rt.truncated ? `, the newest ${rt.trips.length} shown; the export has them all` : ''})
      </h3>
      <RoundTripStatsFigures stats={s} testId="sim-round-trip-stats">
        <span title="Sales at a loss with shares of the same symbol bought within 30 days before or after (tax view; the loss moves into the replacement shares' cost)">
          wash sales {rt.washSales.count} ({money(rt.washSales.disallowedCents)} disallowed)
        </span>
      </RoundTripStatsFigures>
      <div className="table-wrap" style={{ maxHeight: 360, overflowY: 'auto' }}>
        <table className="table" aria-label="Round trips of the run">
          <thead>
            <tr>
              <th>Symbol</th>
              <th>Bought</th>
              <th>Sold</th>
              <th className="num">Shares</th>
              <th className="num">Entry</th>
              <th className="num">Exit</th>
              <th className="num">P&amp;L</th>
              <th className="num">Return</th>
              <th className="num">Days</th>
            </tr>
          </thead>
          <tbody>
            {rt.trips.slice(0, 500).map((t) => (
              <tr key={`${t.saleId}-${t.lotId}`}>
                <td>{t.symbol}</td>
                <td className="mono">{t.entryDate}</td>
                <td className="mono">{t.exitDate}</td>
                <td className="num">{qty(t.qty)}</td>
                <td className="num">{price(t.entryPrice)}</td>
                <td className="num">{price(t.exitPrice)}</td>
                <td className="num">
                  <Figure
                    value={t.pnlCents}
                    kind="money"
                    how="Share of (notional − commission) of the sale − share of the lot's cost"
                  />
                </td>
                <td className="num">
                  <Figure value={t.return} kind="percent" how="P&L ÷ cost" />
                </td>
                <td className="num">{t.holdingDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CompareCard({ compared }: { compared: Record<string, RunDetailDto> }) {
  const theme = useResolvedTheme();
  const series = useMemo<ChartSeries[]>(
    () =>
      Object.values(compared).flatMap((d, i) => {
        const r = d.result;
        if (!r) return [];
        const start = r.equity.equityCents[0] ?? 1;
        return [
          {
            id: d.run.id,
            label: `${d.run.symbols.join(', ')} ${d.run.from}→${d.run.to}`,
            color: COMPARE_COLOURS[i % COMPARE_COLOURS.length] as string,
            data: r.equity.dates.map((date, k) => ({
              time: date,
              value: (r.equity.equityCents[k] ?? start) / start - 1,
            })),
            format: 'percent' as const,
          },
        ];
      }),
    [compared],
  );
  return (
    <Card title="Compare runs (growth since each run’s start)">
      <TimeSeriesChart series={series} theme={theme} height="small" label="Growth of the compared runs" />
      <Legend series={series} />
    </Card>
  );
}
