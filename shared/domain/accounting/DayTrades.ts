import type { Side } from '../DomainEvent';

/** Sessions the day-trade counter looks back over (SPEC 8). */
export const DAY_TRADE_WINDOW_SESSIONS = 5;

/**
 * The optional day-trade limit (off by default: FINRA retired the pattern-day-trader rule). When set,
 * a buy that would make the count over the last 5 sessions exceed `maxDayTrades` while equity is below
 * `minEquityCents` warns or is blocked.
 */
export interface DayTradeLimit {
  maxDayTrades: number | null;
  minEquityCents: number;
  mode: 'warn' | 'block';
}

export const NO_DAY_TRADE_LIMIT: DayTradeLimit = { maxDayTrades: null, minEquityCents: 0, mode: 'warn' };

export interface DayTradeFill {
  symbol: string;
  date: string;
  side: Side;
}

/**
 * Day trades per session: a buy and a sell of the same symbol in the same session make one; a symbol
 * bought and sold several times that session makes min(buys, sells) of them.
 */
export function dayTradesBySession(fills: readonly DayTradeFill[]): Map<string, number> {
  const perSymbol = new Map<string, { buys: number; sells: number; date: string }>();
  for (const f of fills) {
    const key = `${f.date}|${f.symbol}`;
    let c = perSymbol.get(key);
    if (c === undefined) {
      c = { buys: 0, sells: 0, date: f.date };
      perSymbol.set(key, c);
    }
    if (f.side === 'BUY') c.buys++;
    else c.sells++;
  }
  const out = new Map<string, number>();
  for (const c of perSymbol.values()) {
    const n = Math.min(c.buys, c.sells);
    if (n > 0) out.set(c.date, (out.get(c.date) ?? 0) + n);
  }
  return out;
}

/** Day trades over the last `DAY_TRADE_WINDOW_SESSIONS` of `sessions` (ascending, the current one last). */
export function dayTradesInWindow(counts: ReadonlyMap<string, number>, sessions: readonly string[]): number {
  let n = 0;
  for (const s of sessions.slice(-DAY_TRADE_WINDOW_SESSIONS)) n += counts.get(s) ?? 0;
  return n;
}

/**
 * Whether a buy of `symbol` today would be a day trade: more sells than buys of it this session.
 * Then the limit decides: 'ok', or 'warn' / 'block' when the count would exceed the limit while equity
 * is below the threshold. Never anything but 'ok' when the limit is off.
 */
export function checkDayTradeBuy(
  todayBuys: number,
  todaySells: number,
  countInWindow: number,
  equityCents: number,
  limit: DayTradeLimit,
): 'ok' | 'warn' | 'block' {
  if (limit.maxDayTrades === null) return 'ok';
  if (todaySells <= todayBuys) return 'ok';
  if (countInWindow + 1 <= limit.maxDayTrades) return 'ok';
  if (equityCents >= limit.minEquityCents) return 'ok';
  return limit.mode;
}

/** What the optional limit says of one buy: the verdict, the count it would make and the equity it saw. */
export interface DayTradeCheck {
  verdict: 'ok' | 'warn' | 'block';
  /** Day trades over the last 5 sessions if the buy went through as a day trade. */
  countAfter: number;
  equityCents: number;
}

/**
 * The day trades of one account (a portfolio live, a position in a simulation) as fills happen: per
 * session and symbol, the buys and sells, and per session the day trades they make (SPEC 8). The live
 * loop fills it from the log's recent fills, the simulation fill by fill; both ask `checkBuy` before a
 * buy, with the same rule (`checkDayTradeBuy`).
 */
export class DayTradeCounter {
  private readonly sides = new Map<string, { buys: number; sells: number }>();
  private readonly perSession = new Map<string, number>();

  record(date: string, symbol: string, side: Side): void {
    const key = `${date}|${symbol}`;
    let c = this.sides.get(key);
    if (c === undefined) {
      c = { buys: 0, sells: 0 };
      this.sides.set(key, c);
    }
    const before = Math.min(c.buys, c.sells);
    if (side === 'BUY') c.buys++;
    else c.sells++;
    if (Math.min(c.buys, c.sells) > before) this.perSession.set(date, (this.perSession.get(date) ?? 0) + 1);
  }

  /** Day trades in `sessions` (ascending, the current one last; only the last 5 count). */
  countIn(sessions: readonly string[]): number {
    return dayTradesInWindow(this.perSession, sessions);
  }

  /**
   * The limit on a buy of `symbol` in the last of `sessions` (ascending, the current one last), with
   * the account's equity now. 'ok' whenever the limit is off or the buy is not a day trade.
   */
  checkBuy(
    sessions: readonly string[],
    symbol: string,
    equityCents: number,
    limit: DayTradeLimit,
  ): DayTradeCheck {
    const today = sessions[sessions.length - 1] as string;
    const c = this.sides.get(`${today}|${symbol}`);
    const count = this.countIn(sessions);
    const verdict = checkDayTradeBuy(c?.buys ?? 0, c?.sells ?? 0, count, equityCents, limit);
    return { verdict, countAfter: count + 1, equityCents };
  }
}
