import { useEffect, useState } from 'react';
import type { BackupFileDto } from '../../../../shared/ipc/dto/app';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ExportStatus } from '../../components/ExportStatus';
import { Modal } from '../../components/Modal';
import { ErrorBanner } from '../../components/States';
import { bytes, dateTime } from '../../lib/format';
import { useBackupsStore } from '../../stores/backupsStore';
import { useExportsStore } from '../../stores/exportsStore';

/** Back up now, the backups of the data folder, and restoring one (staged, applied at the next start). */
export function BackupsCard() {
  const list = useBackupsStore((s) => s.list);
  const error = useBackupsStore((s) => s.error);
  const staging = useBackupsStore((s) => s.staging);
  const outcome = useBackupsStore((s) => s.outcome);
  const restarting = useBackupsStore((s) => s.restarting);
  const restartMessage = useBackupsStore((s) => s.restartMessage);
  const exporting = useExportsStore((s) => s.busy);
  const [confirm, setConfirm] = useState<BackupFileDto | null>(null);

  useEffect(() => {
    void useBackupsStore.getState().load();
  }, []);

  const stage = async (backup: BackupFileDto) => {
    await useBackupsStore.getState().stage(backup.name);
    setConfirm(null);
  };

  return (
    <Card title="Backups">
      <div className="stack">
        <div className="row">
          <Button busy={exporting === 'backup'} onClick={() => void useBackupsStore.getState().backup()}>
            Back up the database now
          </Button>
        </div>
        <ExportStatus />
        {error && <ErrorBanner message={error} onRetry={() => void useBackupsStore.getState().load()} />}
        {outcome && (
          <div
            className={`banner row ${outcome.ok ? 'ok' : 'error'}`}
            role={outcome.ok ? 'status' : 'alert'}
            data-testid="restore-status"
          >
            <span style={{ flex: 1, overflowWrap: 'anywhere' }}>{outcome.message}</span>
            {outcome.ok && (
              <Button
                small
                variant="primary"
                busy={restarting}
                onClick={() => void useBackupsStore.getState().restart()}
              >
                Restart now
              </Button>
            )}
            <Button
              small
              variant="ghost"
              onClick={() => useBackupsStore.getState().dismiss()}
              aria-label="Dismiss"
            >
              ✕
            </Button>
          </div>
        )}
        {restartMessage && (
          <p className="banner warn small" role="status">
            {restartMessage}
          </p>
        )}
        {list?.staged && !outcome && (
          <p className="banner warn small">
            A restore of {list.staged.from} is staged ({dateTime(list.staged.stagedAt)}); it is applied at the
            next start.
          </p>
        )}
        {list && list.backups.length === 0 && <p className="small muted">No backups in {list.dir} yet.</p>}
        {list && list.backups.length > 0 && (
          <div className="table-wrap">
            <table className="table" aria-label="Backups">
              <thead>
                <tr>
                  <th>Taken</th>
                  <th>File</th>
                  <th className="num">Size</th>
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((b) => (
                  <tr key={b.name}>
                    <td className="mono">{dateTime(b.modifiedAt)}</td>
                    <td className="mono small">{b.name}</td>
                    <td className="num">{bytes(b.bytes)}</td>
                    <td>
                      <Button small onClick={() => setConfirm(b)} aria-label={`Restore… ${b.name}`}>
                        Restore…
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <Modal title="Restore this backup?" open={confirm !== null} onClose={() => setConfirm(null)}>
        {confirm && (
          <div className="stack">
            <p>
              <span className="mono">{confirm.name}</span> ({dateTime(confirm.modifiedAt)},{' '}
              {bytes(confirm.bytes)}) is checked now (integrity, and every event&apos;s hash chain) and
              staged.
            </p>
            <p>
              At the next start of the app, its hash chain is verified again and it replaces the current
              database. The current database is not deleted: it is kept beside it as a .bak file. Anything
              recorded after this backup was taken is not in the restored database.
            </p>
            <div className="row">
              <span className="spacer" style={{ flex: 1 }} />
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
              <Button variant="danger" busy={staging === confirm.name} onClick={() => void stage(confirm)}>
                Stage the restore
              </Button>
            </div>
          </div>
        )}
      </Modal>
    </Card>
  );
}
