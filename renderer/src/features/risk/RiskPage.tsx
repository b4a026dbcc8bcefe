import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { Badge, Card } from '../../components/Card';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { useRiskStore } from '../../stores/riskStore';
import type { RiskFiguresDto, RiskReportDto } from '../../../../shared/ipc/dto/risk';
import { formatDollars, formatPercent, formatRatio } from '../../../../shared/format/Format';

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
  useEffect(() => {
    void useRiskStore.getState().load();
  }, []);
  return (
    <div className="page risk-page">
      <div className="page-header">
        <h1>Risk</h1>
        <span className="spacer" />
        <Button small onClick={() => void useRiskStore.getState().load()}>
          Refresh
        </Button>
      </div>
      {error && <ErrorBanner message={error} onRetry={() => void useRiskStore.getState().load()} />}
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
        As of {f.asOf}: {f.sessions} daily returns from {f.from}; stock {formatDollars(f.stockValue)}, equity{' '}
        {formatDollars(f.equity)}.
      </p>
      <Card title="Value at risk">
        <table className="table" aria-label="Value at risk">
          <thead>
            <tr>
              <th>Confidence</th>
              <th title={HOW.hvar}>Historical VaR 1 d</th>
              <th title={HOW.hcvar}>Historical CVaR 1 d</th>
              <th title={HOW.pvar}>Parametric VaR 1 d</th>
              <th title={HOW.hvar}>Historical VaR 10 d</th>
              <th title={HOW.hcvar}>CVaR 10 d</th>
              <th title={HOW.pvar}>Parametric VaR 10 d</th>
            </tr>
          </thead>
          <tbody>
            {f.levels.map((l) => (
              <tr key={l.confidence}>
                <td>{formatPercent(l.confidence, { digits: 0 })}</td>
                <td title={HOW.hvar}>
                  {formatDollars(l.historicalVar1d)}{' '}
                  <span className="muted">({formatPercent(l.historicalVar1dPct)})</span>
                </td>
                <td title={HOW.hcvar}>
                  {formatDollars(l.historicalCvar1d)}{' '}
                  <span className="muted">({formatPercent(l.historicalCvar1dPct)})</span>
                </td>
                <td title={HOW.pvar}>
                  {formatDollars(l.parametricVar1d)}{' '}
                  <span className="muted">({formatPercent(l.parametricVar1dPct)})</span>
                </td>
                <td title={HOW.hvar}>{formatDollars(l.historicalVar10d)}</td>
                <td title={HOW.hcvar}>{formatDollars(l.historicalCvar10d)}</td>
                <td title={HOW.pvar}>{formatDollars(l.parametricVar10d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <Card title="Component VaR (99 %, 1 day)">
        <table className="table" aria-label="Component VaR">
          <thead>
            <tr>
              <th>Symbol</th>
              <th>Value</th>
              <th>Weight</th>
              <th title={HOW.cvar}>Component VaR 95 %</th>
              <th title={HOW.cvar}>Component VaR 99 %</th>
              <th title="Share of the parametric 99 % VaR">Share</th>
              <th title="Annualised volatility: sd of daily returns × √252">Volatility</th>
              <th title={HOW.beta}>Beta</th>
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
                <td>{formatDollars(h.value)}</td>
                <td>{formatPercent(h.weight)}</td>
                <td title={HOW.cvar}>{formatDollars(h.componentVar95)}</td>
                <td title={HOW.cvar}>{formatDollars(h.componentVar99)}</td>
                <td>
                  {formatPercent(
                    l99 && l99.parametricVar1d !== 0 ? h.componentVar99 / l99.parametricVar1d : null,
                  )}
                </td>
                <td>{formatPercent(h.volatility)}</td>
                <td>{formatRatio(h.beta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
                  {s.from} → {s.to}
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

function Limits({ report }: { report: RiskReportDto }) {
  return (
    <Card title="Risk limits">
      <table className="table" aria-label="Risk limits">
        <thead>
          <tr>
            <th>Limit</th>
            <th>Setting</th>
            <th>Now</th>
          </tr>
        </thead>
        <tbody>
          {report.limits.map((l) => (
            <tr key={l.key} title={l.how}>
              <td>{l.label}</td>
              <td>{l.setting}</td>
              <td className={l.distance !== null && l.distance < 0 ? 'loss' : l.on ? '' : 'muted'}>
                {l.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
