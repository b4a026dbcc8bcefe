import {
  checkRiskAlerts,
  type MeasuredVar,
  type RiskAlertDeps,
} from '../../shared/application/risk/riskAlerts';
import { closeHistoryFrom, portfolioRisk } from '../../shared/application/risk/riskReport';
import type { DomainEvent, EventType } from '../../shared/domain/DomainEvent';
import { riskOf } from '../../shared/domain/risk/RiskConfig';
import type { EquityHistoryRepository } from '../../shared/ports/EquityHistoryRepository';
import type { EventLog } from '../../shared/ports/EventLog';
import type { Logger } from '../../shared/ports/Logger';
import { BundledBarSource } from '../adapters/data/BundledBarSource';

/** What changes an alert's figure or threshold: a new session close, a setting, a position. */
const ALERT_INPUTS: readonly EventType[] = [
  'ConfigChanged',
  'PositionOpened',
  'PositionStatusChanged',
  'PositionDeleted',
];

export interface RiskAlertWatchOptions {
  deps: RiskAlertDeps & {
    events: Pick<EventLog, 'append' | 'listByTenant'>;
    equityHistory: Pick<EquityHistoryRepository, 'list' | 'lastDate'>;
  };
  tenantId: string;
  /** The exchange date today (the VaR is measured on closes up to it). */
  today: () => string;
  benchmarkOf: (portfolioId: string) => string;
  logger: Logger;
  /** Each RiskAlert written (the UI's push). */
  written?: (event: DomainEvent<'RiskAlert'>) => void;
}

/**
 * The risk alerts of the live app (SPEC 9, ADR 0135), checked after each tick once the equity history
 * is up to date — in effect at each session close, and when a setting or a position changes: the check
 * runs only when the equity history's last close or the latest such event moved since the last check
 * (always once after start). The VaR is measured (bundled history, as on the Risk page) only for
 * portfolios whose VaR alert is set.
 */
export function createRiskAlertWatch(options: RiskAlertWatchOptions): { afterTick(): Promise<void> } {
  const { deps, tenantId, logger } = options;
  let lastKey: string | null = null;
  let running = false;

  const keyNow = (): string => {
    const [latest] = deps.events.listByTenant(tenantId, { types: ALERT_INPUTS, newestFirst: true, limit: 1 });
    return `${deps.equityHistory.lastDate(tenantId) ?? ''}|${latest?.id ?? ''}`;
  };

  const measureVars = async (): Promise<MeasuredVar[]> => {
    const out: MeasuredVar[] = [];
    const today = options.today();
    const history = closeHistoryFrom(new BundledBarSource(), today);
    for (const portfolio of deps.portfolios.listByTenant(tenantId)) {
      // Off: not measured; checked as unmeasured and off, which re-arms an alert that was past.
      if (riskOf(portfolio.config).alertVarPct === null) {
        out.push({ portfolioId: portfolio.id, value: null, asOf: today });
        continue;
      }
      const positions = deps.positions
        .listByTenant(tenantId, ['ACTIVE', 'PAUSED'])
        .filter((p) => p.portfolioId === portfolio.id);
      const cash = positions.reduce((s, p) => s + p.cashCents + p.receivableCents, 0) / 100;
      const risk = await portfolioRisk(
        {
          holdings: positions.map((p) => ({ symbol: p.symbol, qty: p.qty })),
          cash,
          asOf: today,
          benchmark: options.benchmarkOf(portfolio.id),
        },
        history,
      );
      out.push(
        risk.ok
          ? {
              portfolioId: portfolio.id,
              value: risk.value.report.levels.find((l) => l.confidence === 0.99)?.historicalVar1dPct ?? null,
              asOf: risk.value.asOf,
            }
          : { portfolioId: portfolio.id, value: null, asOf: today },
      );
    }
    return out;
  };

  return {
    async afterTick() {
      if (running) return;
      running = true;
      try {
        const key = keyNow();
        if (key === lastKey) return;
        const vars = await measureVars();
        const written = checkRiskAlerts(deps, tenantId, vars);
        lastKey = key;
        for (const e of written) {
          logger.info('risk alert', {
            kind: e.payload.kind,
            transition: e.payload.transition,
            symbol: e.symbol,
          });
          options.written?.(e);
        }
      } catch (err) {
        logger.error('risk alert check failed', { error: err instanceof Error ? err.message : String(err) });
      } finally {
        running = false;
      }
    },
  };
}
