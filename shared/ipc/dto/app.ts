import { z } from 'zod';
import { epochMsSchema, idSchema } from './common';

/** One failed check of the ledger (ADR 0076): which, for which tenant, where, and what was found. */
export const ledgerProblemSchema = z.object({
  check: z.enum(['integrity', 'triggers', 'chain', 'replay', 'head']),
  tenantId: z.string().nullable(),
  where: z.string(),
  detail: z.string(),
});

/** What the ledger's last self-check found, and the outcome of a restore staged for this start. */
export const integrityStatusSchema = z.object({
  state: z.enum(['ok', 'failed', 'unchecked']),
  kind: z.enum(['startup', 'daily', 'after restore']).nullable(),
  checkedAt: epochMsSchema.nullable(),
  scope: z.string(),
  durationMs: z.number().int().min(0),
  /** Tenants whose trading is halted until a check passes. */
  haltedTenants: z.array(z.string()),
  problems: z.array(ledgerProblemSchema),
  restore: z
    .discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('applied'),
        from: z.string().nullable(),
        database: z.string(),
        replacedFileMovedTo: z.string().nullable(),
      }),
      z.object({
        outcome: z.literal('refused'),
        from: z.string().nullable(),
        database: z.string(),
        code: z.string(),
        message: z.string(),
      }),
    ])
    .nullable(),
});
export type IntegrityStatusDto = z.infer<typeof integrityStatusSchema>;

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
  /** The ledger's self-checks (issue 19): the UI shows a banner when one failed. */
  integrity: integrityStatusSchema,
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

/** A backup in the data folder's `backups/`, offered for restore. */
export const backupFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int().min(0),
  modifiedAt: epochMsSchema,
});
export type BackupFileDto = z.infer<typeof backupFileSchema>;

/** The backups, newest first, and the restore staged for the next start, if any. */
export const backupListSchema = z.object({
  dir: z.string(),
  backups: z.array(backupFileSchema),
  staged: z.object({ from: z.string(), stagedAt: epochMsSchema }).nullable(),
});
export type BackupListDto = z.infer<typeof backupListSchema>;

/** A file name in `backups/` (never a path: main resolves it inside that folder). */
export const stageRestoreRequest = z
  .object({
    name: z
      .string()
      .min(4)
      .max(255)
      .regex(/^[^/\\]+\.db$/, 'a backup file name ending in .db, without a folder'),
  })
  .strict();

export const stagedRestoreSchema = z.object({ stagedFrom: z.string(), restartRequired: z.literal(true) });
export type StagedRestoreDto = z.infer<typeof stagedRestoreSchema>;

/** Whether the host restarts the app itself (desktop) or the user must (headless daemon). */
export const restartSchema = z.object({ restarting: z.boolean(), message: z.string() });
export type RestartDto = z.infer<typeof restartSchema>;
