import type { RealisedRowDto } from '../../../shared/ipc/dto/accounting';
import { price, qty } from '../lib/format';
import { Figure } from './Figure';

/** The column heads of `RoundTripCells`, in the same order. */
export function RoundTripHeads() {
  return (
    <>
      <th>Bought</th>
      <th>Sold</th>
      <th>Shares</th>
      <th>Entry</th>
      <th>Exit</th>
      <th>P&amp;L</th>
      <th>Return</th>
      <th title="Calendar days from purchase to sale">Days</th>
    </>
  );
}

/**
 * One round trip's cells (a realised sale of one lot, SPEC 8): dates, shares, entry and exit prices,
 * P&L and return signed through the one formatter, days held. The Performance page's round trips and a
 * position's realised trades show the same row; each adds its own cells around it.
 */
export function RoundTripCells({ trip }: { trip: RealisedRowDto }) {
  return (
    <>
      <td className="nowrap">{trip.entryDate}</td>
      <td className="nowrap">{trip.exitDate}</td>
      <td>{qty(trip.qty)}</td>
      <td>{price(trip.entryPrice)}</td>
      <td>{price(trip.exitPrice)}</td>
      <td>
        <Figure
          value={trip.pnlCents}
          kind="money"
          how="Share of (notional − commission) of the sale − share of the lot's cost"
        />
      </td>
      <td>
        <Figure value={trip.return} kind="percent" how="P&L ÷ cost" />
      </td>
      <td>{trip.holdingDays}</td>
    </>
  );
}
