import { preferencesSchema, type PreferencesDto, type SettingsDto } from '../../../shared/ipc/dto/settings';
import { ipcFail, ipcOk, type IpcResult } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import { validationFailure } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';

type Channels = 'settings.getSettings' | 'settings.updateSettings';

/**
 * Preferences (SPEC 6). Price policy and extended hours are trading settings too: a change is written
 * to every portfolio's config through the ledger (SQLite, with its ConfigChanged event), so the live
 * loop keeps reading one place. The provider and the tick interval are used when the backend starts.
 */
export function settingsHandlers({ backend, host, pushes }: HandlerDeps): Pick<Handlers, Channels> {
  let pendingRestart: string | null = null;
  const view = (): SettingsDto => ({
    preferences: host.preferences.get(),
    capabilities: { launchAtLogin: host.launchAtLogin !== null, nativeDialogs: host.nativeDialogs },
    pendingRestart,
  });

  return {
    'settings.getSettings': () => ipcOk(view()),
    'settings.updateSettings': (patch): IpcResult<SettingsDto> => {
      const before = host.preferences.get();
      const parsed = preferencesSchema.safeParse({
        ...before,
        ...patch,
        notifications: { ...before.notifications, ...patch.notifications },
      });
      if (!parsed.success) return validationFailure(parsed.error);
      const next: PreferencesDto = parsed.data;

      if (next.launchAtLogin !== before.launchAtLogin) {
        if (!host.launchAtLogin)
          return ipcFail('unavailable', 'Launch at login is available in the desktop app only.');
        host.launchAtLogin.set(next.launchAtLogin);
      }
      if (next.pricePolicy !== before.pricePolicy || next.extendedHours !== before.extendedHours) {
        for (const portfolio of backend.queries.portfolios()) {
          const changed = backend.useCases.changePortfolioConfig({
            portfolioId: portfolio.id,
            patch: { execution: { pricePolicy: next.pricePolicy, allowExtendedHours: next.extendedHours } },
          });
          if (!changed.ok) return ipcFail(changed.code, `${portfolio.name}: ${changed.message}`);
        }
      }
      if (next.provider !== before.provider) {
        pendingRestart =
          next.provider === 'yahoo'
            ? 'Yahoo Finance will take effect the next time the app starts: it then opens the live database (volatility-balancing.db), empty until you create your portfolio there. The demo portfolio stays in demo.db, untouched.'
            : 'The demo will take effect the next time the app starts: it then opens demo.db. Your live portfolio stays in volatility-balancing.db, untouched, and does not trade meanwhile.';
      } else if (next.tickIntervalMinutes !== before.tickIntervalMinutes) {
        pendingRestart = 'Tick interval changes take effect the next time the app starts.';
      }
      host.preferences.set(next);
      pushes.publish('settings.changed', next);
      return ipcOk(view());
    },
  };
}
