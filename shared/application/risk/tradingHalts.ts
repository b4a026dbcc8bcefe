import { z } from 'zod';
import type { DomainEvent } from '../../domain/DomainEvent';
import type { HaltFact } from '../../domain/risk/TradingHalt';
import type { Clock } from '../../ports/Clock';
import type { EventLog } from '../../ports/EventLog';
import type { IdGenerator } from '../../ports/IdGenerator';
import type { Notifier } from '../../ports/Notifier';
import type { PortfolioRepository } from '../../ports/PortfolioRepository';
import type { PositionRepository } from '../../ports/PositionRepository';
import type { QuoteLogRepository } from '../../ports/QuoteLogRepository';
import type { UnitOfWork } from '../../ports/UnitOfWork';
import { fail, ok, type Result } from '../ledger/Result';
import { inTransaction } from '../ledger/transaction';
import { actorSchema, idSchema, parseInput, reasonSchema } from '../ledger/validation';
import { equityNow, portfolioEvent, portfolioHalts } from './liveRisk';
import { resumeNotification } from './riskNotifications';

export interface HaltDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  events: EventLog;
  portfolios: Pick<PortfolioRepository, 'get' | 'listByTenant'>;
  positions: Pick<PositionRepository, 'listByPortfolio'>;
  quotes: Pick<QuoteLogRepository, 'latest'>;
  notifier?: Notifier;
}

/** One portfolio's trading state as the Dashboard, the CLI and the IPC show it (SPEC 9). */
export interface PortfolioHaltView {
  portfolioId: string;
  name: string;
  /** 'halted': circuit breaker, nothing trades; 'noBuys': the daily loss stop today; 'trading'. */
  state: 'halted' | 'noBuys' | 'trading';
  /** The halt in force (the circuit breaker's, else the daily loss stop's), or null. */
  halt: HaltFact | null;
}

/** Every portfolio of the tenant with its halt state now, from the log alone. */
export function listTradingHalts(deps: HaltDeps, tenantId: string): PortfolioHaltView[] {
  const halts = portfolioHalts(deps.events, tenantId, deps.clock.now());
  return deps.portfolios.listByTenant(tenantId).map((p) => {
    const state = halts.get(p.id);
    const halt = state?.halted ?? state?.buysBlocked ?? null;
    return {
      portfolioId: p.id,
      name: p.name,
      state: state?.halted ? 'halted' : state?.buysBlocked ? 'noBuys' : 'trading',
      halt,
    };
  });
}

export const ResumeTradingInput = z
  .object({
    tenantId: idSchema('tenantId'),
    portfolioId: idSchema('portfolioId'),
    by: actorSchema,
    why: reasonSchema.optional(),
  })
  .strict();
export type ResumeTradingInput = z.input<typeof ResumeTradingInput>;

/**
 * The investor resumes a portfolio the circuit breaker halted (SPEC 9): one `TradingResumed` event with
 * the equity now, from which the drawdown is measured again (docs/adr/0130), and a notification. The
 * daily loss stop is not lifted: it lapses at the next session. Refused (conflict) when the portfolio is
 * not halted.
 */
export function resumeTrading(
  deps: HaltDeps,
  input: ResumeTradingInput,
): Result<DomainEvent<'TradingResumed'>> {
  const parsed = parseInput(ResumeTradingInput, input);
  if (!parsed.ok) return parsed;
  const { tenantId, portfolioId, by, why } = parsed.value;
  const result = inTransaction(deps.uow, (): Result<DomainEvent<'TradingResumed'>> => {
    const portfolio = deps.portfolios.get(tenantId, portfolioId);
    if (portfolio === null) return fail('not_found', `portfolio ${portfolioId} does not exist`);
    const now = deps.clock.now();
    const state = portfolioHalts(deps.events, tenantId, now).get(portfolioId);
    if (state?.halted == null)
      return fail('conflict', `portfolio ${portfolio.name} is not halted: there is nothing to resume`);
    const positions = deps.positions
      .listByPortfolio(tenantId, portfolioId)
      .filter((p) => p.status !== 'CLOSED');
    const [event] = deps.events.append(tenantId, [
      portfolioEvent(
        portfolio,
        'TradingResumed',
        {
          reason: state.halted.reason,
          by,
          why: why === undefined || why === '' ? null : why,
          equityCents: equityNow(deps, positions, new Map()),
        },
        deps.ids.next(),
        now,
      ),
    ]);
    return ok(event as DomainEvent<'TradingResumed'>);
  });
  if (result.ok) deps.notifier?.notify(resumeNotification(result.value));
  return result;
}
