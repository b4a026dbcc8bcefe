/**
 * A strategy's round trips (minimal; SPEC 8's accounting builds the full ones): a round trip opens with
 * the first buy fill of a flat position and closes with the sell fill that makes it flat again. Its
 * P&L is the sells' proceeds less the buys' cost, commissions included (cents).
 */
export interface RoundTrip {
  symbol: string;
  entryAt: string;
  exitAt: string;
  /** Largest quantity held during the trip. */
  qty: number;
  costCents: number;
  proceedsCents: number;
  pnlCents: number;
  /** pnl / cost. */
  returnPct: number;
  /** Sessions from the entry's to the exit's. */
  sessions: number;
}

export interface RoundTripStats {
  count: number;
  wins: number;
  losses: number;
  /** wins / count; null with no round trip. */
  winRate: number | null;
  avgWinCents: number | null;
  avgLossCents: number | null;
  /** Σ wins / |Σ losses|; null when there is no loss. */
  profitFactor: number | null;
  /** Mean P&L per round trip. */
  expectancyCents: number | null;
  avgSessions: number | null;
  totalPnlCents: number;
}

/** Follows one symbol's fills and closes a round trip whenever the position is flat again. */
export class RoundTripTracker {
  private open: {
    entryAt: string;
    entrySession: number;
    qty: number;
    peak: number;
    cost: number;
    proceeds: number;
  } | null = null;

  constructor(
    private readonly symbol: string,
    private readonly closed: RoundTrip[],
  ) {}

  /** A fill: `cashDeltaCents` is its signed cash change; `qtyAfter` the position after it. */
  onFill(side: 'BUY' | 'SELL', at: string, session: number, cashDeltaCents: number, qtyAfter: number): void {
    if (side === 'BUY') {
      this.open ??= { entryAt: at, entrySession: session, qty: 0, peak: 0, cost: 0, proceeds: 0 };
      this.open.cost += -cashDeltaCents;
      this.open.peak = Math.max(this.open.peak, qtyAfter);
      return;
    }
    const o = this.open;
    if (o === null) return;
    o.proceeds += cashDeltaCents;
    if (qtyAfter > 0) return;
    const pnl = o.proceeds - o.cost;
    this.closed.push({
      symbol: this.symbol,
      entryAt: o.entryAt,
      exitAt: at,
      qty: o.peak,
      costCents: o.cost,
      proceedsCents: o.proceeds,
      pnlCents: pnl,
      returnPct: o.cost > 0 ? pnl / o.cost : 0,
      sessions: session - o.entrySession,
    });
    this.open = null;
  }
}

export function roundTripStats(trips: readonly RoundTrip[]): RoundTripStats {
  const wins = trips.filter((t) => t.pnlCents > 0);
  const losses = trips.filter((t) => t.pnlCents < 0);
  const sum = (xs: readonly RoundTrip[]): number => xs.reduce((s, t) => s + t.pnlCents, 0);
  const n = trips.length;
  return {
    count: n,
    wins: wins.length,
    losses: losses.length,
    winRate: n === 0 ? null : wins.length / n,
    avgWinCents: wins.length === 0 ? null : sum(wins) / wins.length,
    avgLossCents: losses.length === 0 ? null : sum(losses) / losses.length,
    profitFactor: losses.length === 0 ? null : sum(wins) / Math.abs(sum(losses)),
    expectancyCents: n === 0 ? null : sum(trips) / n,
    avgSessions: n === 0 ? null : trips.reduce((s, t) => s + t.sessions, 0) / n,
    totalPnlCents: sum(trips),
  };
}
