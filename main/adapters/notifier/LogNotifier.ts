import type { Logger } from '../../../shared/ports/Logger';
import type { Notification, Notifier } from '../../../shared/ports/Notifier';

/** Headless mode has no tray: every notification becomes a log line (level warn for the bad news). */
export class LogNotifier implements Notifier {
  constructor(private readonly logger: Logger) {}

  notify(n: Notification): void {
    const fields = {
      kind: n.kind,
      body: n.body,
      tenantId: n.tenantId,
      positionId: n.positionId,
      symbol: n.symbol,
      at: n.at,
    };
    if (n.kind === 'fill' || n.kind === 'providerRecovered')
      this.logger.info(`notification: ${n.title}`, fields);
    else this.logger.warn(`notification: ${n.title}`, fields);
  }
}

/** Fans one notification out to several notifiers (e.g. the log and the desktop tray); one failing never stops the rest. */
export class FanOutNotifier implements Notifier {
  constructor(private readonly targets: readonly Notifier[]) {}

  notify(n: Notification): void {
    for (const t of this.targets) {
      try {
        t.notify(n);
      } catch {
        // A notifier must not throw (port contract); if one does, the others still hear about it.
      }
    }
  }
}
