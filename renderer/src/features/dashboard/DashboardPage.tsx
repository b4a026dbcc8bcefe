import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { Card, Stat } from '../../components/Card';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { positionHref } from '../../app/routes';
import type { DashboardDto } from '../../../../shared/ipc/dto/trading';
import { formatAsOf, formatShares } from '../../../../shared/format/Format';
import { dateTime, money, pct, relative } from '../../lib/format';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { useTradingStore } from '../../stores/tradingStore';
import { PortfolioPicker } from '../positions/PortfolioPicker';
import { LoopCard, ProviderCard } from './LoopCards';
import { AccountingFigures } from './AccountingFigures';
import { HaltBanner } from '../halts/HaltBanner';
import { haltedPortfolios, useHaltStore } from '../../stores/haltStore';

export function DashboardPage() {
  const dashboard = usePortfolioStore((s) => s.dashboard);
  const error = usePortfolioStore((s) => s.dashboardError);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const trading = useTradingStore((s) => s.status);
  const busy = useTradingStore((s) => s.busy);
  const halts = useHaltStore((s) => s.halts);

  useEffect(() => {
    void usePortfolioStore.getState().loadDashboard();
    void useTradingStore.getState().load();
    void useHaltStore.getState().load();
  }, [selectedId]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Dashboard</h1>
        <PortfolioPicker />
        <span className="spacer" />
        {trading && (
          <>
            <Button busy={busy === 'evaluate'} onClick={() => void useTradingStore.getState().evaluateNow()}>
              Evaluate now
            </Button>
            {trading.paused ? (
              <Button
                variant="primary"
                busy={busy === 'resume'}
                onClick={() => void useTradingStore.getState().resume()}
              >
                Resume trading
              </Button>
            ) : (
              <Button busy={busy === 'pause'} onClick={() => void useTradingStore.getState().pause()}>
                Pause trading
              </Button>
            )}
          </>
        )}
      </div>
      <HaltBanner portfolioId={selectedId} />
      {error && (
        <ErrorBanner message={error} onRetry={() => void usePortfolioStore.getState().loadDashboard()} />
      )}
      {!dashboard && !error && <Loading />}
      {dashboard && (
        <>
          <PaperNote
            dashboard={dashboard}
            now={trading?.clockNow ?? null}
            halted={
              trading?.halted.ledger === true
                ? "Trading is halted: the ledger's check failed."
                : haltedPortfolios(halts).some(
                      (h) => h.state === 'halted' && (selectedId === null || h.portfolioId === selectedId),
                    )
                  ? 'The portfolio is halted: no order until you resume it.'
                  : null
            }
          />
          <AccountingFigures portfolioId={selectedId} />
          <div className="grid cols-4">
            <Stat
              testId="portfolio-value"
              label="Portfolio value"
              value={
                <span title="Cash + dividends receivable + Σ shares × last known price of every position">
                  {money(dashboard.valueCents)}
                </span>
              }
              sub={valueSub(dashboard)}
            />
            <Stat
              label="Cash"
              value={
                <span title="Σ of the positions' cash: deposits − withdrawals − buys (notional + commission) + sells (notional − commission) + dividends paid">
                  {money(dashboard.cashCents)}
                </span>
              }
            />
            <Stat
              label="Stocks"
              value={
                <span title="Σ shares × last known price (the exact product, rounded to the cent)">
                  {money(dashboard.stockValueCents)}
                </span>
              }
            />
            <Stat
              label="Dividends receivable"
              value={
                <span title="Net dividends accrued on their ex-dates and not paid yet">
                  {money(dashboard.receivableCents)}
                </span>
              }
            />
          </div>
          <div className="grid two">
            <Card title="Allocation" labelledBy="allocation-title">
              {dashboard.allocation.length === 0 ? (
                <Empty title="No open positions" action={<a href="#/positions">Add a position</a>} />
              ) : (
                <div role="list">
                  {dashboard.allocation.map((a) => (
                    <div className="alloc-row" role="listitem" key={a.positionId}>
                      <a href={positionHref(a.positionId)}>{a.symbol}</a>
                      <div
                        className="alloc-track"
                        role="meter"
                        aria-label={`${a.symbol} stock allocation`}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={a.stockPct === null ? 0 : Math.round(a.stockPct * 100)}
                      >
                        <span
                          className="alloc-band"
                          style={{
                            left: `${a.minStockPct * 100}%`,
                            width: `${(a.maxStockPct - a.minStockPct) * 100}%`,
                          }}
                        />
                        {a.stockPct !== null && (
                          <span
                            className="alloc-fill"
                            style={{ width: `${Math.min(1, a.stockPct) * 100}%` }}
                          />
                        )}
                      </div>
                      <span className="num">{pct(a.stockPct, 1)}</span>
                    </div>
                  ))}
                  <p className="small muted">Bar: stock share of each position; shaded: its allowed band.</p>
                </div>
              )}
            </Card>
            <Card title={`Today (${dashboard.today.date})`}>
              <dl className="kv" data-testid="today">
                <dt>Evaluations</dt>
                <dd>{dashboard.today.evaluations}</dd>
                <dt>HOLD decisions</dt>
                <dd>{dashboard.today.holds}</dd>
                <dt>Orders</dt>
                <dd>{dashboard.today.orders}</dd>
                <dt>Fills</dt>
                <dd>{dashboard.today.fills}</dd>
                <dt>Rejections</dt>
                <dd>{dashboard.today.rejections}</dd>
              </dl>
            </Card>
            {trading ? (
              <LoopCard status={trading} />
            ) : (
              <Card title="Live loop">
                <Loading />
              </Card>
            )}
            {trading ? (
              <ProviderCard status={trading} />
            ) : (
              <Card title="Market data">
                <Loading />
              </Card>
            )}
          </div>
          <Card title="Recent activity">
            {dashboard.recent.length === 0 ? (
              <Empty title="Nothing yet">Fills, anchor moves and cash movements appear here.</Empty>
            ) : (
              <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="recent">
                {dashboard.recent.map((e) => (
                  <li key={e.id} className="row">
                    <span className="mono muted">{dateTime(e.ts)}</span>
                    {e.symbol && <strong>{e.symbol}</strong>}
                    <span>{e.summary}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

/** What the value is made of: prices "as of" when not live, shares without any price left out and named. */
function valueSub(d: DashboardDto): string {
  if (d.valueCents === null) return 'no open position';
  const parts = [
    d.pricesAsOf === null ? 'stocks at the last price' : `stocks at prices ${formatAsOf(d.pricesAsOf)}`,
  ];
  if (d.unpriced.length > 0)
    parts.push(
      `not counted: ${d.unpriced.map((u) => `${formatShares(u.qty)} of ${u.symbol}`).join(', ')} (no price yet)`,
    );
  return parts.join('; ');
}

/**
 * Issue 15: the Dashboard says plainly that trading is on paper, and when the first buy will happen.
 */
function PaperNote({
  dashboard,
  now,
  halted,
}: {
  dashboard: DashboardDto;
  now: number | null;
  /** Why nothing trades now (the ledger's check, the circuit breaker), or null. */
  halted: string | null;
}) {
  const waiting = dashboard.awaitingFirstTrade.map((a) => a.symbol);
  const at = dashboard.nextTradeAt;
  const when =
    at === null ? '' : ` at ${dateTime(at)} New York${now !== null ? ` (${relative(at, now)})` : ''}`;
  return (
    <p className="note" data-testid="paper-note">
      <strong>Paper trading.</strong> Orders fill against market quotes inside this app: no broker, no real
      money.{' '}
      {halted !== null
        ? halted
        : waiting.length > 0
          ? `${waiting.join(', ')} ${waiting.length === 1 ? 'has' : 'have'} not bought yet: the first evaluation with the market open buys to the initial stock share${when}.`
          : at !== null && now !== null && at - now > 10 * 60_000
            ? `The market is closed: the next trade can happen${when}.`
            : ''}
    </p>
  );
}
