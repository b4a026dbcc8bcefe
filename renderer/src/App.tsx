import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/ipc/contract';

type Status = ResponseOf<'app.getStatus'>;
type Bridge = {
  invoke(
    channel: 'app.getStatus',
    request: object,
  ): Promise<{ ok: boolean; value?: Status; message?: string }>;
};

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const bridge = (window as unknown as { vb?: Bridge }).vb;
    if (!bridge) {
      setError('The backend bridge is not available.');
      return;
    }
    bridge
      .invoke('app.getStatus', {})
      .then((r) => (r.ok && r.value ? setStatus(r.value) : setError(r.message ?? 'Unknown error')))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  return (
    <main>
      <h1>Volatility Balancing</h1>
      {error && <p role="alert">{error}</p>}
      {!error && !status && <p>Connecting to the backend…</p>}
      {status && (
        <p>
          Backend {status.version} ({status.mode}), data in {status.dataDir}
        </p>
      )}
    </main>
  );
}
