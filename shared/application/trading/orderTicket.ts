import type { CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import type { Side } from '../../domain/DomainEvent';
import { bookFill } from '../../domain/FillBooking';
import { checkLimit, LIMITS } from '../../domain/InputLimits';
import { productCents } from '../../domain/Money';
import { roundTowardZero } from '../../domain/QuantityRounding';
import { formatMoney, formatPercent, formatPrice, formatQty, formatShares } from '../../format/Format';
import { fail, ok, type Result } from '../ledger/Result';

/**
 * The manual order ticket (issue 15, ADR 0061): buy or sell N shares of a position at market. What the
 * ticket checks, in the investor's units, before an order is written: the quantity (a positive number of
 * shares on the position's step and lot grid, at least its minimum quantity and minimum order), the cash
 * for a buy (notional plus commission) and the shares for a sell. The strategy's trigger and band are not
 * applied: the investor asks for this trade; the preview says where it leaves the stock share against the
 * band. The same function previews the ticket (at the last known price) and checks the order (at the live
 * price, inside its transaction).
 */

/** What a ticket needs of the position. */
export interface TicketPosition {
  symbol: string;
  qty: number;
  cashCents: number;
  receivableCents: number;
}

export interface OrderTicket {
  side: Side;
  qty: number;
  price: number;
  notionalCents: number;
  commissionCents: number;
  /** Signed: −(notional + commission) for a buy, notional − commission for a sell. */
  cashDeltaCents: number;
  qtyAfter: number;
  cashAfterCents: number;
  /** Stock share of the position's value before and after, at `price`; null when the value is 0. */
  stockPctBefore: number | null;
  stockPctAfter: number | null;
  minStockPct: number;
  maxStockPct: number;
  /** The stock share after the order lies outside the band: the strategy may trade back. */
  outsideBand: boolean;
  /** One sentence: "Buys 10 shares of KO at about $60.00 for $600.00 + $0.06 commission; …". */
  summary: string;
}

/** The ticket at `price`, or the one reason it cannot be placed (`validation`, path `qty`). */
export function checkOrderTicket(
  position: TicketPosition,
  side: Side,
  qty: number,
  price: number,
  config: StrategyConfig,
  commission: CommissionSnapshot,
): Result<OrderTicket> {
  const refuse = (message: string) => fail('validation', message, [{ path: 'qty', message }]);
  const limit = checkLimit(qty, LIMITS.orderQty);
  if (limit !== null) return refuse(limit);
  const policy = config.orderPolicy;
  if (roundTowardZero(qty, policy.qtyStep, policy.lotSize) !== qty) return refuse(gridMessage(config));
  if (qty < policy.minQty)
    return refuse(`Below the minimum quantity of ${formatShares(policy.minQty)} for ${position.symbol}`);
  const notionalCents = productCents(qty, price);
  const minCents = Math.round(policy.minNotional * 100);
  if (notionalCents < minCents)
    return refuse(
      `Below the minimum order of ${formatMoney(minCents)}: ${formatShares(qty)} at ${formatPrice(price)} is ${formatMoney(notionalCents)}`,
    );
  if (side === 'SELL' && qty > position.qty)
    return refuse(
      position.qty === 0
        ? `${position.symbol} holds no shares to sell`
        : `Only ${formatShares(position.qty)} of ${position.symbol} are held: sell at most ${formatQty(position.qty)}`,
    );
  const booking = bookFill(side, qty, price, commission);
  const cashAfterCents = position.cashCents + booking.cashDeltaCents;
  if (side === 'BUY' && cashAfterCents < 0) {
    const most = mostAffordable(position.cashCents, price, config, commission);
    return refuse(
      `Not enough cash: ${formatShares(qty)} at ${formatPrice(price)} cost ${formatMoney(-booking.cashDeltaCents)} with commission, and ${position.symbol} has ${formatMoney(position.cashCents)}${most > 0 ? ` (at most ${formatShares(most)})` : ''}`,
    );
  }
  const qtyAfter = side === 'BUY' ? position.qty + qty : position.qty - qty;
  const stockPctBefore = stockPct(position.qty, position.cashCents, position.receivableCents, price);
  const stockPctAfter = stockPct(qtyAfter, cashAfterCents, position.receivableCents, price);
  const { minStockPct, maxStockPct } = config.guardrails;
  const outsideBand = stockPctAfter !== null && (stockPctAfter < minStockPct || stockPctAfter > maxStockPct);
  const verb = side === 'BUY' ? 'Buys' : 'Sells';
  const summary =
    `${verb} ${formatShares(qty)} of ${position.symbol} at about ${formatPrice(price)} for ${formatMoney(notionalCents)} + ${formatMoney(booking.commissionCents)} commission; ` +
    `stock share ${formatPercent(stockPctBefore, { digits: 1 })} → ${formatPercent(stockPctAfter, { digits: 1 })}` +
    (outsideBand
      ? ` — outside the band ${formatPercent(minStockPct, { digits: 0 })}–${formatPercent(maxStockPct, { digits: 0 })}: the strategy's guardrails block further trades that way`
      : '') +
    '. The anchor moves to the fill price.';
  return ok({
    side,
    qty,
    price,
    notionalCents,
    commissionCents: booking.commissionCents,
    cashDeltaCents: booking.cashDeltaCents,
    qtyAfter,
    cashAfterCents,
    stockPctBefore,
    stockPctAfter,
    minStockPct,
    maxStockPct,
    outsideBand,
    summary,
  });
}

function stockPct(qty: number, cashCents: number, receivableCents: number, price: number): number | null {
  const stock = productCents(qty, price);
  const total = stock + cashCents + receivableCents;
  return total > 0 ? stock / total : null;
}

function gridMessage(config: StrategyConfig): string {
  const { qtyStep, lotSize } = config.orderPolicy;
  if (lotSize !== null) return `Shares to trade must be a multiple of the lot of ${formatShares(lotSize)}`;
  if (qtyStep === 1) return 'Shares to trade must be whole shares';
  if (qtyStep === 0) return 'Shares to trade must have at most 6 decimals';
  return `Shares to trade must be a multiple of the quantity step of ${formatShares(qtyStep)}`;
}

/** The most shares on the grid that the cash pays for at `price`, commission included. */
function mostAffordable(
  cashCents: number,
  price: number,
  config: StrategyConfig,
  commission: CommissionSnapshot,
): number {
  const { qtyStep, lotSize } = config.orderPolicy;
  let qty = roundTowardZero(cashCents / 100 / (price * (1 + commission.rate)), qtyStep, lotSize);
  const unit = lotSize ?? (qtyStep > 0 ? qtyStep : 0.000001);
  while (qty > 0 && cashCents + bookFill('BUY', qty, price, commission).cashDeltaCents < 0)
    qty = roundTowardZero(qty - unit, qtyStep, lotSize);
  return qty;
}
