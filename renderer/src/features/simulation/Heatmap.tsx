import { useState } from 'react';
import type { SweepResultDto } from '../../../../shared/ipc/dto/simulation';
import { formatPercent, formatRatio } from '../../../../shared/format/Format';
import { divergingColour, divergingScale, scalePosition, type DivergingScale } from './divergingScale';

type Metric = 'totalReturn' | 'cagr' | 'sharpe' | 'maxDrawdown';
const METRICS: Record<Metric, { label: string; format: (v: number | null) => string }> = {
  totalReturn: { label: 'Total return', format: (v) => formatPercent(v, { digits: 1, signed: true }) },
  cagr: { label: 'CAGR', format: (v) => formatPercent(v, { digits: 2, signed: true }) },
  sharpe: { label: 'Sharpe', format: (v) => formatRatio(v) },
  maxDrawdown: { label: 'Max drawdown', format: (v) => formatPercent(v, { digits: 1 }) },
};

/**
 * The sweep's heatmap (issue 15): thresholds across, rebalance ratios down, one metric in the cells, coloured
 * on a diverging scale centred on buy-and-hold of the same period — green better, red worse, white equal —
 * with its legend. For every metric here higher is better (a max drawdown nearer 0 is better).
 */
export function Heatmap({ sweep }: { sweep: SweepResultDto }) {
  const [metric, setMetric] = useState<Metric>('totalReturn');
  const format = METRICS[metric].format;
  const thresholds = [...new Set(sweep.cells.map((c) => c.threshold))].sort((a, b) => a - b);
  const ratios = [...new Set(sweep.cells.map((c) => c.rebalanceRatio))].sort((a, b) => a - b);
  const values = sweep.cells.map((c) => c[metric]).filter((v): v is number => v !== null);
  const buyAndHold = sweep.buyAndHold?.[metric] ?? null;
  const scale = divergingScale(values, buyAndHold);
  const cell = (t: number, r: number) => sweep.cells.find((c) => c.threshold === t && c.rebalanceRatio === r);
  const better = values.filter((v) => v > scale.centre).length;
  return (
    <div className="stack">
      <div className="row small wrap">
        <label className="row">
          <span className="muted">Colour by</span>
          <select
            className="input"
            style={{ width: 'auto' }}
            value={metric}
            onChange={(e) => setMetric(e.target.value as Metric)}
          >
            {Object.entries(METRICS).map(([k, m]) => (
              <option key={k} value={k}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="heatmap-summary">
          {scale.centredOnBuyAndHold
            ? `Buy and hold: ${format(buyAndHold)} — ${better} of ${values.length} parameter sets did better`
            : 'No buy-and-hold for this sweep (cancelled): centred on the middle of the cells'}
        </span>
      </div>
      <div
        className="heatmap"
        role="table"
        aria-label={`Sweep heatmap of ${METRICS[metric].label} against buy and hold`}
        style={{ gridTemplateColumns: `110px repeat(${thresholds.length}, minmax(64px, 1fr))` }}
        data-testid="heatmap"
      >
        <div className="axis" role="columnheader">
          ratio \ threshold
        </div>
        {thresholds.map((t) => (
          <div key={t} className="axis" role="columnheader">
            {formatPercent(t, { digits: 1 })}
          </div>
        ))}
        {ratios.map((r) => (
          <div key={r} role="row" style={{ display: 'contents' }}>
            <div className="axis" role="rowheader">
              {formatRatio(r, { digits: 4 }).replace(/\.?0+$/, '')}
            </div>
            {thresholds.map((t) => {
              const c = cell(t, r);
              const v = c?.[metric] ?? null;
              const versus =
                v === null || !scale.centredOnBuyAndHold
                  ? ''
                  : ` (${v > scale.centre ? 'better than' : v < scale.centre ? 'worse than' : 'equal to'} buy and hold ${format(buyAndHold)})`;
              return (
                <div
                  key={t}
                  role="cell"
                  tabIndex={0}
                  className="cell"
                  style={{
                    background: v === null ? 'var(--surface-3)' : divergingColour(scalePosition(scale, v)),
                  }}
                  title={
                    c?.error ??
                    `threshold ${formatPercent(t, { digits: 1 })}, ratio ${r}: ${format(v)}${versus}, ${c?.trades ?? 0} trades`
                  }
                >
                  {v === null ? '—' : format(v)}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <HeatmapLegend scale={scale} format={format} label={METRICS[metric].label} />
    </div>
  );
}

/** The scale drawn: worse (red) — buy and hold (white) — better (green), with values at the ends and centre. */
function HeatmapLegend({
  scale,
  format,
  label,
}: {
  scale: DivergingScale;
  format: (v: number | null) => string;
  label: string;
}) {
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => `${divergingColour(t)} ${((t + 1) / 2) * 100}%`).join(', ');
  const centreName = scale.centredOnBuyAndHold ? 'buy and hold' : 'middle';
  return (
    <figure className="heatmap-legend" aria-label={`Colour scale of ${label}`} data-testid="heatmap-legend">
      <div className="bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <div className="ticks small">
        <span>
          {format(scale.centre - scale.span)}
          <br />
          <span className="muted">worse</span>
        </span>
        <span>
          {format(scale.centre)}
          <br />
          <span className="muted">{centreName}</span>
        </span>
        <span>
          {format(scale.centre + scale.span)}
          <br />
          <span className="muted">better</span>
        </span>
      </div>
      <figcaption className="small muted">
        {label}: green cells did better than {centreName}, red ones worse, white ones about the same; the
        strongest colours are the furthest from it.
      </figcaption>
    </figure>
  );
}
