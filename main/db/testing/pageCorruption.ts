import fs from 'node:fs';
import Database from 'better-sqlite3';

/** Test support: the pages of a database file, by the table or index they belong to (SQLite's dbstat). */
export function pagesOf(file: string): {
  pageSize: number;
  pages: { name: string; pageno: number; pagetype: string }[];
} {
  const db = new Database(file, { readonly: true });
  try {
    return {
      pageSize: db.pragma('page_size', { simple: true }) as number,
      pages: db.prepare('SELECT name, pageno, pagetype FROM dbstat ORDER BY pageno').all() as {
        name: string;
        pageno: number;
        pagetype: string;
      }[],
    };
  } finally {
    db.close();
  }
}

function readVarint(buf: Buffer, at: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 9; i += 1) {
    const byte = buf[at + i] as number;
    if (i === 8) return { value: value * 256 + byte, next: at + 9 };
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return { value, next: at + 9 };
}

/**
 * Test support: damages one leaf page of an index the way a flipped bit on disk would, but so that the
 * page still parses: the rowid stored in one index entry (the record's last column) gets another value
 * of the same size. The b-tree stays well formed and ordered, so `quick_check` passes; only SQLite's full
 * `integrity_check` (index content against its table) finds it. Returns the page number changed.
 */
export function corruptIndexEntry(file: string, indexName: string): number {
  const { pageSize, pages } = pagesOf(file);
  const leaf = pages.find((p) => p.name === indexName && p.pagetype === 'leaf');
  if (!leaf) throw new Error(`no leaf page of ${indexName}`);
  const fd = fs.openSync(file, 'r+');
  try {
    const page = Buffer.alloc(pageSize);
    fs.readSync(fd, page, 0, pageSize, (leaf.pageno - 1) * pageSize);
    const base = leaf.pageno === 1 ? 100 : 0;
    if (page[base] !== 0x0a) throw new Error(`page ${leaf.pageno} is not an index leaf`);
    const cells = page.readUInt16BE(base + 3);
    for (let c = 0; c < cells; c += 1) {
      const cell = page.readUInt16BE(base + 8 + 2 * c);
      const payload = readVarint(page, cell);
      const headerSize = readVarint(page, payload.next);
      const types: number[] = [];
      for (let at = headerSize.next; at < payload.next + headerSize.value;) {
        const t = readVarint(page, at);
        types.push(t.value);
        at = t.next;
      }
      const sizes = types.map((t) =>
        t >= 12 ? Math.floor((t - (t % 2 === 0 ? 12 : 13)) / 2) : ([0, 1, 2, 3, 4, 6, 8, 8, 0, 0][t] ?? 0),
      );
      const rowidType = types.at(-1) as number;
      if (rowidType < 1 || rowidType > 6) continue;
      const rowidAt = payload.next + headerSize.value + sizes.slice(0, -1).reduce((a, b) => a + b, 0);
      // The low byte of the rowid: another existing row's id, same size, same place in the order.
      page[rowidAt + (sizes.at(-1) as number) - 1] =
        (page[rowidAt + (sizes.at(-1) as number) - 1] as number) ^ 0x01;
      fs.writeSync(fd, page, 0, pageSize, (leaf.pageno - 1) * pageSize);
      return leaf.pageno;
    }
    throw new Error(`no entry with a rowid found on page ${leaf.pageno}`);
  } finally {
    fs.closeSync(fd);
  }
}
