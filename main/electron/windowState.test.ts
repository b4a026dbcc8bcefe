import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, restoreWindowState } from './windowState';

const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('restores bounds that are on a display', () => {
    expect(restoreWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, display)).toEqual(
      {
        x: 100,
        y: 50,
        width: 1200,
        height: 800,
        maximized: true,
      },
    );
  });

  it('drops the position of a window left on a monitor that is gone', () => {
    expect(
      restoreWindowState({ x: 4000, y: 50, width: 1200, height: 800, maximized: false }, display),
    ).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('falls back to the default for nonsense', () => {
    expect(restoreWindowState(null, display)).toEqual(DEFAULT_WINDOW_STATE);
    expect(restoreWindowState({ width: -5, height: 'x' }, display)).toEqual({
      width: 1320,
      height: 860,
      maximized: false,
    });
  });
});
