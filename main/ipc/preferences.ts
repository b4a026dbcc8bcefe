import { DEFAULT_PREFERENCES, preferencesSchema, type PreferencesDto } from '../../shared/ipc/dto/settings';

/**
 * Preferences as stored (electron-store or a JSON file) over the defaults: a field that is missing or
 * fails its schema (an older or hand-edited file) keeps its default; the rest are kept.
 */
export function mergeStoredPreferences(stored: unknown): PreferencesDto {
  if (stored === null || typeof stored !== 'object') return DEFAULT_PREFERENCES;
  const merged: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (!(key in DEFAULT_PREFERENCES)) continue;
    const candidate =
      key === 'notifications' && value !== null && typeof value === 'object'
        ? { ...DEFAULT_PREFERENCES.notifications, ...value }
        : value;
    const field = preferencesSchema.shape[key as keyof PreferencesDto];
    if (field.safeParse(candidate).success) merged[key] = candidate;
  }
  return preferencesSchema.parse(merged);
}
