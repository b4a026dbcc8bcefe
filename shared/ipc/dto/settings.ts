import { z } from 'zod';

/** Kinds of desktop notification the user can mute one by one (SPEC 4.2, 7). */
export const NOTIFICATION_KINDS = ['fills', 'rejections', 'deadIntents', 'providerOutages'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The app's preferences (SPEC 6): an electron-store file on the desktop, a JSON file in headless mode.
 * Trading data never lives here; price policy and extended hours are also written to the portfolios'
 * config (SQLite, with a ConfigChanged event) when changed, so the live loop reads them from one place.
 */
export const preferencesSchema = z
  .object({
    provider: z.enum(['demo', 'yahoo']),
    extendedHours: z.boolean(),
    pricePolicy: z.enum(['MID', 'LAST', 'BID', 'ASK']),
    notifications: z
      .object({
        fills: z.boolean(),
        rejections: z.boolean(),
        deadIntents: z.boolean(),
        providerOutages: z.boolean(),
      })
      .strict(),
    tickIntervalMinutes: z
      .number()
      .int('whole minutes')
      .min(1, 'at least 1 minute')
      .max(60, 'at most 60 minutes'),
    launchAtLogin: z.boolean(),
    theme: z.enum(['system', 'light', 'dark']),
  })
  .strict();
export type PreferencesDto = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: PreferencesDto = {
  provider: 'demo',
  extendedHours: false,
  pricePolicy: 'MID',
  notifications: { fills: true, rejections: true, deadIntents: true, providerOutages: true },
  tickIntervalMinutes: 5,
  launchAtLogin: false,
  theme: 'system',
};

/** A change to some preferences; notifications may be patched kind by kind. */
export const preferencesPatchSchema = preferencesSchema
  .omit({ notifications: true })
  .partial()
  .extend({ notifications: preferencesSchema.shape.notifications.partial().strict().optional() })
  .strict();
export type PreferencesPatchDto = z.input<typeof preferencesPatchSchema>;

export const settingsSchema = z.object({
  preferences: preferencesSchema,
  /** What this host can do: launch at login and native dialogs exist only in the desktop app. */
  capabilities: z.object({ launchAtLogin: z.boolean(), nativeDialogs: z.boolean() }),
  /** A preference that takes effect only after a restart (e.g. the provider), with why. */
  pendingRestart: z.string().nullable(),
});
export type SettingsDto = z.infer<typeof settingsSchema>;
