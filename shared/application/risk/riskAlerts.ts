import type { DomainEvent, NewEvent } from '../../domain/DomainEvent';
import type { AlertCheck } from '../../domain/risk/RiskAlerts';
import { alertKey, alertStep, drawdownNow } from '../../domain/risk/RiskAlerts';
import { riskOf } from '../../domain/risk/RiskConfig';
import { alertSubjectWords, riskAlertWords } from '../../format/RiskWords';
import type { Clock } from '../../ports/Clock';
import type { EquityHistoryRepository, EquityHistoryRow } from '../../ports/EquityHistoryRepository';
import type { EventLog } from '../../ports/EventLog';
import type { Notification, Notifier } from '../../ports/Notifier';
import type { PortfolioRepository } from '../../ports/PortfolioRepository';
import type { PositionRepository } from '../../ports/PositionRepository';
import type { UnitOfWork } from '../../ports/UnitOfWork';
import { positionConfig } from '../trading/positionConfig';

/**
 * Checks every risk alert of a tenant (SPEC 9, docs/adr/0135) and records what crossed: the drawdown of
 * each portfolio and of each open position at the last session close of the equity history, and the VaR
 * when the caller measured it. Each figure's previous state is the last `RiskAlert` of its key in the
 * log; a crossing or a re-arm is one `RiskAlert`, all of one check in one transaction; each crossing is
 * a notification, sent after the commit. Idempotent: checking again without a change writes nothing.
 */

export type RiskAlertDeps = {
  uow: UnitOfWork;
  clock: Clock;
  events: Pick<EventLog, 'append' | 'listByTenant'>;
  portfolios: Pick<PortfolioRepository, 'listByTenant'>;
  positions: Pick<PositionRepository, 'listByTenant'>;
  equityHistory: Pick<EquityHistoryRepository, 'list'>;
  notifier: Notifier;
};

/** The VaR of a portfolio as a share of equity (1 day, historical, 99 %) at the close of `asOf`. */
export interface MeasuredVar {
  portfolioId: string;
  value: number | null;
  asOf: string;
}

/** The tenant's current state of every alert key: true while its figure is past its threshold. */
export function alertStates(deps: Pick<RiskAlertDeps, 'events'>, tenantId: string): Map<string, boolean> {
  const states = new Map<string, boolean>();
  // Oldest first: the last event of a key wins.
  for (const e of deps.events.listByTenant(tenantId, { types: ['RiskAlert'] }))
    if (e.type === 'RiskAlert')
      states.set(alertKey(e.portfolioId, e.payload.kind, e.positionId), e.payload.transition === 'crossed');
  return states;
}

interface Subject {
  portfolioId: string;
  check: AlertCheck;
}

/** The figures to check now, from the equity history and the VaR the caller measured. */
export function alertSubjects(
  deps: Pick<RiskAlertDeps, 'portfolios' | 'positions' | 'equityHistory'>,
  tenantId: string,
  vars: readonly MeasuredVar[] = [],
): Subject[] {
  const subjects: Subject[] = [];
  const positions = deps.positions.listByTenant(tenantId, ['ACTIVE', 'PAUSED']);
  for (const portfolio of deps.portfolios.listByTenant(tenantId)) {
    const risk = riskOf(portfolio.config);
    const rows = deps.equityHistory.list(tenantId, { portfolioId: portfolio.id });
    const byPosition = new Map<string | null, EquityHistoryRow[]>();
    for (const r of rows) {
      const list = byPosition.get(r.positionId);
      if (list === undefined) byPosition.set(r.positionId, [r]);
      else list.push(r);
    }
    const drawdownOf = (list: readonly EquityHistoryRow[] | undefined) =>
      list === undefined || list.length === 0
        ? { value: null, asOf: '' }
        : {
            value: drawdownNow(
              list.map((r) => r.equityCents),
              list.map((r) => r.dayFlowCents),
            ),
            asOf: (list[list.length - 1] as EquityHistoryRow).date,
          };
    const total = drawdownOf(byPosition.get(null));
    subjects.push({
      portfolioId: portfolio.id,
      check: {
        kind: 'portfolio_drawdown',
        positionId: null,
        symbol: null,
        threshold: risk.alertDrawdownPct,
        ...total,
      },
    });
    for (const position of positions) {
      if (position.portfolioId !== portfolio.id) continue;
      const own = drawdownOf(byPosition.get(position.id));
      subjects.push({
        portfolioId: portfolio.id,
        check: {
          kind: 'position_drawdown',
          positionId: position.id,
          symbol: position.symbol,
          threshold: riskOf(positionConfig(portfolio, position)).alertDrawdownPct,
          ...own,
        },
      });
    }
    const measured = vars.find((v) => v.portfolioId === portfolio.id);
    if (measured !== undefined)
      subjects.push({
        portfolioId: portfolio.id,
        check: {
          kind: 'var',
          positionId: null,
          symbol: null,
          threshold: risk.alertVarPct,
          value: measured.value,
          asOf: measured.asOf,
        },
      });
  }
  return subjects;
}

/** The notification of a crossing. */
export function riskAlertNotification(e: DomainEvent<'RiskAlert'>): Notification {
  return {
    kind: 'riskAlert',
    title: `Risk alert: ${alertSubjectWords(e.payload.kind, e.symbol)}`,
    body: riskAlertWords(e.payload, e.symbol),
    tenantId: e.tenantId,
    positionId: e.positionId,
    symbol: e.symbol,
    at: e.ts,
  };
}

/** Checks every alert of the tenant now; returns the RiskAlert events written (crossings and re-arms). */
export function checkRiskAlerts(
  deps: RiskAlertDeps,
  tenantId: string,
  vars: readonly MeasuredVar[] = [],
): DomainEvent<'RiskAlert'>[] {
  const written = deps.uow.transaction(() => {
    const states = alertStates(deps, tenantId);
    const now = deps.clock.now();
    const events: NewEvent<'RiskAlert'>[] = [];
    for (const { portfolioId, check } of alertSubjects(deps, tenantId, vars)) {
      const step = alertStep(check, states.get(alertKey(portfolioId, check.kind, check.positionId)) ?? false);
      if (step === 'none') continue;
      events.push({
        type: 'RiskAlert',
        tenantId,
        portfolioId,
        positionId: check.positionId,
        symbol: check.symbol,
        ts: now,
        correlationId: `risk-alert:${check.asOf}`,
        payload: {
          kind: check.kind,
          transition: step,
          value: check.value,
          threshold: check.threshold,
          asOf: check.asOf,
        },
      });
    }
    return events.length === 0 ? [] : (deps.events.append(tenantId, events) as DomainEvent<'RiskAlert'>[]);
  });
  for (const e of written)
    if (e.payload.transition === 'crossed') deps.notifier.notify(riskAlertNotification(e));
  return written;
}
