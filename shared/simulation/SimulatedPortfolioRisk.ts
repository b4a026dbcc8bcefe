import type { StrategyConfig } from '../domain/Config';
import { riskOf } from '../domain/risk/RiskConfig';
import { checkPortfolio, type HaltReason } from '../domain/risk/RiskRules';

/** What a simulated portfolio may do at a step: 0 everything, 1 sells only (daily loss stop), 2 nothing. */
export type SimGate = 0 | 1 | 2;
export const GATE_ALL: SimGate = 0;
export const GATE_SELLS: SimGate = 1;
export const GATE_NONE: SimGate = 2;

/**
 * SPEC 9's portfolio rules in a simulation, with the live loop's `checkPortfolio` (docs/adr/0131): at
 * each step, before the positions' rules, the portfolio's equity at the step's closes is compared with the
 * previous session's close equity (daily loss stop: no new buys for the rest of that session) and with
 * the peak of the session closes (circuit breaker). A run has no investor to resume it: a halt holds
 * for the rest of the run. Made only when the run's config sets either limit; otherwise null and the
 * replay is exactly the one before.
 */
export class SimulatedPortfolioRisk {
  private previousClose: number | null = null;
  private peak: number | null = null;
  private halted = false;
  private blockedSession: string | null = null;

  private constructor(
    private readonly dailyLossLimitPct: number | null,
    private readonly maxDrawdownPct: number | null,
  ) {}

  static of(config: StrategyConfig): SimulatedPortfolioRisk | null {
    const r = riskOf(config);
    if (r.dailyLossLimitPct === null && r.maxDrawdownPct === null) return null;
    return new SimulatedPortfolioRisk(r.dailyLossLimitPct, r.maxDrawdownPct);
  }

  /**
   * The gate for a step of `session` at `equityCents`, and the rule that fired at it (null when none did
   * now: a halt or a daily stop already in force fires once).
   */
  onStep(
    session: string,
    equityCents: number,
  ): { gate: SimGate; fired: { reason: HaltReason; referenceCents: number } | null } {
    if (this.halted) return { gate: GATE_NONE, fired: null };
    const d = checkPortfolio(
      { equity: equityCents, previousCloseEquity: this.previousClose, peakEquity: this.peak },
      { dailyLossLimitPct: this.dailyLossLimitPct, maxDrawdownPct: this.maxDrawdownPct },
    );
    if (d.halt) {
      this.halted = true;
      return {
        gate: GATE_NONE,
        fired: { reason: 'max_drawdown', referenceCents: Math.max(this.peak as number, equityCents) },
      };
    }
    if (this.blockedSession === session) return { gate: GATE_SELLS, fired: null };
    if (d.noNewBuys) {
      this.blockedSession = session;
      return {
        gate: GATE_SELLS,
        fired: { reason: 'daily_loss_stop', referenceCents: this.previousClose as number },
      };
    }
    return { gate: GATE_ALL, fired: null };
  }

  /** A session closed at `equityCents`: the next session's previous close and, maybe, a new peak. */
  onSessionClose(equityCents: number): void {
    this.previousClose = equityCents;
    if (this.peak === null || equityCents > this.peak) this.peak = equityCents;
  }
}
