import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { Card, Stat } from '../../components/Card';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { positionHref } from '../../app/routes';
import { dateTime, money, pct } from '../../lib/format';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { useTradingStore } from '../../stores/tradingStore';
import { PortfolioPicker } from '../positions/PortfolioPicker';
import { LoopCard, ProviderCard } from './LoopCards';

export function DashboardPage() {
  const dashboard = usePortfolioStore((s) => s.dashboard);
  const error = usePortfolioStore((s) => s.dashboardError);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const trading = useTradingStore((s) => s.status);
  const busy = useTradingStore((s) => s.busy);

  useEffect(() => {
    void usePortfolioStore.getState().loadDashboard();
    void useTradingStore.getState().load();
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
      {error && (
        <ErrorBanner message={error} onRetry={() => void usePortfolioStore.getState().loadDashboard()} />
      )}
      {!dashboard && !error && <Loading />}
      {dashboard && (
        <>
          <div className="grid cols-4">
            <Stat
              testId="portfolio-value"
              label="Portfolio value"
              value={money(dashboard.valueCents)}
              sub={
                dashboard.valueCents === null
                  ? 'waiting for the first prices'
                  : 'stocks at the last evaluated price'
              }
            />
            <Stat label="Cash" value={money(dashboard.cashCents)} />
            <Stat label="Stocks" value={money(dashboard.stockValueCents)} />
            <Stat label="Dividends receivable" value={money(dashboard.receivableCents)} />
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
