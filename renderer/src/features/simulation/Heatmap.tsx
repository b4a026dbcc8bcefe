import { useState } from 'react';
import type { SweepResultDto } from '../../../../shared/ipc/dto/simulation';
import { pct, ratio } from '../../lib/format';

type Metric = 'totalReturn' | 'cagr' | 'sharpe' | 'maxDrawdown';
const METRICS: Record<Metric, { label: string; format: (v: number | null) => string }> = {
  totalReturn: { label: 'Total return', format: (v) => pct(v, 1) },
  cagr: { label: 'CAGR', format: (v) => pct(v, 2) },
  sharpe: { label: 'Sharpe', format: (v) => ratio(v) },
  maxDrawdown: { label: 'Max drawdown', format: (v) => pct(v, 1) },
};

/** Red (worst) → green (best), light enough for dark text in both themes. */
function colour(t: number): string {
  const hue = Math.round(t * 120);
  return `hsl(${hue} 70% 72%)`;
}

/** The sweep's heatmap: thresholds across, rebalance ratios down, one metric in the cells. */
export function Heatmap({ sweep }: { sweep: SweepResultDto }) {
  const [metric, setMetric] = useState<Metric>('totalReturn');
  const thresholds = [...new Set(sweep.cells.map((c) => c.threshold))].sort((a, b) => a - b);
  const ratios = [...new Set(sweep.cells.map((c) => c.rebalanceRatio))].sort((a, b) => a - b);
  const values = sweep.cells.map((c) => c[metric]).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const cell = (t: number, r: number) => sweep.cells.find((c) => c.threshold === t && c.rebalanceRatio === r);
  return (
    <div className="stack">
      <label className="row small">
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
      <div
        className="heatmap"
        role="table"
        aria-label={`Sweep heatmap of ${METRICS[metric].label}`}
        style={{ gridTemplateColumns: `110px repeat(${thresholds.length}, minmax(70px, 1fr))` }}
        data-testid="heatmap"
      >
        <div className="axis" role="columnheader">
          ratio \ threshold
        </div>
        {thresholds.map((t) => (
          <div key={t} className="axis" role="columnheader">
            {pct(t, 1)}
          </div>
        ))}
        {ratios.map((r) => (
          <div key={r} role="row" style={{ display: 'contents' }}>
            <div className="axis" role="rowheader">
              {r}
            </div>
            {thresholds.map((t) => {
              const c = cell(t, r);
              const v = c?.[metric] ?? null;
              const shade = v === null || hi === lo ? 0.5 : (v - lo) / (hi - lo);
              return (
                <div
                  key={t}
                  role="cell"
                  tabIndex={0}
                  className="cell"
                  style={{ background: v === null ? 'var(--surface-3)' : colour(shade) }}
                  title={
                    c?.error ??
                    `threshold ${pct(t, 1)}, ratio ${r}: ${METRICS[metric].format(v)}, ${c?.trades ?? 0} trades`
                  }
                >
                  {v === null ? '—' : METRICS[metric].format(v)}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
