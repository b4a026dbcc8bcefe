import { productCents } from '../../shared/domain/Money';
import type { ReasonCode } from '../../shared/domain/ReasonCode';
import { REASON_TEXT } from '../../shared/domain/ReasonCode';
import { formatMoney, formatPrice, formatQty, formatShares } from '../../shared/format/Format';
import type { FillNote, SimEvent, SimTrade } from '../../shared/simulation';

const NOTE_TEXT: Record<FillNote, string> = {
  volume_cap: 'capped at the bar volume',
  insufficient_cash: 'not enough cash',
  end_of_data: 'no bar left to fill on',
  day_end: 'a day order, its session ended',
  ioc_rest: 'immediate or cancel: the rest cancelled',
  fok_unfilled: 'fill or kill: it could not fill whole',
};

/**
 * An event of a simulation in words, with every figure through the one formatter. The engine records
 * facts (fields, codes, dates) and no figures in text, so a report never shows cents as "4999556c" or a
 * raw float; this sentence is made from the event's fields and, for order events, its trade.
 */
export function describeSimEvent(event: SimEvent, trade: SimTrade | undefined): string {
  switch (event.type) {
    case 'OrderFilled': {
      const what = `${event.qty === null ? '' : `${formatShares(event.qty)} `}at ${formatPrice(event.price)}`;
      if (trade === undefined) return what;
      return `${trade.side} ${what}: notional ${formatMoney(trade.notionalCents)}, commission ${formatMoney(trade.commissionCents)}`;
    }
    case 'OrderCancelled': {
      const note = noteText(event.detail);
      if (trade === undefined || event.qty === null) return note;
      const part =
        trade.status === 'FILLED'
          ? `${formatQty(event.qty)} of ${formatShares(trade.requestedQty)}`
          : `${trade.side} ${formatShares(event.qty)}`;
      return `${part} not filled: ${note}`;
    }
    case 'OrderRejected':
      return event.detail
        .split(',')
        .filter((code) => code !== '')
        .map((code) => REASON_TEXT[code as ReasonCode] ?? code)
        .join('; ');
    case 'AnchorAdjusted':
      return `dividend ${formatPrice(event.price)} per share, ${event.detail}`;
    case 'DividendAccrued':
    case 'DividendPaid': {
      const net = event.amountCents ?? 0;
      // The gross is the eligible shares times the amount per share, as DividendMath books it.
      const gross = event.qty === null || event.price === null ? null : productCents(event.qty, event.price);
      const amounts =
        gross === null
          ? `net ${formatMoney(net)}`
          : `gross ${formatMoney(gross)}, withholding ${formatMoney(gross - net)}, net ${formatMoney(net)}`;
      const onShares = event.qty === null ? '' : ` on ${formatShares(event.qty)}`;
      return `${event.detail}${onShares}: ${amounts}${event.type === 'DividendPaid' ? ' to cash' : ''}`;
    }
    case 'TradingHalted':
      return event.detail === 'max_drawdown'
        ? `Trading halted by the max-drawdown circuit breaker at equity ${formatMoney(event.amountCents)}: no order for the rest of the run`
        : `Daily loss stop at equity ${formatMoney(event.amountCents)}: no new buys for the rest of the session`;
    default:
      return event.detail;
  }
}

function noteText(note: string): string {
  return NOTE_TEXT[note as FillNote] ?? note;
}
