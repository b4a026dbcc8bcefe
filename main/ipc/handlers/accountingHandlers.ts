import { ipcFail, ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import type { FileFilter } from '../HostServices';
import { writeTaxReport } from '../../reports/taxReport';
import type { HandlerDeps } from './HandlerDeps';
import { fromResult, notFound } from './results';

type Channels =
  | 'accounting.listLots'
  | 'accounting.getPerformance'
  | 'accounting.getDashboardFigures'
  | 'accounting.getTaxReport'
  | 'accounting.getSettings'
  | 'accounting.updateSettings'
  | 'report.exportTaxReport';

const FILTERS: Record<string, FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** SPEC 8 over IPC: the accounting service's views, its settings and the tax report export (issue 16). */
export function accountingHandlers({ backend, host }: HandlerDeps): Pick<Handlers, Channels> {
  const { accounting, queries } = backend;
  const portfolioExists = (id: string): boolean => queries.portfolios().some((p) => p.id === id);
  return {
    'accounting.listLots': (req) => {
      if (req.positionId !== undefined && queries.position(req.positionId) === null) {
        return notFound('position', req.positionId);
      }
      return ipcOk(accounting.lots(req.positionId));
    },
    'accounting.getPerformance': async (req) => {
      if (req.portfolioId !== null && !portfolioExists(req.portfolioId))
        return notFound('portfolio', req.portfolioId);
      return ipcOk(await accounting.performance(req));
    },
    'accounting.getDashboardFigures': async (req) => {
      if (req.portfolioId !== null && !portfolioExists(req.portfolioId))
        return notFound('portfolio', req.portfolioId);
      return ipcOk(await accounting.dashboard(req.portfolioId));
    },
    'accounting.getTaxReport': (req) => ipcOk(accounting.taxReport(req.year)),
    'accounting.getSettings': (req) =>
      portfolioExists(req.portfolioId)
        ? ipcOk(accounting.settings(req.portfolioId))
        : notFound('portfolio', req.portfolioId),
    'accounting.updateSettings': async (req) =>
      fromResult(await accounting.updateSettings(req.portfolioId, req.settings), (s) => s, req),
    'report.exportTaxReport': async (req) => {
      const file = await host.chooseExportFile(
        `tax-report-${req.year}.${req.format}`,
        FILTERS[req.format] as FileFilter,
      );
      if (file === null) return ipcFail('cancelled', 'Export cancelled.');
      const outcome = await writeTaxReport(accounting.taxReport(req.year), file);
      if (!outcome.ok) return ipcFail('internal', outcome.message);
      const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
      return ipcOk({ file, bytes: size, downloadPath: host.downloadPathOf(file) });
    },
  };
}
