import type { PreferencesDto } from '../../shared/ipc/dto/settings';
import type { Notification, Notifier } from '../../shared/ports/Notifier';

/** Which preference mutes which kind of notification (Settings › Notifications). */
export function notificationAllowed(
  kind: Notification['kind'],
  prefs: PreferencesDto['notifications'],
): boolean {
  switch (kind) {
    case 'fill':
      return prefs.fills;
    case 'rejection':
      return prefs.rejections;
    case 'deadIntent':
      return prefs.deadIntents;
    case 'providerDown':
    case 'providerRecovered':
      return prefs.providerOutages;
    // A ledger that fails its checks, or a refused restore, is never muted (ADR 0076).
    case 'ledgerCheckFailed':
    case 'restoreRefused':
      return true;
    // A risk alert the investor set a threshold for (off by clearing the threshold, not here), and the
    // risk manager that sold or stopped trading by itself (SPEC 9): never muted either.
    case 'riskAlert':
    case 'riskExit':
    case 'tradingHalted':
    case 'tradingResumed':
      return true;
  }
}

/** The part of Electron's Notification the notifier uses (so tests pass a fake). */
export interface NotificationApi {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): {
    show(): void;
    on(event: 'click', listener: () => void): void;
  };
}

/**
 * Desktop notifications for fills, rejections, dead intents and provider outages (SPEC 4.2), each kind
 * mutable in Settings. Fire and forget: a notifier never throws into the backend.
 */
export class DesktopNotifier implements Notifier {
  constructor(
    private readonly api: NotificationApi,
    private readonly preferences: () => PreferencesDto,
    private readonly onClick: (notification: Notification) => void,
    private readonly log: (message: string, detail?: unknown) => void = () => undefined,
  ) {}

  notify(notification: Notification): void {
    try {
      if (!notificationAllowed(notification.kind, this.preferences().notifications)) return;
      if (!this.api.isSupported()) return;
      const shown = this.api.create({
        title: notification.title,
        body: notification.body,
        silent: notification.kind === 'fill' || notification.kind === 'providerRecovered',
      });
      shown.on('click', () => this.onClick(notification));
      shown.show();
    } catch (err) {
      this.log('desktop notification failed', err);
    }
  }
}
