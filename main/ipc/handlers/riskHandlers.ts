import { closeHistoryFrom, portfolioRisk, stressTests } from '../../../shared/application/risk/riskReport';
import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import { riskOf, type RiskConfig } from '../../../shared/domain/risk/RiskConfig';
import { distanceToLimit } from '../../../shared/domain/risk/RiskRules';
import {
  formatCount,
  formatDollars,
  formatPercent,
  formatPercentSetting,
  formatShares,
} from '../../../shared/format/Format';
import { stressNoDataWords } from '../../../shared/format/RiskWords';
import type { RiskAlertDto, RiskFiguresDto, RiskLimitDto, RiskReportDto } from '../../../shared/ipc/dto/risk';
import { ALERT_LIST_TYPES, riskAlertDto } from '../mappers/riskAlertDtos';
import { ipcOk } from '../../../shared/ipc/result';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import type { Backend } from '../../composition/Backend';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';

export type RiskChannels = 'risk.getReport' | 'risk.listAlerts';

/** What the portfolio measures against each portfolio-wide limit today (fractions; null = unknown). */
export interface RiskNow {
  dayChange: number | null;
  drawdown: number | null;
  exposure: number | null;
  var99Pct: number | null;
}

/** "2.30 % above the daily loss stop" / "past the daily loss stop by 0.40 %". */
function distanceText(distance: number | null, name: string, unknown: string): string {
  if (distance === null) return unknown;
  return distance >= 0
    ? `${formatPercent(distance)} above the ${name}`
    : `past the ${name} by ${formatPercent(-distance)}`;
}

/** Every SPEC 9 limit of the risk section, with its current distance where the portfolio has one. */
export function riskLimits(r: RiskConfig, now: RiskNow): RiskLimitDto[] {
  const rows: RiskLimitDto[] = [];
  const off = { setting: 'off', on: false, distance: null, text: 'off' };
  const pctLimit = (
    key: keyof RiskConfig,
    label: string,
    name: string,
    distance: (limit: number) => number | null,
    how: string,
    unknown: string,
  ): void => {
    const limit = r[key];
    if (limit === null) {
      rows.push({ key, label, ...off, how });
      return;
    }
    const d = distance(limit);
    rows.push({
      key,
      label,
      setting: formatPercentSetting(limit),
      on: true,
      distance: d,
      text: distanceText(d, name, unknown),
      how,
    });
  };
  pctLimit(
    'dailyLossLimitPct',
    'Daily loss stop',
    'daily loss stop',
    (l) => distanceToLimit(now.dayChange, l),
    "Today's equity change since the last close plus the limit: no new buys when it reaches 0.",
    'no close yet to compare with',
  );
  pctLimit(
    'maxDrawdownPct',
    'Drawdown circuit breaker',
    'drawdown circuit breaker',
    (l) => distanceToLimit(now.drawdown, l),
    'The drawdown from the highest session close plus the limit: the portfolio halts when it reaches 0.',
    'no equity history yet',
  );
  pctLimit(
    'alertDrawdownPct',
    'Drawdown alert',
    'drawdown alert',
    (l) => distanceToLimit(now.drawdown, l),
    'The drawdown from the highest session close plus the threshold: an alert when it reaches 0.',
    'no equity history yet',
  );
  pctLimit(
    'alertVarPct',
    'VaR alert',
    'VaR alert',
    (l) => (now.var99Pct === null ? null : l - now.var99Pct),
    'The threshold minus the 1-day historical VaR at 99 % as a share of equity: an alert when it reaches 0.',
    'VaR not measurable',
  );
  pctLimit(
    'maxTotalExposurePct',
    'Largest stock exposure',
    'stock exposure limit',
    (l) => (now.exposure === null ? null : l - now.exposure),
    'The limit minus stock value / equity: buys that would pass it are rejected.',
    'no equity',
  );
  const perOrder = (
    key: keyof RiskConfig,
    label: string,
    format: (v: number) => string,
    how: string,
    text = 'checked on each order',
  ): void => {
    const v = r[key];
    rows.push(
      v === null
        ? { key, label, ...off, how }
        : { key, label, setting: format(v), on: true, distance: null, text, how },
    );
  };
  perOrder(
    'positionStopPct',
    'Position stop',
    formatPercentSetting,
    'Sells a position whose price falls this far below its average cost.',
    'checked for each position at each price',
  );
  perOrder(
    'trailingStopPct',
    'Trailing stop',
    formatPercentSetting,
    'Sells a position whose price falls this far below its highest close since bought.',
    'checked for each position at each price',
  );
  perOrder(
    'maxOrdersPerMinute',
    'Orders per minute (all)',
    formatCount,
    'Orders placed in the last minute, all symbols.',
  );
  perOrder(
    'maxOrdersPerMinutePerSymbol',
    'Orders per minute per symbol',
    formatCount,
    'Orders placed in the last minute, per symbol.',
  );
  perOrder(
    'maxPositionQty',
    'Largest position (shares)',
    formatShares,
    'Shares a position may hold after an order.',
  );
  perOrder(
    'maxPositionValue',
    'Largest position (value)',
    formatDollars,
    'Value a position may hold after an order.',
  );
  return rows;
}

/** Today's risk report of a portfolio (all positions when none): the Risk page's one call. */
export async function riskReport(backend: Backend, portfolioId: string | undefined): Promise<RiskReportDto> {
  const portfolios = backend.queries.portfolios();
  const portfolio = portfolios.find((p) => p.id === portfolioId) ?? portfolios[0] ?? null;
  const positions = backend.queries
    .positions()
    .filter((p) => p.status !== 'CLOSED' && (portfolioId === undefined || p.portfolioId === portfolioId));
  const holdings = positions.map((p) => ({ symbol: p.symbol, qty: p.qty }));
  const cash = positions.reduce((s, p) => s + p.cashCents + p.receivableCents, 0) / 100;
  const today = backend.accounting.today();
  const history = closeHistoryFrom(new BundledBarSource(), today);
  const benchmark = backend.accounting.benchmarkOf(portfolio?.id ?? null);
  const [risk, stress] = await Promise.all([
    portfolioRisk({ holdings, cash, asOf: today, benchmark }, history),
    stressTests({ holdings, cash, asOf: today, benchmark }, history),
  ]);
  let figures: RiskFiguresDto | null = null;
  if (risk.ok) {
    const { report } = risk.value;
    figures = {
      asOf: risk.value.asOf,
      from: risk.value.from,
      window: risk.value.window,
      sessions: report.sessions,
      benchmark: risk.value.benchmark,
      stockValue: report.stockValue,
      equity: report.equity,
      sigma: report.sigma,
      levels: report.levels.map(({ z: _z, ...l }) => l),
      holdings: report.holdings,
      correlation: report.correlation,
      beta: report.beta,
      concentration: report.concentration,
      pnl: [...report.pnl],
    };
  }
  let dayChange: number | null = null;
  let drawdown: number | null = null;
  try {
    const dashboard = await backend.accounting.dashboard(portfolio?.id ?? null);
    dayChange = dashboard.todayChange;
    const perf = await backend.accounting.performance({ portfolioId: portfolio?.id ?? null });
    drawdown = perf.drawdown.length > 0 ? (perf.drawdown[perf.drawdown.length - 1] as number) : null;
  } catch {
    // No equity history yet: the limits that need it say so.
  }
  const var99 = figures?.levels.find((l) => l.confidence === 0.99)?.historicalVar1dPct ?? null;
  const equity = figures?.equity ?? null;
  const limits = riskLimits(riskOf(portfolio?.config ?? DEFAULT_STRATEGY_CONFIG), {
    dayChange,
    drawdown,
    exposure: equity !== null && equity > 0 && figures !== null ? figures.stockValue / equity : null,
    var99Pct: var99,
  });
  return {
    portfolioId: portfolio?.id ?? null,
    figures,
    reason: risk.ok ? null : risk.message,
    stress: stress.ok
      ? stress.value.results.map((s) => ({
          name: s.name,
          kind: s.kind,
          from: s.from ?? null,
          to: s.to ?? null,
          pnl: s.pnl,
          pnlPct: s.pnlPct,
          flagged: s.flagged,
          noData: s.noData === null ? null : stressNoDataWords(s.noData, stress.value.asOf),
        }))
      : [],
    limits,
  };
}

/**
 * The alert list, newest first: RiskAlert crossings and re-arms, and the risk manager's events (read by
 * type name: main/ipc/mappers/riskAlertDtos). A portfolio's list holds its own events only.
 */
export function riskAlertList(
  backend: Backend,
  portfolioId: string | undefined,
  limit = 200,
): RiskAlertDto[] {
  const events = backend.queries.events({
    // RiskExit, TradingHalted and TradingResumed are the live risk manager's types (risklive).
    types: ALERT_LIST_TYPES,
    newestFirst: true,
    limit,
  });
  const out: RiskAlertDto[] = [];
  for (const e of events) {
    if (portfolioId !== undefined && e.portfolioId !== portfolioId) continue;
    const dto = riskAlertDto(e);
    if (dto !== null) out.push(dto);
  }
  return out;
}

/** SPEC 9 on the Risk page (issue 17). */
export function riskHandlers({ backend }: HandlerDeps): Pick<Handlers, RiskChannels> {
  return {
    'risk.getReport': async (req) => ipcOk(await riskReport(backend, req.portfolioId)),
    'risk.listAlerts': (req) => Promise.resolve(ipcOk(riskAlertList(backend, req.portfolioId, req.limit))),
  };
}
