// Backup, restore and clone over the contract: where an archive is, and the progress events.
import { z } from 'zod';

/** A file on the machine the app (or the web host) runs on: an archive to write or read. */
export const HostPathSchema = z.string().trim().min(1, 'Give a file path').max(4096, 'The path is too long');

export const BackupKindSchema = z.enum(['backup', 'restore', 'clone']);

/** A backup, restore or clone as it goes: the phase, its bytes and ETA; the last has done: true. */
export const BackupProgressSchema = z.object({
  operationId: z.string(),
  kind: BackupKindSchema,
  /** The store it reads from (backup, clone) or creates (restore). */
  storeName: z.string(),
  phase: z.enum([
    'preparing',
    'downloading',
    'writing',
    'verifying',
    'provisioning',
    'copying',
    'uploading',
    'finishing',
    'done',
    'failed',
  ]),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative().nullable(),
  bytesPerSecond: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  done: z.boolean(),
  /** Narrowed to the contract's error codes in contract.ts. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  result: z
    .object({ path: z.string().optional(), storeId: z.string().optional(), bytes: z.number().optional() })
    .nullable(),
});
