import { Badge } from '../components/Card';
import { useAppStore } from '../stores/appStore';
import { useTradingStore } from '../stores/tradingStore';
import { NAV, navPageOf, type Route } from './routes';

export function Sidebar({ route, mode }: { route: Route; mode: 'electron' | 'browser' }) {
  const current = navPageOf(route);
  const connection = useAppStore((s) => s.connection);
  const marketData = useAppStore((s) => s.status?.marketData);
  const trading = useTradingStore((s) => s.status);
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
            <Badge tone={trading.paused ? 'warn' : trading.running ? 'ok' : 'neutral'}>
              <span className="dot" aria-hidden="true" />
              {trading.paused ? 'Trading paused' : trading.running ? 'Trading on' : 'Loop stopped'}
            </Badge>
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
