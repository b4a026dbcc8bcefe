/** The window's last bounds, restored at start if they still fit on a display. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1320, height: 860, maximized: false };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The stored state when it is sane and at least partly on one of the displays (a monitor may have been
 * unplugged since); otherwise the default size, centred by Electron.
 */
export function restoreWindowState(stored: unknown, displays: readonly Rect[]): WindowState {
  if (stored === null || typeof stored !== 'object') return DEFAULT_WINDOW_STATE;
  const s = stored as Partial<WindowState>;
  const width = clampSize(s.width, 640, DEFAULT_WINDOW_STATE.width);
  const height = clampSize(s.height, 480, DEFAULT_WINDOW_STATE.height);
  const maximized = s.maximized === true;
  if (typeof s.x !== 'number' || typeof s.y !== 'number' || !Number.isFinite(s.x) || !Number.isFinite(s.y)) {
    return { width, height, maximized };
  }
  const rect = { x: s.x, y: s.y, width, height };
  const visible = displays.some((d) => overlap(rect, d) >= 100 * 100);
  return visible ? { ...rect, maximized } : { width, height, maximized };
}

function clampSize(value: unknown, min: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= 10_000
    ? Math.round(value)
    : fallback;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
