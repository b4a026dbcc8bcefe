import type { SimRiskEventDto } from '../../../../shared/ipc/dto/simulation';
import { SIM_RISK_EVENT_TITLES, simRiskEventWords } from '../../../../shared/format/SimRiskEventWords';
import { formatCount } from '../../../../shared/format/Format';
import { Badge } from '../../components/Card';

const TONE: Record<SimRiskEventDto['kind'], 'warn' | 'danger'> = {
  position_stop: 'warn',
  trailing_stop: 'warn',
  rejected: 'warn',
  daily_loss_stop: 'danger',
  max_drawdown: 'danger',
};

/**
 * What the risk manager and the order validator did in a run (issue 17, ADR 0155): each stop's exit,
 * each refused order and each halt, in time order and in the words of shared/format/SimRiskEventWords
 * (the reports say the same).
 */
export function RiskEventsTable({ events }: { events: readonly SimRiskEventDto[] }) {
  const count = (kinds: SimRiskEventDto['kind'][]) => events.filter((e) => kinds.includes(e.kind)).length;
  return (
    <div data-testid="sim-risk-events">
      <h3>Risk events</h3>
      <p className="small muted" data-testid="sim-risk-counts">
        {plural(count(['position_stop', 'trailing_stop']), 'stop exit')} ·{' '}
        {plural(count(['rejected']), 'order')} rejected by the validator ·{' '}
        {plural(count(['daily_loss_stop', 'max_drawdown']), 'halt')}
      </p>
      <div className="table-wrap" style={{ maxHeight: 280, overflowY: 'auto' }}>
        <table className="table" aria-label="Risk events of the run">
          <thead>
            <tr>
              <th>At</th>
              <th>Symbol</th>
              <th>Event</th>
              <th>Trade</th>
              <th>What happened</th>
            </tr>
          </thead>
          <tbody>
            {events.slice(0, 500).map((e, i) => (
              <tr key={`${e.at}-${e.kind}-${e.tradeSeq ?? i}`}>
                <td className="mono nowrap">{e.at.slice(0, 10)}</td>
                <td>{e.symbol || 'portfolio'}</td>
                <td>
                  <Badge tone={TONE[e.kind]}>{SIM_RISK_EVENT_TITLES[e.kind]}</Badge>
                </td>
                <td className="num">{e.tradeSeq ?? '—'}</td>
                <td>{simRiskEventWords(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** "1 stop exit", "3 halts": a count through the one formatter and its noun. */
function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
