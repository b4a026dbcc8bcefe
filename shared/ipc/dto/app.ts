import { z } from 'zod';
import { epochMsSchema, idSchema } from './common';

export const appStatusSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'headless']),
  startedAt: epochMsSchema,
  dataDir: z.string(),
  logDir: z.string(),
  /** The tenant of this installation (one investor, one tenant). */
  tenantId: idSchema.nullable(),
  /** No portfolio yet: the UI offers the first-run choices (demo or live data). */
  firstRun: z.boolean(),
  /** Market data in use: the bundled history replayed on a virtual clock, or live Yahoo data. */
  marketData: z.enum(['demo', 'live', 'scripted']),
});
export type AppStatusDto = z.infer<typeof appStatusSchema>;

export const exportFormatSchema = z.enum(['csv', 'xlsx', 'json', 'html', 'pdf']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** Where an export was written; in browser mode `downloadPath` fetches it through the loopback server. */
export const exportedFileSchema = z.object({
  file: z.string(),
  bytes: z.number().int().min(0),
  downloadPath: z.string().nullable(),
});
export type ExportedFileDto = z.infer<typeof exportedFileSchema>;

export const logLocationSchema = z.object({ dir: z.string(), opened: z.boolean() });
