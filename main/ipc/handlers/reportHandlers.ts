import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { ipcFail, ipcOk, type IpcResult } from '../../../shared/ipc/result';
import type { ExportedFileDto } from '../../../shared/ipc/dto/app';
import type { Backend } from '../../composition/Backend';
import type { Handlers } from '../dispatch';
import { writeEventsFile } from '../exports/eventsExport';
import type { FileFilter } from '../HostServices';
import { keepOf, queryOf, type EventFilter } from './eventFilter';
import type { HandlerDeps } from './HandlerDeps';

type Channels = 'report.exportSimulation' | 'report.exportEvents';

const FILTERS: Record<string, FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  json: { name: 'JSON', extensions: ['json'] },
  html: { name: 'HTML report', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** Exports: main picks the file (a save dialog on the desktop), never the page. */
export function reportHandlers({ backend, host, simulations }: HandlerDeps): Pick<Handlers, Channels> {
  const written = (file: string, bytes: number): IpcResult<ExportedFileDto> =>
    ipcOk({ file, bytes, downloadPath: host.downloadPathOf(file) });
  const choose = async (name: string, ext: string) => host.chooseExportFile(name, FILTERS[ext] as FileFilter);
  const cancelled = () => ipcFail('cancelled', 'Export cancelled.');

  return {
    'report.exportSimulation': async (req) => {
      if (!simulations)
        return ipcFail('unavailable', 'Simulation reports are not available in this build yet.');
      const file = await choose(`simulation-${req.runId}.${req.format}`, req.format);
      if (file === null) return cancelled();
      const result = await simulations.exportRun(req.runId, req.format, file);
      return result.ok ? written(result.value.file, result.value.bytes) : result;
    },
    'report.exportEvents': async (req) => {
      const file = await choose(`events-${stamp(Date.now())}.${req.format}`, req.format);
      if (file === null) return cancelled();
      const bytes = await writeEventsFile(file, req.format, eventsOldestFirst(backend, req.filter));
      return written(file, bytes);
    },
  };
}

/** Every event matching the filter, oldest first, read in pages (never the whole log at once). */
export function* eventsOldestFirst(backend: Backend, filter: EventFilter): Generator<DomainEvent> {
  const query = queryOf(filter);
  const keep = keepOf(filter) ?? (() => true);
  let afterId: string | undefined;
  for (;;) {
    const page = backend.queries.events({ ...query, ...(afterId ? { afterId } : {}), limit: 2000 });
    for (const event of page) if (keep(event)) yield event;
    if (page.length < 2000) return;
    afterId = (page[page.length - 1] as DomainEvent).id;
  }
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}
