import { resolveCommission } from '../../domain/Commission';
import type { DomainEvent } from '../../domain/DomainEvent';
import { exchangeDateOf, marketSessionAt } from '../../domain/calendar';
import type { EvaluationPayload } from '../../domain/DomainEvent';
import { describeEvaluation, evaluationHeadline, evaluationWhy } from '../../format/EvaluationWords';
import type { QuoteResult } from '../../ports/MarketData';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { PositionRecord } from '../../ports/PositionRepository';
import { loadPortfolio, loadPosition } from '../ledger/loaders';
import { fail, ok, type Result } from '../ledger/Result';
import { decidePosition, sessionAllowsTrading } from './decidePosition';
import { exchangeDayBounds } from './exchangeDay';
import { positionConfig } from './positionConfig';
import { validateDecision } from '../risk/validateDecision';
import { applyRisk, portfolioHalts } from '../risk/liveRisk';
import { riskExitNotification } from '../risk/riskNotifications';
import { tradingAllowed } from '../../domain/risk/TradingHalt';
import { writeDecision, type TickDeps } from './runTick';
import { manualTickId } from './tickId';

export interface EvaluatePositionInput {
  tenantId: string;
  positionId: string;
}

export interface EvaluatePositionResult {
  /** The position after the evaluation (an initial anchor may have been set). */
  position: PositionRecord;
  evaluation: DomainEvent<'EvaluationEvent'>;
  /** The order it created (NEW, queued for the worker), if any. */
  order: OrderRecord | null;
  rejection: DomainEvent<'OrderRejected'> | null;
  /** What was decided, in words, decision first (shared/format/EvaluationWords). */
  words: string;
}

/**
 * "Evaluate this position now" (SPEC 4.1.1, issue 15, ADR 0063): one position through exactly what a tick
 * does to it — session, one quote (logged in the quote log), trigger, sizing, guardrails — written under
 * a manual tick id of its own (`manual:<ulid>`), so it never collides with nor replaces a scheduled tick.
 * A trade it allows is an order (NEW) and an intent (QUEUED) like a tick's. A closed market or a failed
 * quote is a HOLD with its reason, written like any evaluation. Only an ACTIVE position is evaluated.
 */
export async function evaluatePositionNow(
  deps: TickDeps,
  input: EvaluatePositionInput,
  options: { quoteTimeoutMs: number },
): Promise<Result<EvaluatePositionResult>> {
  const loaded = loadPosition(deps, input.tenantId, input.positionId);
  if (!loaded.ok) return loaded;
  const seen = loaded.value;
  if (seen.status !== 'ACTIVE')
    return fail(
      'conflict',
      `${seen.symbol} is ${seen.status === 'PAUSED' ? 'paused: resume it to evaluate it' : 'closed'}`,
    );
  const portfolio = loadPortfolio(deps, input.tenantId, seen.portfolioId);
  if (!portfolio.ok) return portfolio;
  const config = positionConfig(portfolio.value, seen);
  const tickId = manualTickId(deps.ids);
  const session = marketSessionAt(deps.clock.now());
  let quote: QuoteResult | null = null;
  if (sessionAllowsTrading(session, config)) {
    try {
      quote = (await deps.marketData.getQuotes([seen.symbol], { timeoutMs: options.quoteTimeoutMs })).get(
        seen.symbol,
      ) ?? { ok: false, kind: 'provider_error', error: 'no answer' };
    } catch (err) {
      quote = { ok: false, kind: 'provider_error', error: err instanceof Error ? err.message : String(err) };
    }
    if (quote.ok) {
      const q = quote.quote;
      deps.uow.transaction(() =>
        deps.quotes.append(null, [
          {
            symbol: q.symbol,
            ts: q.ts,
            bid: q.bid,
            ask: q.ask,
            last: q.last,
            source: deps.marketData.name,
            tickId,
          },
        ]),
      );
    }
  }
  const exits: DomainEvent<'RiskExit'>[] = [];
  const result = deps.uow.transaction((): Result<EvaluatePositionResult> => {
    const fresh = loadPosition(deps, input.tenantId, input.positionId);
    if (!fresh.ok) return fresh;
    const position = fresh.value;
    if (position.status !== 'ACTIVE') return fail('conflict', `${position.symbol} is no longer active`);
    const now = deps.clock.now();
    const day = exchangeDayBounds(exchangeDateOf(now));
    const commission = resolveCommission(
      deps.commissionRates.listApplicable(input.tenantId),
      input.tenantId,
      position.symbol,
    );
    const decided = decidePosition({
      state: position,
      config,
      session,
      quote,
      openOrder: deps.orders.listOpen(input.tenantId, position.id)[0] ?? null,
      commission,
      today: {
        ordersToday: deps.orders.countActiveCreatedBetween(input.tenantId, position.id, day.fromMs, day.toMs),
        notionalTodayCents: deps.trades.sumNotionalCentsBetween(
          input.tenantId,
          position.id,
          day.fromMs,
          day.toMs,
        ),
      },
      now,
    });
    // SPEC 9 as in a tick: the portfolio's halt in force and the position stop (the trailing stop needs
    // the closes a tick reads first), then the order validator; other holdings at their anchor.
    const halt = portfolioHalts(deps.events, input.tenantId, now).get(position.portfolioId);
    const risked = applyRisk(
      position,
      decided,
      config,
      halt === undefined ? 'all' : tradingAllowed(halt),
      {
        averageCost: () => deps.riskReferences?.averageCost(input.tenantId, position.id) ?? null,
        highestClose: null,
      },
      commission,
    );
    const decision =
      risked.riskExit === undefined
        ? validateDecision(deps, position, risked, config, commission, now, () => null)
        : risked;
    const written = writeDecision(deps, position, decision, commission, tickId, now);
    if (written.riskExit !== null) exits.push(written.riskExit);
    return ok({
      position: written.positionChanged ?? position,
      evaluation: written.evaluation,
      order: written.order,
      rejection: written.rejection,
      words: evaluationWords(written.evaluation.payload),
    });
  });
  for (const e of exits) deps.notifier.notify(riskExitNotification(e));
  return result;
}

/** The decision in words; a SKIP (an open order) has no reason code, so its detail says why. */
export function evaluationWords(payload: EvaluationPayload): string {
  if (evaluationWhy(payload).length === 0 && payload.detail)
    return `${evaluationHeadline(payload)} — ${payload.detail}`;
  return describeEvaluation(payload);
}
