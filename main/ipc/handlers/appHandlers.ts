import { ipcFail, ipcOk } from '../../../shared/ipc/result';
import { writeFileAtomic } from '../../adapters/files/atomicFile';
import type { Handlers } from '../dispatch';
import { toPortfolioDto } from '../mappers/ledgerDtos';
import { marketDataMode } from '../mappers/tradingDtos';
import type { HandlerDeps } from './HandlerDeps';
import { fromResult } from './results';

type Channels =
  | 'app.getStatus'
  | 'app.createDemoPortfolio'
  | 'app.openLogFolder'
  | 'app.restartApp'
  | 'app.exportIntegrityEvidence';

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
        integrity: backend.integrity.status(),
      }),
    'app.exportIntegrityEvidence': async () => {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const file = await host.chooseExportFile(`integrity-evidence-${stamp}.json`, {
        name: 'JSON',
        extensions: ['json'],
      });
      if (file === null) return ipcFail('cancelled', 'Export cancelled.');
      const text = JSON.stringify(backend.integrity.evidence(), null, 2) + '\n';
      await writeFileAtomic(file, text);
      return ipcOk({ file, bytes: Buffer.byteLength(text), downloadPath: host.downloadPathOf(file) });
    },
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
