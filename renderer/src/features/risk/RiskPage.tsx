import { useEffect, useMemo } from 'react';
import type { ConfigPatch } from '../../../../shared/ipc/dto/config';
import { Button } from '../../components/Button';
import { Badge, Card } from '../../components/Card';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { PortfolioPicker } from '../positions/PortfolioPicker';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { useRiskStore } from '../../stores/riskStore';
import { useTradingSettingsStore } from '../../stores/tradingSettingsStore';
import { StrategyForm } from '../settings/StrategyForm';
import { fieldId, valuesOf } from '../settings/strategyFieldText';
import type { RiskAlertDto, RiskFiguresDto, RiskReportDto } from '../../../../shared/ipc/dto/risk';
import { formatDateTime, formatDollars, formatPercent, formatRatio } from '../../../../shared/format/Format';

const HOW = {
  hvar: 'Historical VaR: the loss at the (1 − confidence) quantile of the window’s daily portfolio P&L (Σ value × daily return); 10-day = 1-day × √10.',
  hcvar:
    'Historical CVaR: the mean of the daily P&L losses at or beyond the historical VaR; 10-day = 1-day × √10.',
  pvar: 'Parametric VaR: z × σp, σp = √(vᵀΣv) from the sample covariance of daily returns (z = 1.645 at 95 %, 2.326 at 99 %); 10-day × √10.',
  beta: 'Beta of the stock portfolio’s daily return (P&L / stock value) against the benchmark’s, over the window.',
  conc: 'Largest holding’s share of stock value; Herfindahl index = Σ weight².',
  cvar: 'Component VaR (parametric, 1 day): z × vᵢ × (Σv)ᵢ / σp; the components add up to the parametric VaR.',
  corr: 'Pearson correlation of the holdings’ daily returns over the window.',
  stress:
    'Historical windows: each holding’s own return over the window (the benchmark’s when it has no history then, flagged); shocks: every stock by the given percentage. As a share of equity (stock + cash).',
  hist: 'Daily portfolio P&L over the window, oldest first, in 30 bins; the line is the historical 1-day VaR at 99 %.',
};

export function RiskPage() {
  const report = useRiskStore((s) => s.report);
  const error = useRiskStore((s) => s.error);
  // The portfolio picked here or on another page (the first one by default).
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const load = () => void useRiskStore.getState().load(usePortfolioStore.getState().selectedId);
  useEffect(() => {
    if (!usePortfolioStore.getState().loaded) void usePortfolioStore.getState().load();
  }, []);
  useEffect(() => {
    void useRiskStore.getState().load(selectedId);
  }, [selectedId]);
  return (
    <div className="page risk-page">
      <div className="page-header">
        <h1>Risk</h1>
        <span className="spacer" />
        <PortfolioPicker />
        <Button small onClick={load}>
          Refresh
        </Button>
      </div>
      {error && <ErrorBanner message={error} onRetry={load} />}
      {!report && !error && <Loading />}
      {report && <RiskReport report={report} />}
    </div>
  );
}

function RiskReport({ report }: { report: RiskReportDto }) {
  const f = report.figures;
  return (
    <>
      {f === null ? (
        <Empty title="No risk figures yet">
          {report.reason ?? 'Nothing to measure.'} Risk is measured on the shares held, with at least two
          sessions of shared daily history.
        </Empty>
      ) : (
        <Figures f={f} />
      )}
      <Alerts />
      {report.stress.length > 0 && f !== null && <Stress report={report} equity={f.equity} />}
      <Limits report={report} />
    </>
  );
}

function Figures({ f }: { f: RiskFiguresDto }) {
  const l99 = f.levels.find((l) => l.confidence === 0.99);
  return (
    <>
      <p className="muted">
        As of <span className="nowrap">{f.asOf}</span>: {f.sessions} daily returns from{' '}
        <span className="nowrap">{f.from}</span>; stock {formatDollars(f.stockValue)}, equity{' '}
        {formatDollars(f.equity)}.
      </p>
      <Card title="Value at risk">
        <div className="table-wrap">
          <table className="table risk-var-table" aria-label="Value at risk">
            <thead>
              <tr>
                <th>Loss not exceeded at</th>
                {f.levels.map((l) => (
                  <th key={`1d-${l.confidence}`} className="num">
                    {formatPercent(l.confidence, { digits: 0 })}, 1 day
                  </th>
                ))}
                {f.levels.map((l) => (
                  <th key={`10d-${l.confidence}`} className="num">
                    {formatPercent(l.confidence, { digits: 0 })}, 10 days
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Historical VaR', HOW.hvar, 'historicalVar1d', 'historicalVar1dPct', 'historicalVar10d'],
                  [
                    'Historical CVaR',
                    HOW.hcvar,
                    'historicalCvar1d',
                    'historicalCvar1dPct',
                    'historicalCvar10d',
                  ],
                  ['Parametric VaR', HOW.pvar, 'parametricVar1d', 'parametricVar1dPct', 'parametricVar10d'],
                ] as const
              ).map(([name, how, oneDay, pct, tenDays]) => (
                <tr key={name} title={how}>
                  <th scope="row">{name}</th>
                  {f.levels.map((l) => (
                    <td key={`1d-${l.confidence}`} className="num">
                      {formatDollars(l[oneDay])} <span className="muted">({formatPercent(l[pct])})</span>
                    </td>
                  ))}
                  {f.levels.map((l) => (
                    <td key={`10d-${l.confidence}`} className="num">
                      {formatDollars(l[tenDays])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="row risk-facts">
          <span title={HOW.beta}>
            Beta to {f.benchmark ?? 'benchmark'}: <strong>{formatRatio(f.beta)}</strong>
          </span>
          <span title={HOW.conc}>
            Largest holding: <strong>{f.concentration.largestSymbol ?? '—'}</strong>{' '}
            {formatPercent(f.concentration.largestWeight)} · Herfindahl{' '}
            <strong>{formatRatio(f.concentration.herfindahl, { digits: 3 })}</strong>
          </span>
        </div>
      </Card>
      <div className="grid cols-2">
        <Card title="Daily P&L distribution">
          <Histogram pnl={f.pnl} varLoss={l99?.historicalVar1d ?? null} />
        </Card>
        <Card title="Correlation">
          <Heatmap f={f} />
        </Card>
      </div>
      <Card title="Component VaR (parametric, 1 day)">
        <div className="table-wrap">
          <table className="table" aria-label="Component VaR">
            <thead>
              <tr>
                <th>Symbol</th>
                <th className="num">Value</th>
                <th className="num">Weight</th>
                <th className="num" title={HOW.cvar}>
                  VaR 95 %
                </th>
                <th className="num" title={HOW.cvar}>
                  VaR 99 %
                </th>
                <th className="num" title="Share of the parametric 99 % VaR">
                  Share
                </th>
                <th className="num" title="Annualised volatility: sd of daily returns × √252">
                  Volatility
                </th>
                <th className="num" title={HOW.beta}>
                  Beta
                </th>
              </tr>
            </thead>
            <tbody>
              {f.holdings.map((h) => (
                <tr key={h.symbol}>
                  <td>
                    {h.symbol}{' '}
                    {h.shortHistory && (
                      <Badge tone="warn" title="Fewer daily returns than the window">
                        short history
                      </Badge>
                    )}
                  </td>
                  <td className="num">{formatDollars(h.value)}</td>
                  <td className="num">{formatPercent(h.weight)}</td>
                  <td className="num" title={HOW.cvar}>
                    {formatDollars(h.componentVar95)}
                  </td>
                  <td className="num" title={HOW.cvar}>
                    {formatDollars(h.componentVar99)}
                  </td>
                  <td className="num">
                    {formatPercent(
                      l99 && l99.parametricVar1d !== 0 ? h.componentVar99 / l99.parametricVar1d : null,
                    )}
                  </td>
                  <td className="num">{formatPercent(h.volatility)}</td>
                  <td className="num">{formatRatio(h.beta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}

const W = 420;
const H = 180;

function Histogram({ pnl, varLoss }: { pnl: number[]; varLoss: number | null }) {
  if (pnl.length === 0) return <Empty title="No P&L yet" />;
  const lo = Math.min(...pnl, varLoss === null ? Infinity : -varLoss);
  const hi = Math.max(...pnl);
  const bins = 30;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of pnl) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  const top = Math.max(...counts);
  const x = (v: number) => ((v - lo) / (width * bins)) * W;
  const varX = varLoss === null ? null : x(-varLoss);
  return (
    <figure className="risk-chart" title={HOW.hist}>
      <svg viewBox={`0 0 ${W} ${H + 20}`} role="img" aria-label="Histogram of daily P&L">
        {counts.map((c, i) => {
          const h = top > 0 ? (c / top) * H : 0;
          const mid = lo + (i + 0.5) * width;
          return (
            <rect
              key={i}
              x={(i * W) / bins + 1}
              y={H - h}
              width={W / bins - 2}
              height={h}
              className={mid < 0 ? 'risk-bar loss' : 'risk-bar gain'}
            >
              <title>{`${formatDollars(lo + i * width)} to ${formatDollars(lo + (i + 1) * width)}: ${c} days`}</title>
            </rect>
          );
        })}
        {varX !== null && (
          <g>
            <line x1={varX} x2={varX} y1={0} y2={H} className="risk-var-line" />
            <text x={varX + 4} y={12} className="risk-label">
              VaR 99 %
            </text>
          </g>
        )}
        <text x={0} y={H + 15} className="risk-label">
          {formatDollars(lo)}
        </text>
        <text x={W} y={H + 15} className="risk-label" textAnchor="end">
          {formatDollars(hi)}
        </text>
      </svg>
    </figure>
  );
}

/** −1 red, 0 neutral, +1 blue. */
function corrColour(c: number | null): string {
  if (c === null) return 'var(--surface-3)';
  const a = Math.min(1, Math.abs(c));
  return c >= 0 ? `rgba(36, 88, 214, ${a.toFixed(3)})` : `rgba(195, 50, 43, ${a.toFixed(3)})`;
}

function Heatmap({ f }: { f: RiskFiguresDto }) {
  const symbols = f.holdings.map((h) => h.symbol);
  return (
    <div title={HOW.corr}>
      <div
        className="risk-heatmap"
        style={{ gridTemplateColumns: `auto repeat(${symbols.length}, minmax(32px, 1fr))` }}
        role="table"
        aria-label="Correlation matrix"
      >
        <span />
        {symbols.map((s) => (
          <span key={s} className="risk-heat-head">
            {s}
          </span>
        ))}
        {f.correlation.map((row, i) => (
          <div key={symbols[i]} style={{ display: 'contents' }} role="row">
            <span className="risk-heat-head">{symbols[i]}</span>
            {row.map((c, j) => (
              <span
                key={j}
                className="risk-heat-cell"
                style={{
                  background: corrColour(c),
                  color: c !== null && Math.abs(c) > 0.55 ? '#fff' : undefined,
                }}
                title={`${symbols[i]} / ${symbols[j]}: ${c === null ? 'flat series' : formatRatio(c)}`}
              >
                {c === null ? '—' : formatRatio(c)}
              </span>
            ))}
          </div>
        ))}
      </div>
      <div className="risk-legend" aria-label="Colour scale from −1 to +1">
        <span>−1</span>
        <span className="risk-legend-bar" />
        <span>+1</span>
      </div>
    </div>
  );
}

function Stress({ report, equity }: { report: RiskReportDto; equity: number }) {
  const worst = Math.max(...report.stress.map((s) => Math.abs(s.pnl)), 1);
  return (
    <Card title="Stress tests">
      <div className="risk-stress" title={HOW.stress}>
        {report.stress.map((s) => (
          <div key={s.name} className="risk-stress-row">
            <span className="risk-stress-name">
              {s.name}
              {s.from && (
                <span className="muted">
                  {' '}
                  <span className="nowrap">{s.from}</span> → <span className="nowrap">{s.to}</span>
                </span>
              )}
              {s.flagged && (
                <Badge tone="warn" title="A holding used the benchmark as a proxy or had no history then">
                  proxy
                </Badge>
              )}
            </span>
            {s.noData !== null ? (
              <span className="risk-stress-nodata muted" data-testid="stress-no-data">
                {s.noData}
              </span>
            ) : (
              <>
                <span className="risk-stress-track">
                  <span
                    className={s.pnl < 0 ? 'risk-stress-bar loss' : 'risk-stress-bar gain'}
                    style={{ width: `${(Math.abs(s.pnl) / worst) * 100}%` }}
                  />
                </span>
                <span className="risk-stress-value">
                  {formatDollars(s.pnl, { signed: true })} (
                  {formatPercent(s.pnlPct ?? (equity > 0 ? s.pnl / equity : null), { signed: true })})
                </span>
              </>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}

/**
 * The risk limits, editable here (SPEC 9): the risk section of the portfolio's settings, through the
 * same form and settings call as Settings › Strategy defaults (one ConfigChanged per save), each field
 * with how far the portfolio is from it now.
 */
function Limits({ report }: { report: RiskReportDto }) {
  const fields = useTradingSettingsStore((s) => s.fields);
  const fieldsError = useTradingSettingsStore((s) => s.error);
  const portfolios = usePortfolioStore((s) => s.portfolios);
  const portfolio = portfolios.find((p) => p.id === report.portfolioId) ?? null;
  useEffect(() => {
    void useTradingSettingsStore.getState().loadFields();
  }, []);
  const riskFields = useMemo(() => (fields ?? []).filter((f) => f.section === 'risk'), [fields]);
  const own = useMemo(
    () => (portfolio ? valuesOf(riskFields, portfolio.config, true) : {}),
    [riskFields, portfolio],
  );
  const defaults = useMemo(
    () => Object.fromEntries(riskFields.map((f) => [fieldId(f), f.defaultValue])),
    [riskFields],
  );
  const notes = useMemo(
    () =>
      Object.fromEntries(
        report.limits
          .filter((l) => l.on)
          .map((l) => [
            `risk.${l.key}`,
            <span
              key={l.key}
              className={l.distance !== null && l.distance < 0 ? 'loss' : 'risk-distance'}
              title={l.how}
              data-testid={`distance-${l.key}`}
            >
              Now: {l.text}
            </span>,
          ]),
      ),
    [report.limits],
  );
  return (
    <Card title={portfolio ? `Risk limits of ${portfolio.name}` : 'Risk limits'}>
      <p className="small muted">
        Every limit is off until set (type a value, or “off”). Positions inherit these; a position can
        override its stops under Positions › Settings. Alerts are notified once per crossing and listed above.
      </p>
      {fieldsError && <ErrorBanner message={fieldsError} />}
      {!portfolio || riskFields.length === 0 ? (
        fieldsError ? null : report.portfolioId === null ? (
          <p className="empty">No portfolio yet: create one under Positions first.</p>
        ) : (
          <Loading />
        )
      ) : (
        <StrategyForm
          key={portfolio.id}
          fields={riskFields}
          mode="defaults"
          inherited={defaults}
          own={own}
          notes={notes}
          label="Risk limits"
          onSave={async (patch) => {
            if (Object.keys(patch).length === 0) return { ok: true };
            const r = await usePortfolioStore.getState().changeConfig(portfolio.id, patch as ConfigPatch);
            if (!r.ok) return { ok: false, message: r.message, issues: r.issues };
            await useRiskStore.getState().load(portfolio.id);
            return { ok: true };
          }}
        />
      )}
    </Card>
  );
}

/** The alert list (SPEC 9): crossings of the drawdown and VaR alerts, and the risk manager's exits and halts. */
function Alerts() {
  const alerts = useRiskStore((s) => s.alerts);
  const error = useRiskStore((s) => s.alertsError);
  return (
    <Card title="Alerts">
      {error && <ErrorBanner message={error} onRetry={() => void useRiskStore.getState().loadAlerts()} />}
      {alerts === null && !error && <Loading />}
      {alerts !== null && alerts.length === 0 && (
        <p className="empty" data-testid="no-alerts">
          No alerts yet. Set a drawdown or VaR alert under Risk limits: each crossing is notified once and
          listed here, with the stops and halts of the risk manager.
        </p>
      )}
      {alerts !== null && alerts.length > 0 && (
        <div className="table-wrap table-scroll">
          <table className="table risk-alerts" aria-label="Risk alerts">
            <thead>
              <tr>
                <th>Time</th>
                <th>What</th>
                <th className="num">Value</th>
                <th className="num">Threshold</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a: RiskAlertDto) => (
                <tr key={a.id} title={a.detail} className={a.severity === 'info' ? 'muted' : undefined}>
                  <td className="nowrap">{formatDateTime(a.at)}</td>
                  <td>
                    {a.severity === 'alert' ? (
                      <Badge tone="warn" title={a.type}>
                        {a.what}
                      </Badge>
                    ) : (
                      a.what
                    )}
                  </td>
                  <td className="num">{a.value}</td>
                  <td className="num">{a.threshold}</td>
                  <td>{a.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
