import type { EquityClose } from '../domain/risk/TradingHalt';

/**
 * What the live risk manager (SPEC 9) reads besides the positions and the tick's quotes, from SPEC 8's
 * accounting: each position's average cost (book cost of its open lots), the highest close of a symbol,
 * and each portfolio's equity at its session closes. Only asked when a risk limit is set.
 */
export interface RiskReferences {
  /** Book cost per share of the position's open lots (commissions included), or null without shares. */
  averageCost(tenantId: string, positionId: string): number | null;
  /** The highest session close of `symbol` from `fromDate` through `toDate`, or null when none is known. */
  highestClose(symbol: string, fromDate: string, toDate: string): Promise<number | null>;
  /** The portfolio's equity at each session close of its equity history, ascending by date. */
  equityCloses(tenantId: string, portfolioId: string): Promise<readonly EquityClose[]>;
}
