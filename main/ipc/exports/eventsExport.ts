import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { commitTempFileSync, tempNameOf } from '../../adapters/files/atomicFile';
import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { describeEvent } from '../mappers/describeEvent';

const CSV_COLUMNS = [
  'id',
  'ts',
  'recorded_at',
  'type',
  'symbol',
  'position_id',
  'correlation_id',
  'summary',
  'payload',
  'hash',
];

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes events (oldest first) as CSV — one row per event, payload as JSON text, times in ISO UTC — or
 * as a JSON array. Streams, so a large log is never held twice in memory. Returns the bytes written.
 */
export async function writeEventsFile(
  file: string,
  format: 'csv' | 'json',
  events: Iterable<DomainEvent>,
): Promise<number> {
  // Streamed to a temporary file beside it, then flushed and renamed (ADR 0075): never half a file.
  const temp = tempNameOf(path.resolve(file));
  const out = createWriteStream(temp, { encoding: 'utf8' });
  try {
    const bytes = await writeEvents(out, format, events);
    out.end();
    await once(out, 'finish');
    commitTempFileSync(temp, path.resolve(file));
    return bytes;
  } catch (err) {
    out.destroy();
    rmSync(temp, { force: true });
    throw err;
  }
}

async function writeEvents(
  out: ReturnType<typeof createWriteStream>,
  format: 'csv' | 'json',
  events: Iterable<DomainEvent>,
): Promise<number> {
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  if (format === 'csv') {
    await write(CSV_COLUMNS.join(',') + '\r\n');
    for (const e of events) {
      const row = [
        e.id,
        new Date(e.ts).toISOString(),
        new Date(e.recordedAt).toISOString(),
        e.type,
        e.symbol ?? '',
        e.positionId ?? '',
        e.correlationId,
        describeEvent(e),
        JSON.stringify(e.payload),
        e.hash,
      ];
      await write(row.map(csvField).join(',') + '\r\n');
    }
  } else {
    await write('[');
    let first = true;
    for (const e of events) {
      await write((first ? '\n' : ',\n') + JSON.stringify({ ...e, summary: describeEvent(e) }));
      first = false;
    }
    await write('\n]\n');
  }
  return bytes;
}
