import type { Quote } from '../domain/Quote';
import type { OrderRecord } from './OrderRepository';

/** What the broker is asked to execute: the order as stored, and the symbol it trades. */
export interface BrokerOrder {
  order: OrderRecord;
  symbol: string;
}

/** One execution. `brokerRef` is the broker's id for it: the same order and ref are booked once. */
export interface BrokerFill {
  qty: number;
  price: number;
  brokerRef: string;
  /** When the broker executed it, epoch ms. */
  executedAt: number;
}

/**
 * - `rejected`: the broker refuses the order; trying again will not help (the order becomes REJECTED).
 * - `unavailable`: the broker could not be reached or timed out; the intent is retried with backoff.
 */
export type BrokerResult =
  { ok: true; fill: BrokerFill } | { ok: false; kind: 'rejected' | 'unavailable'; message: string };

/**
 * Where orders are executed (SPEC 4.2): the paper broker now, real brokers later. `submit` must be
 * idempotent per order: asked again for an order it already filled (a worker that crashed before
 * booking the fill), it answers with the same fill and the same `brokerRef`.
 */
export interface Broker {
  readonly name: string;
  /**
   * The price this broker would fill the order at with this quote, or null when it cannot say. The
   * worker sizes the order to the cash (buys) and shares (sells) at this price before submitting, so
   * no fill can leave either negative.
   */
  expectedFillPrice(side: BrokerOrder['order']['side'], quote: Quote): number | null;
  submit(request: BrokerOrder, quote: Quote): Promise<BrokerResult>;
}
