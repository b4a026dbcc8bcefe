import type { MenuItemConstructorOptions } from 'electron';
import type { TradingStatusDto } from '../../shared/ipc/dto/trading';

export interface TrayActions {
  pause(): void;
  resume(): void;
  evaluateNow(): void;
  open(): void;
  quit(): void;
}

/** One line for the tray's status item and tooltip. */
export function trayStatusLine(status: TradingStatusDto | null): string {
  if (!status) return 'Starting…';
  const provider = status.providers[0];
  const health = provider
    ? provider.circuit === 'closed'
      ? 'data OK'
      : provider.circuit === 'open'
        ? 'data provider down'
        : 'data recovering'
    : 'no data provider';
  const halted = status.halted.portfolios;
  const loop = status.halted.ledger
    ? 'Trading halted (ledger check failed)'
    : halted.length > 0
      ? `Trading halted: ${halted.join(', ')}`
      : !status.running
        ? 'Loop stopped'
        : status.paused
          ? 'Trading paused'
          : 'Trading';
  const dead = status.queue.dead > 0 ? ` · ${status.queue.dead} dead orders` : '';
  return `${loop} · ${health}${dead}`;
}

/** The tray menu (SPEC 6): status, pause/resume trading, evaluate now, open, quit. */
export function trayMenuTemplate(
  status: TradingStatusDto | null,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const paused = status?.paused ?? false;
  return [
    { id: 'status', label: trayStatusLine(status), enabled: false },
    { type: 'separator' },
    paused
      ? { id: 'resume', label: 'Resume trading', click: () => actions.resume(), enabled: status !== null }
      : {
          id: 'pause',
          label: 'Pause trading',
          click: () => actions.pause(),
          enabled: status !== null && status.running,
        },
    {
      id: 'evaluate',
      label: 'Evaluate now',
      click: () => actions.evaluateNow(),
      enabled: status !== null && status.running,
    },
    { type: 'separator' },
    { id: 'open', label: 'Open Volatility Balancing', click: () => actions.open() },
    { id: 'quit', label: 'Quit (stops trading)', click: () => actions.quit() },
  ];
}
