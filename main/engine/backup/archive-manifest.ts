// The backup archive: a gzipped tar of manifest.json (first), database.sql and wp-content.tar.
// The manifest names the format and its version, the source store and the versions it ran,
// and each member's size and sha256, so a restore can refuse a damaged archive before it
// creates anything.
import { z } from 'zod';
import { PlanSchema } from '../../../preload/contract';

export const ARCHIVE_FORMAT = 'storedeck-backup';
/** Bumped when a restore of this code could not read an older layout. */
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_EXTENSION = '.storedeck.tar.gz';
export const MEMBERS = {
  manifest: 'manifest.json',
  database: 'database.sql',
  files: 'wp-content.tar',
} as const;
/** A manifest is small; anything bigger is not one. */
export const MAX_MANIFEST_BYTES = 64 * 1024;

const MemberSchema = z.object({
  name: z.enum([MEMBERS.database, MEMBERS.files]),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  plan: PlanSchema,
  createdAt: z.string(),
  source: z.object({
    name: z.string(),
    slug: z.string(),
    url: z.string(),
    adminEmail: z.string(),
  }),
  versions: z.object({
    wordpress: z.string().nullable(),
    woocommerce: z.string().nullable(),
    mysql: z.string().nullable(),
  }),
  members: z.array(MemberSchema).length(2),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestMember = z.infer<typeof MemberSchema>;

/** The manifest of an archive, or the plain reason it cannot be restored by this version. */
export function parseManifest(
  text: string,
): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'its manifest.json is not valid JSON' };
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (head?.format !== ARCHIVE_FORMAT) return { ok: false, reason: 'it is not a Storedeck backup' };
  if (typeof head.formatVersion === 'number' && head.formatVersion > ARCHIVE_VERSION)
    return {
      ok: false,
      reason: `it was made by a newer Storedeck (format ${head.formatVersion}; this one reads up to ${ARCHIVE_VERSION})`,
    };
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'its manifest.json is incomplete' };
  const names = parsed.data.members.map((m) => m.name).sort();
  if (names[0] !== MEMBERS.database || names[1] !== MEMBERS.files)
    return { ok: false, reason: 'its manifest.json does not list database.sql and wp-content.tar' };
  return { ok: true, manifest: parsed.data };
}
