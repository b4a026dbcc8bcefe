import type { ReactNode } from 'react';
import type { RoundTripStatsDto } from '../../../shared/ipc/dto/simulation';
import { Figure } from './Figure';

/**
 * SPEC 8's trade-tracker statistics as one row of figures, each with how it is computed: the same on the
 * Performance page (live round trips) and with a simulation's results. Each page adds its own figures
 * after these (wash sales, day trades) as children.
 */
export function RoundTripStatsFigures({
  stats: s,
  testId,
  children,
}: {
  stats: RoundTripStatsDto;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="row wrap" data-testid={testId}>
      <span title="Closed lot parts (FIFO): each sale closes the oldest lots first, a lot partly sold is split">
        {s.count} {s.count === 1 ? 'round trip' : 'round trips'}
      </span>
      <span>
        win rate{' '}
        <Figure
          value={s.winRate}
          kind="percent"
          signed={false}
          how="Round trips with a positive P&L ÷ all (zero is not a win)"
        />
      </span>
      <span>
        average win{' '}
        <Figure value={s.averageWinCents} kind="money" how="Mean P&L of the round trips that gained" />
      </span>
      <span>
        average loss{' '}
        <Figure value={s.averageLossCents} kind="money" how="Mean P&L of the round trips that lost" />
      </span>
      <span>
        profit factor{' '}
        <Figure
          value={s.profitFactor}
          kind="ratio"
          signed={false}
          how="Gross wins ÷ gross losses (— with no loss)"
        />
      </span>
      <span>
        expectancy <Figure value={s.expectancyCents} kind="money" how="Total P&L ÷ round trips" />
      </span>
      <span title="Mean calendar days from purchase to sale">
        average holding {s.averageHoldingDays === null ? '—' : `${s.averageHoldingDays.toFixed(1)} days`}
      </span>
      {children}
    </div>
  );
}
