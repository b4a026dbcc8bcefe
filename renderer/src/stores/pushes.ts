import { useAppStore } from './appStore';
import { ipc, throttle } from './client';
import { useDividendsStore } from './dividendsStore';
import { useEventLogStore } from './eventLogStore';
import { usePortfolioStore } from './portfolioStore';
import { usePositionDetailStore } from './positionDetailStore';
import { usePositionsStore } from './positionsStore';
import { useRiskStore } from './riskStore';
import { useSettingsStore } from './settingsStore';
import { useSimulationStore } from './simulationStore';
import { useTimelineStore } from './timelineStore';
import { useToastStore } from './toastStore';
import { useTradingStore } from './tradingStore';
import { useHaltStore } from './haltStore';

/** Pages refresh at most this often however many facts arrive (a tick of 100 positions is 100 pushes). */
const REFRESH_MS = 1000;

/**
 * Subscribes the stores to every push of the contract, once, at start-up. Returns the unsubscribe.
 * Facts that change what a page shows refresh that page's store (throttled); the timeline and the
 * toasts take the pushed rows directly.
 */
export function startPushes(): () => void {
  const client = ipc();
  const refreshLedger = throttle(() => {
    void usePositionsStore.getState().load();
    void usePortfolioStore.getState().loadDashboard();
    const detail = usePositionDetailStore.getState();
    if (detail.positionId !== null) void detail.refresh();
  }, REFRESH_MS);
  const refreshDividends = throttle(() => {
    if (useDividendsStore.getState().overview) void useDividendsStore.getState().load();
  }, REFRESH_MS * 5);

  const offs = [
    client.onConnection((state) => useAppStore.getState().setConnection(state)),
    client.subscribe('evaluation.recorded', (row) => useTimelineStore.getState().received(row)),
    client.subscribe('order.filled', () => refreshLedger()),
    client.subscribe('order.rejected', () => refreshLedger()),
    client.subscribe('eventLog.appended', () => {
      refreshLedger();
      refreshDividends();
      useEventLogStore.getState().markStale();
    }),
    // A tick that evaluated something also pushed its evaluations; an empty one changes nothing shown.
    client.subscribe('tick.completed', (tick) => {
      if (tick.evaluated > 0) refreshLedger();
    }),
    client.subscribe('trading.statusChanged', (status) => useTradingStore.getState().received(status)),
    client.subscribe('provider.healthChanged', (providers) =>
      useTradingStore.getState().providersChanged(providers),
    ),
    client.subscribe('notification.posted', (n) => {
      useToastStore.getState().add(n);
      // A failed ledger check or a refused restore: the banner reads it from the app's status.
      if (n.kind === 'ledgerCheckFailed' || n.kind === 'restoreRefused') void useAppStore.getState().load();
      // A risk alert crossed: the Risk page's alert list, if it was loaded.
      if (n.kind === 'riskAlert' && useRiskStore.getState().alerts !== null)
        void useRiskStore.getState().loadAlerts();
      // The risk manager halted, limited or resumed a portfolio: the banner and the sidebar read it.
      if (n.kind === 'tradingHalted' || n.kind === 'tradingResumed' || n.kind === 'riskExit')
        void useHaltStore.getState().load();
    }),
    client.subscribe('intent.deadLettered', () => refreshLedger()),
    client.subscribe('simulation.progressed', (p) => useSimulationStore.getState().progressed(p)),
    client.subscribe('simulation.finished', (f) => useSimulationStore.getState().finished(f)),
    client.subscribe('settings.changed', (prefs) => useSettingsStore.getState().received(prefs)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
