import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, type PreferencesDto } from '../../shared/ipc/dto/settings';
import type { Notification } from '../../shared/ports/Notifier';
import { DesktopNotifier, notificationAllowed, type NotificationApi } from './notifications';

const fill: Notification = {
  kind: 'fill',
  title: 'Bought 61 AAPL @ 96.52',
  body: 'Notional $5,887.72, commission $0.59',
  tenantId: 't',
  positionId: 'p1',
  symbol: 'AAPL',
  at: 1,
};

function fakeApi() {
  const shown: { title: string; body: string; silent: boolean }[] = [];
  const clicks: (() => void)[] = [];
  const api: NotificationApi = {
    isSupported: () => true,
    create: (options) => ({
      show: () => shown.push(options),
      on: (_e, l) => clicks.push(l),
    }),
  };
  return { api, shown, clicks };
}

describe('desktop notifications', () => {
  it('shows a notification for a fill, and a click opens the app at the position', () => {
    const { api, shown, clicks } = fakeApi();
    const onClick = vi.fn();
    new DesktopNotifier(api, () => DEFAULT_PREFERENCES, onClick).notify(fill);
    expect(shown).toEqual([
      { title: 'Bought 61 AAPL @ 96.52', body: 'Notional $5,887.72, commission $0.59', silent: true },
    ]);
    clicks[0]?.();
    expect(onClick).toHaveBeenCalledWith(fill);
  });

  it('respects the mute switch of each kind', () => {
    const { api, shown } = fakeApi();
    let prefs: PreferencesDto = {
      ...DEFAULT_PREFERENCES,
      notifications: { ...DEFAULT_PREFERENCES.notifications, fills: false },
    };
    const notifier = new DesktopNotifier(
      api,
      () => prefs,
      () => undefined,
    );
    notifier.notify(fill);
    notifier.notify({ ...fill, kind: 'rejection', title: 'Order rejected' });
    expect(shown.map((s) => s.title)).toEqual(['Order rejected']);
    prefs = { ...prefs, notifications: { ...prefs.notifications, providerOutages: false } };
    notifier.notify({ ...fill, kind: 'providerDown', title: 'Yahoo is down' });
    notifier.notify({ ...fill, kind: 'deadIntent', title: 'Order failed for good' });
    expect(shown.map((s) => s.title)).toEqual(['Order rejected', 'Order failed for good']);
  });

  it('maps every kind to a preference', () => {
    const all = DEFAULT_PREFERENCES.notifications;
    for (const kind of ['fill', 'rejection', 'deadIntent', 'providerDown', 'providerRecovered'] as const) {
      expect(notificationAllowed(kind, all)).toBe(true);
      expect(
        notificationAllowed(kind, {
          fills: false,
          rejections: false,
          deadIntents: false,
          providerOutages: false,
        }),
      ).toBe(false);
    }
  });

  it('never throws into the backend', () => {
    const log = vi.fn();
    const broken: NotificationApi = {
      isSupported: () => true,
      create: () => {
        throw new Error('no notification daemon');
      },
    };
    expect(() =>
      new DesktopNotifier(
        broken,
        () => DEFAULT_PREFERENCES,
        () => undefined,
        log,
      ).notify(fill),
    ).not.toThrow();
    expect(log).toHaveBeenCalled();
  });
});
