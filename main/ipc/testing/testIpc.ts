import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpc, type Ipc } from '../createIpc';
import type { CallContext } from '../dispatch';
import { createHeadlessHost, exportsDirOf } from '../headless/headlessHost';
import { DownloadTickets } from '../loopback/downloadTickets';
import type { HostServices } from '../HostServices';
import type { Push } from '../../../shared/ipc/contract';
import { createSimulationService } from '../simulation';
import { openLedgerBackend, type LedgerBackend } from './ledgerBackend';

export interface TestIpc {
  ipc: Ipc;
  lb: LedgerBackend;
  host: HostServices;
  pushes: { push: Push; payload: unknown }[];
  logged: string[];
  call(
    channel: string,
    payload: unknown,
    ctx?: CallContext,
  ): Promise<{
    ok: boolean;
    value?: unknown;
    code?: string;
    message?: string;
    issues?: { path: string; message: string }[];
  }>;
  close(): Promise<void>;
}

/** Test support: the IPC core over the ledger-backed test backend, with a headless host in a temp folder. */
export async function openTestIpc(overrides: Partial<HostServices> = {}): Promise<TestIpc> {
  const lb = await openLedgerBackend();
  const dataDir = mkdtempSync(join(tmpdir(), 'vb-ipc-host-'));
  const host = {
    ...createHeadlessHost({
      dataDir,
      version: '0.0.0-test',
      tickIntervalMs: 300_000,
      downloads: new DownloadTickets(exportsDirOf(dataDir)),
    }),
    ...overrides,
  };
  const logged: string[] = [];
  const ipc = createIpc({
    backend: lb.backend,
    host,
    simulations: (pushes) => createSimulationService(lb.backend, pushes),
    responseCheck: 'strict',
    log: (m) => logged.push(m),
  });
  const pushes: { push: Push; payload: unknown }[] = [];
  ipc.hub.subscribe((push, payload) => pushes.push({ push, payload }));
  return {
    ipc,
    lb,
    host,
    pushes,
    logged,
    call: (channel, payload, ctx = { transport: 'electron' }) =>
      ipc.dispatch(channel, payload, ctx) as ReturnType<TestIpc['call']>,
    close: async () => {
      await ipc.close();
      await lb.close();
    },
  };
}
