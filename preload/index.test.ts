import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const handlers: Record<string, (event: unknown, message: unknown) => void> = {};
const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 1 }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, handler: (event: unknown, message: unknown) => void) =>
      (handlers[channel] = handler),
  },
}));

interface Bridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(push: string, listener: (payload: unknown) => void): () => void;
}

describe('preload bridge', () => {
  let vb: Bridge;
  beforeEach(async () => {
    await import('./index');
    vb = exposed.vb as Bridge;
    invoke.mockClear();
  });

  it('exposes exactly invoke and subscribe as window.vb', () => {
    expect(Object.keys(exposed)).toEqual(['vb']);
    expect(Object.keys(vb).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards contract channels to main and refuses anything else without sending it', async () => {
    await expect(vb.invoke('app.getStatus', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith('app.getStatus', {});
    await expect(vb.invoke('vb:push', {})).rejects.toThrow('Unknown IPC channel');
    await expect(vb.invoke('__proto__', {})).rejects.toThrow('Unknown IPC channel');
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('delivers pushes by name to their listeners until unsubscribed', () => {
    const fills: unknown[] = [];
    const ticks: unknown[] = [];
    const off = vb.subscribe('order.filled', (p) => fills.push(p));
    vb.subscribe('tick.completed', (p) => ticks.push(p));
    const push = handlers['vb:push'] as (event: unknown, message: unknown) => void;
    push({}, { push: 'order.filled', payload: { qty: 1 } });
    push({}, { push: 'tick.completed', payload: { tickId: 't' } });
    push({}, { push: 'not.aPush', payload: 1 });
    push({}, null);
    off();
    push({}, { push: 'order.filled', payload: { qty: 2 } });
    expect(fills).toEqual([{ qty: 1 }]);
    expect(ticks).toEqual([{ tickId: 't' }]);
    expect(() => vb.subscribe('app.getStatus', () => {})).toThrow('Unknown push');
  });
});
