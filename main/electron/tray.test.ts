import { describe, expect, it, vi } from 'vitest';
import type { TradingStatusDto } from '../../shared/ipc/dto/trading';
import { trayMenuTemplate, trayStatusLine, type TrayActions } from './tray';

const status = (over: Partial<TradingStatusDto> = {}): TradingStatusDto => ({
  running: true,
  paused: false,
  mode: 'demo',
  clockNow: 0,
  tickIntervalMs: 300_000,
  lastTick: null,
  nextTickAt: null,
  providers: [
    {
      provider: 'replay',
      circuit: 'closed',
      lastSuccessAt: 1,
      lastError: null,
      nextRetryAt: null,
      consecutiveFailures: 0,
    },
  ],
  queue: { queued: 0, failed: 0, dead: 0 },
  halted: { ledger: false, portfolios: [] },
  ...over,
});

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  return { pause: vi.fn(), resume: vi.fn(), evaluateNow: vi.fn(), open: vi.fn(), quit: vi.fn() };
}

function click(items: ReturnType<typeof trayMenuTemplate>, id: string) {
  const item = items.find((i) => i.id === id);
  if (!item?.click) throw new Error(`no clickable ${id}`);
  (item.click as () => void)();
}

describe('tray menu', () => {
  it('shows the status and offers pause, evaluate now, open and quit while trading', () => {
    const a = actions();
    const items = trayMenuTemplate(status(), a);
    expect(items[0]).toMatchObject({ id: 'status', label: 'Trading · data OK', enabled: false });
    expect(items.filter((i) => i.id).map((i) => i.label)).toEqual([
      'Trading · data OK',
      'Pause trading',
      'Evaluate now',
      'Open Volatility Balancing',
      'Quit (stops trading)',
    ]);
    click(items, 'pause');
    click(items, 'evaluate');
    click(items, 'open');
    click(items, 'quit');
    expect(a.pause).toHaveBeenCalledOnce();
    expect(a.evaluateNow).toHaveBeenCalledOnce();
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.quit).toHaveBeenCalledOnce();
    expect(a.resume).not.toHaveBeenCalled();
  });

  it('offers resume when paused', () => {
    const a = actions();
    const items = trayMenuTemplate(status({ paused: true }), a);
    expect(items.find((i) => i.id === 'pause')).toBeUndefined();
    click(items, 'resume');
    expect(a.resume).toHaveBeenCalledOnce();
    expect(trayStatusLine(status({ paused: true }))).toBe('Trading paused · data OK');
  });

  it('says when the provider is down and orders are dead', () => {
    const down = status({
      providers: [
        {
          provider: 'yahoo',
          circuit: 'open',
          lastSuccessAt: 1,
          lastError: { at: 2, message: 'x' },
          nextRetryAt: 3,
          consecutiveFailures: 5,
        },
      ],
      queue: { queued: 0, failed: 0, dead: 2 },
    });
    expect(trayStatusLine(down)).toBe('Trading · data provider down · 2 dead orders');
  });

  it('says a halt is a halt, not "Trading": the ledger check first, then the circuit breaker', () => {
    expect(trayStatusLine(status({ halted: { ledger: false, portfolios: ['Core'] } }))).toBe(
      'Trading halted: Core · data OK',
    );
    expect(trayStatusLine(status({ halted: { ledger: true, portfolios: ['Core'] } }))).toBe(
      'Trading halted (ledger check failed) · data OK',
    );
  });

  it('disables the trading items until the status is known', () => {
    const items = trayMenuTemplate(null, actions());
    expect(items[0]?.label).toBe('Starting…');
    expect(items.find((i) => i.id === 'pause')?.enabled).toBe(false);
    expect(items.find((i) => i.id === 'evaluate')?.enabled).toBe(false);
    expect(items.find((i) => i.id === 'open')?.enabled).not.toBe(false);
  });
});
