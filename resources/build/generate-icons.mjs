// Draws the app icon (resources/build/icon.png, 1024×1024, and icon-256.png) without any image library:
// a rounded square in the brand gradient, a horizontal anchor line and a zig-zag price crossing it.
// electron-builder makes the .ico (Windows) and .icns (macOS) from icon.png. Run: node resources/build/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

function crc32(buf) {
  let c;
  const table =
    crc32.table ??
    (crc32.table = Array.from({ length: 256 }, (_, n) => {
      c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    }));
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function draw(size) {
  const out = Buffer.alloc(size * size * 4);
  const ss = 3; // supersampling for smooth edges
  const margin = 0.08;
  const radius = 0.2;
  const zig = [
    [0.18, 0.58],
    [0.36, 0.3],
    [0.52, 0.7],
    [0.68, 0.26],
    [0.84, 0.46],
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          const qx = Math.max(margin + radius - u, 0, u - (1 - margin - radius));
          const qy = Math.max(margin + radius - v, 0, v - (1 - margin - radius));
          if (qx * qx + qy * qy > radius * radius) continue;
          // Gradient from blue (top left) to violet (bottom right).
          const t = (u + v) / 2;
          let pr = 36 + (123 - 36) * t;
          let pg = 88 + (75 - 88) * t;
          let pb = 214 + (209 - 214) * t;
          if (Math.abs(v - 0.56) < 0.012 && u > 0.16 && u < 0.86) [pr, pg, pb] = [200, 214, 255];
          let line = Infinity;
          for (let k = 0; k + 1 < zig.length; k++)
            line = Math.min(line, segmentDistance(u, v, ...zig[k], ...zig[k + 1]));
          if (line < 0.035) [pr, pg, pb] = [255, 255, 255];
          r += pr;
          g += pg;
          b += pb;
          a += 255;
        }
      }
      const n = ss * ss;
      const i = (y * size + x) * 4;
      const cover = a / 255;
      out[i] = cover ? Math.round(r / cover) : 0;
      out[i + 1] = cover ? Math.round(g / cover) : 0;
      out[i + 2] = cover ? Math.round(b / cover) : 0;
      out[i + 3] = Math.round(a / n);
    }
  }
  return png(size, out);
}

writeFileSync(path.join(here, 'icon.png'), draw(1024));
writeFileSync(path.join(here, 'icon-256.png'), draw(256));
console.log('wrote resources/build/icon.png and icon-256.png');
