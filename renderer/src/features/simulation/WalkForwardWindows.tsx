import type { WalkForwardViewDto } from '../../../../shared/ipc/dto/simulation';
import { pct, ratio, signedPct } from '../../lib/format';

const METRIC_NAMES: Record<string, string> = {
  sharpe: 'Sharpe',
  sortino: 'Sortino',
  cagr: 'CAGR',
  totalReturn: 'total return',
  calmar: 'Calmar',
};

/**
 * A walk-forward's windows (issue 15, ADR 0064): the settings each in-sample sweep chose, and how they did
 * in the out-of-sample months that followed. The charts above are the out-of-sample windows joined.
 */
export function WalkForwardWindows({ view }: { view: WalkForwardViewDto }) {
  return (
    <div data-testid="walk-forward">
      <h3>
        Walk-forward: {view.inSampleMonths} months in sample, then {view.outOfSampleMonths} out of sample
      </h3>
      <div className="table-wrap">
        <table className="table" aria-label="Walk-forward windows">
          <thead>
            <tr>
              <th>In sample</th>
              <th>Out of sample</th>
              <th className="num">Threshold</th>
              <th className="num">Ratio</th>
              <th className="num">In-sample {METRIC_NAMES[view.metric] ?? view.metric}</th>
              <th className="num">Out-of-sample return</th>
              <th className="num">Trades</th>
            </tr>
          </thead>
          <tbody>
            {view.windows.map((w) => (
              <tr key={w.outOfSampleFrom}>
                <td className="mono small">
                  <span className="nowrap">{w.inSampleFrom}</span> →{' '}
                  <span className="nowrap">{w.inSampleTo}</span>
                </td>
                <td className="mono small">
                  <span className="nowrap">{w.outOfSampleFrom}</span> →{' '}
                  <span className="nowrap">{w.outOfSampleTo}</span>
                </td>
                <td className="num">{w.threshold === null ? 'set-up’s' : pct(w.threshold, 1)}</td>
                <td className="num">{w.rebalanceRatio === null ? 'set-up’s' : ratio(w.rebalanceRatio, 4)}</td>
                <td className="num">{ratio(w.inSampleScore)}</td>
                <td className="num">{signedPct(w.outOfSampleReturn, 1)}</td>
                <td className="num">{w.trades}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
