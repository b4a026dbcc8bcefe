import { Badge } from '../components/Card';
import { useAppStore } from '../stores/appStore';
import { useTradingStore } from '../stores/tradingStore';
import { haltedPortfolios, useHaltStore } from '../stores/haltStore';
import { NAV, navPageOf, type Route } from './routes';

export function Sidebar({ route, mode }: { route: Route; mode: 'electron' | 'browser' }) {
  const current = navPageOf(route);
  const connection = useAppStore((s) => s.connection);
  const marketData = useAppStore((s) => s.status?.marketData);
  const trading = useTradingStore((s) => s.status);
  const ledgerFailed = useAppStore((s) => s.status?.integrity.state === 'failed');
  const halts = useHaltStore((s) => s.halts);
  const riskHalted =
    halts === null
      ? (trading?.halted.portfolios ?? [])
      : haltedPortfolios(halts)
          .filter((h) => h.state === 'halted')
          .map((h) => h.name);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Volatility Balancing
      </div>
      {NAV.map((item) => (
        <a
          key={item.page}
          className="nav-link"
          href={item.href}
          aria-current={item.page === current ? 'page' : undefined}
        >
          {item.label}
        </a>
      ))}
      <div className="sidebar-footer">
        {trading && (
          <div className="row" data-testid="loop-pill">
            <LoopPill
              paused={trading.paused}
              running={trading.running}
              ledgerHalted={ledgerFailed || trading.halted.ledger}
              riskHalted={riskHalted}
            />
          </div>
        )}
        {marketData && <span>Market data: {marketData === 'demo' ? 'demo replay' : marketData}</span>}
        {mode === 'browser' && (
          <span role="status">
            {connection === 'open'
              ? 'Connected to the headless backend'
              : connection === 'connecting'
                ? 'Connecting…'
                : 'Disconnected — retrying…'}
          </span>
        )}
      </div>
    </nav>
  );
}

/**
 * The loop's true state: a tenant halted by the ledger's check or a portfolio halted by the circuit
 * breaker is not "Trading on" (SPEC 9, issue 19).
 */
function LoopPill(p: { paused: boolean; running: boolean; ledgerHalted: boolean; riskHalted: string[] }) {
  const [tone, text, title]: ['danger' | 'warn' | 'ok' | 'neutral', string, string | undefined] =
    p.ledgerHalted
      ? ['danger', 'Trading halted', "the ledger's check failed"]
      : p.riskHalted.length > 0
        ? [
            'danger',
            p.riskHalted.length === 1
              ? `Halted: ${p.riskHalted[0] ?? ''}`
              : `${p.riskHalted.length} portfolios halted`,
            'the max-drawdown circuit breaker: resume on the Dashboard',
          ]
        : p.paused
          ? ['warn', 'Trading paused', undefined]
          : p.running
            ? ['ok', 'Trading on', undefined]
            : ['neutral', 'Loop stopped', undefined];
  return (
    <Badge tone={tone} title={title}>
      <span className="dot" aria-hidden="true" />
      {text}
    </Badge>
  );
}
