import { ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import { loopStatusDto } from '../mappers/tradingDtos';
import type { HandlerDeps } from './HandlerDeps';

type Channels =
  'trading.getStatus' | 'trading.pauseTrading' | 'trading.resumeTrading' | 'trading.evaluateNow';

/** The live loop's controls (the Dashboard's buttons and the tray menu call the same ones). */
export function tradingHandlers({ backend, host, pushes }: HandlerDeps): Pick<Handlers, Channels> {
  const status = () => loopStatusDto(backend, backend.trading.status(), host.tickIntervalMs());
  const changed = () => {
    const now = status();
    pushes.publish('trading.statusChanged', now);
    return ipcOk(now);
  };
  return {
    'trading.getStatus': () => ipcOk(status()),
    'trading.pauseTrading': () => {
      backend.trading.pause();
      return changed();
    },
    'trading.resumeTrading': () => {
      backend.trading.resume();
      return changed();
    },
    'trading.evaluateNow': async () => {
      const report = await backend.trading.evaluateNow();
      return ipcOk({ tickId: report.tickId, evaluated: report.evaluated });
    },
  };
}
