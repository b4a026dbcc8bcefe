import type { IntegrityStatusDto } from '../../../../shared/ipc/dto/app';
import { Button } from '../../components/Button';
import { ExportStatus } from '../../components/ExportStatus';
import { ipc } from '../../stores/client';
import { useAppStore } from '../../stores/appStore';
import { useExportsStore } from '../../stores/exportsStore';

const CHECK_WORDS: Record<IntegrityStatusDto['problems'][number]['check'], string> = {
  integrity: "SQLite's check of the file",
  triggers: 'the append-only guard of the event log',
  chain: 'the hash chain of the event log',
  replay: 'a position against the replay of its events',
  head: 'the head of the chain kept outside the database',
};

/**
 * Shown on every page while the ledger's self-check has failed (issue 19, ADR 0076): what failed and
 * where, that trading is halted and nothing was repaired, and the evidence to export. Also shows a
 * restore staged for this start that was refused (issue 20): which file, why, and that nothing changed.
 */
export function IntegrityBanner() {
  const integrity = useAppStore((s) => s.status?.integrity);
  const busy = useExportsStore((s) => s.busy);
  if (!integrity) return null;
  const restore = integrity.restore;
  const failed = integrity.state === 'failed';
  if (!failed && restore?.outcome !== 'refused') return null;
  return (
    <div className="page" style={{ paddingBottom: 0 }}>
      {restore?.outcome === 'refused' && (
        <div className="banner error" role="alert" data-testid="restore-refused">
          <strong>The restore was refused; nothing was changed.</strong>{' '}
          {restore.from ? `The backup ${restore.from} ` : 'The staged backup '}was not put in place of{' '}
          {restore.database}: {restore.message}
        </div>
      )}
      {failed && (
        <div className="banner error" role="alert" data-testid="integrity-failed">
          <strong>
            The ledger failed its {integrity.kind === 'startup' ? 'start-up' : (integrity.kind ?? '')} check:
            trading is halted. Nothing was repaired.
          </strong>
          <ul style={{ margin: '8px 0', paddingLeft: 20 }}>
            {integrity.problems.slice(0, 8).map((p, i) => (
              <li key={i} style={{ overflowWrap: 'anywhere' }}>
                {CHECK_WORDS[p.check]} — {p.where}: {p.detail}
              </li>
            ))}
            {integrity.problems.length > 8 && (
              <li>and {integrity.problems.length - 8} more (in the evidence)</li>
            )}
          </ul>
          <div className="row">
            <span style={{ flex: 1 }}>
              Export the evidence, then restore a backup you trust (Settings › Backups) or keep this file for
              inspection.
            </span>
            <Button
              small
              disabled={busy !== null}
              onClick={() =>
                void useExportsStore
                  .getState()
                  .run('integrity evidence', () => ipc().invoke('app.exportIntegrityEvidence', {}))
              }
            >
              Export evidence
            </Button>
          </div>
        </div>
      )}
      <ExportStatus />
    </div>
  );
}
