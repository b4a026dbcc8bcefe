import { useEffect } from 'react';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DividendsPage } from '../features/dividends/DividendsPage';
import { EventLogPage } from '../features/eventLog/EventLogPage';
import { FirstRunPage } from '../features/firstRun/FirstRunPage';
import { IntegrityBanner } from '../features/integrity/IntegrityBanner';
import { PositionDetailPage } from '../features/positionDetail/PositionDetailPage';
import { PositionsPage } from '../features/positions/PositionsPage';
import { RiskPage } from '../features/risk/RiskPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SimulationPage } from '../features/simulation/SimulationPage';
import { PerformancePage } from '../features/performance/PerformancePage';
import { ComparePage } from '../features/lab/ComparePage';
import { Toasts } from '../components/Toasts';
import { ErrorBanner, Loading } from '../components/States';
import { useAppStore } from '../stores/appStore';
import { usePortfolioStore } from '../stores/portfolioStore';
import { usePositionsStore } from '../stores/positionsStore';
import { useSettingsStore } from '../stores/settingsStore';
import { useTradingStore } from '../stores/tradingStore';
import { useHaltStore } from '../stores/haltStore';
import { Sidebar } from './Sidebar';
import { applyTheme } from './theme';
import { useRoute } from './useRoute';
import type { Route } from './routes';

export function App({ mode }: { mode: 'electron' | 'browser' }) {
  const route = useRoute();
  const status = useAppStore((s) => s.status);
  const statusError = useAppStore((s) => s.error);
  const theme = useSettingsStore((s) => s.settings?.preferences.theme ?? 'system');

  useEffect(() => {
    void useAppStore.getState().load();
    void useSettingsStore.getState().load();
    void useTradingStore.getState().load();
    void useHaltStore.getState().load();
    void usePortfolioStore.getState().load();
    void usePositionsStore.getState().load();
  }, []);

  useEffect(() => applyTheme(theme), [theme]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar route={route} mode={mode} />
      <main id="main" className="main" tabIndex={-1}>
        {statusError && !status && (
          <div className="page">
            <ErrorBanner message={statusError} onRetry={() => void useAppStore.getState().load()} />
          </div>
        )}
        {!status && !statusError && (
          <div className="page">
            <Loading label="Connecting to the backend…" />
          </div>
        )}
        {status && <IntegrityBanner />}
        {status &&
          (status.firstRun && (route.page === 'dashboard' || route.page === 'positions') ? (
            <FirstRunPage />
          ) : (
            <Page route={route} />
          ))}
      </main>
      <Toasts />
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'positions':
      return <PositionsPage />;
    case 'position':
      return <PositionDetailPage positionId={route.positionId} />;
    case 'performance':
      return <PerformancePage />;
    case 'dividends':
      return <DividendsPage />;
    case 'simulation':
      return <SimulationPage />;
    case 'compare':
      return <ComparePage />;
    case 'events':
      return <EventLogPage />;
    case 'settings':
      return <SettingsPage />;
    case 'risk':
      return <RiskPage />;
  }
}
