import { useSyncExternalStore } from 'react';
import type { PreferencesDto } from '../../../shared/ipc/dto/settings';

/** Applies the theme preference; `system` follows the OS and keeps following it. */
export function applyTheme(theme: PreferencesDto['theme']): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const dark = theme === 'dark' || (theme === 'system' && media.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  apply();
  if (theme !== 'system') return () => {};
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The theme in force ('light' | 'dark'), for components that draw with colours (charts). */
export function useResolvedTheme(): string {
  return useSyncExternalStore(subscribeTheme, () => document.documentElement.dataset.theme ?? 'light');
}
