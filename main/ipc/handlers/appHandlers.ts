import { ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import { toPortfolioDto } from '../mappers/ledgerDtos';
import { marketDataMode } from '../mappers/tradingDtos';
import type { HandlerDeps } from './HandlerDeps';
import { fromResult } from './results';

type Channels = 'app.getStatus' | 'app.createDemoPortfolio' | 'app.openLogFolder' | 'app.restartApp';

export function appHandlers({ backend, host }: HandlerDeps): Pick<Handlers, Channels> {
  return {
    'app.getStatus': () =>
      ipcOk({
        version: host.version,
        mode: host.mode,
        startedAt: host.startedAt,
        dataDir: backend.dataDir,
        logDir: host.logDir,
        tenantId: backend.tenantId,
        firstRun: backend.queries.portfolios().length === 0,
        marketData: marketDataMode(backend.provider),
      }),
    'app.createDemoPortfolio': () =>
      fromResult(backend.useCases.createDemoPortfolio(), ({ portfolio, positions }) =>
        toPortfolioDto(portfolio, positions.length),
      ),
    'app.openLogFolder': async () => ipcOk({ dir: host.logDir, opened: await host.openFolder(host.logDir) }),
    'app.restartApp': () => {
      if (!host.restartApp)
        return ipcOk({
          restarting: false,
          message: 'This backend runs headless: restart the daemon by hand to apply the restore.',
        });
      host.restartApp();
      return ipcOk({ restarting: true, message: 'Restarting…' });
    },
  };
}
