import { bytes } from '../lib/format';
import { useExportsStore } from '../stores/exportsStore';
import { Button } from './Button';

/** Where the last export or backup went (or why it failed), with a download link in browser mode. */
export function ExportStatus() {
  const last = useExportsStore((s) => s.last);
  if (!last) return null;
  return (
    <div
      className={`banner row ${last.ok ? 'ok' : 'error'}`}
      role={last.ok ? 'status' : 'alert'}
      data-testid="export-status"
    >
      <span style={{ flex: 1, overflowWrap: 'anywhere' }}>
        {last.message}
        {last.file && ` (${bytes(last.file.bytes)})`}
      </span>
      {last.downloadUrl && (
        <a href={last.downloadUrl} download>
          Download
        </a>
      )}
      <Button small variant="ghost" onClick={() => useExportsStore.getState().clear()} aria-label="Dismiss">
        ✕
      </Button>
    </div>
  );
}
