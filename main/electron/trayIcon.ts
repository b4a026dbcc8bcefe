/**
 * The tray icon drawn in code (no image file to ship or find): a rounded square in the brand blue with a
 * white zig-zag price line crossing a horizontal anchor. RGBA pixels for `nativeImage.createFromBitmap`
 * (Electron wants BGRA on every platform's bitmap path; blue and red are swapped accordingly).
 */
export function trayIconBitmap(size = 32): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const r = size * 0.22;
  const put = (x: number, y: number, rgba: [number, number, number, number]) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    px[i] = rgba[2];
    px[i + 1] = rgba[1];
    px[i + 2] = rgba[0];
    px[i + 3] = rgba[3];
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = Math.max(r - x - 0.5, 0, x + 0.5 - (size - r));
      const dy = Math.max(r - y - 0.5, 0, y + 0.5 - (size - r));
      if (dx * dx + dy * dy <= r * r) put(x, y, [36, 88, 214, 255]);
    }
  }
  const anchor = Math.round(size * 0.55);
  for (let x = Math.round(size * 0.15); x < Math.round(size * 0.85); x++)
    put(x, anchor, [190, 205, 255, 255]);
  const points = [
    [0.15, 0.55],
    [0.35, 0.3],
    [0.5, 0.7],
    [0.68, 0.25],
    [0.85, 0.45],
  ].map(([a, b]) => [(a as number) * size, (b as number) * size] as const);
  for (let k = 0; k + 1 < points.length; k++) {
    const [x0, y0] = points[k] as readonly [number, number];
    const [x1, y1] = points[k + 1] as readonly [number, number];
    const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      const w = Math.max(1, Math.round(size / 16));
      for (let oy = 0; oy < w; oy++)
        for (let ox = 0; ox < w; ox++) put(Math.round(x) + ox, Math.round(y) + oy, [255, 255, 255, 255]);
    }
  }
  return px;
}
