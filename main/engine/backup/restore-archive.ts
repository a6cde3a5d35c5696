// restore, first half: read the whole archive once, checking its manifest (format, version,
// members) and every member's size and sha256 while spooling the members to a private temp
// dir. Only an archive that passes all of it is restored (from the spool, so what was checked
// is what is loaded); a damaged one is refused before anything is created.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MAX_MANIFEST_BYTES, MEMBERS, parseManifest, type Manifest } from './archive-manifest';
import type { SpooledMember } from './backup-archive';
import type { ProgressMeter } from './progress-meter';
import { readTar, TarFormatError, type TarEntryConsumer } from './tar-reader';

export class ArchiveError extends Error {}

/** Counts bytes into the meter as a stream flows through (only when read: no lost chunks). */
export function counting(meter: ProgressMeter): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      meter.add(chunk.length);
      done(null, chunk);
    },
  });
}

function spoolConsumer(
  path: string,
  onDone: (r: { size: number; sha256: string }) => void,
): TarEntryConsumer {
  const hash = createHash('sha256');
  const out = createWriteStream(path, { mode: 0o600 });
  let size = 0;
  return {
    async write(chunk) {
      hash.update(chunk);
      size += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async end() {
      out.end();
      await once(out, 'close');
      onDone({ size, sha256: hash.digest('hex') });
    },
  };
}

export interface VerifiedArchive {
  manifest: Manifest;
  members: SpooledMember[];
}

/** Verifies archivePath into dir; throws ArchiveError with the plain reason when it is not restorable. */
export async function verifyArchive(
  archivePath: string,
  dir: string,
  meter: ProgressMeter,
): Promise<VerifiedArchive> {
  let size: number;
  try {
    const info = await stat(archivePath);
    if (!info.isFile()) throw new ArchiveError(`${archivePath} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`cannot read ${archivePath}: ${(error as Error).message}`);
  }
  meter.begin('verifying', size);
  let manifest: Manifest | null = null;
  const seen = new Map<string, { size: number; sha256: string }>();
  const input = createReadStream(archivePath);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(counting(meter)).pipe(gunzip);
  try {
    await readTar(gunzip, ({ name, size: entrySize }) => {
      if (!manifest) {
        if (name !== MEMBERS.manifest) throw new ArchiveError('it does not start with manifest.json');
        if (entrySize > MAX_MANIFEST_BYTES) throw new ArchiveError('its manifest.json is too large');
        const parts: Buffer[] = [];
        return {
          write: (chunk) => void parts.push(chunk),
          end: () => {
            const parsed = parseManifest(Buffer.concat(parts).toString('utf8'));
            if (!parsed.ok) throw new ArchiveError(parsed.reason);
            manifest = parsed.manifest;
          },
        };
      }
      const listed = (manifest as Manifest).members.find((m) => m.name === name);
      if (!listed || seen.has(name))
        throw new ArchiveError(`it holds a file its manifest does not list (${name})`);
      return spoolConsumer(join(dir, name), (r) => seen.set(name, r));
    });
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    if (error instanceof TarFormatError) throw new ArchiveError(`it is damaged: ${error.message}`);
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || /unexpected end of file|incorrect header check/i.test(String(error)))
      throw new ArchiveError('it is damaged or cut short (not a complete gzip file)');
    throw error;
  } finally {
    input.destroy();
  }
  if (!manifest) throw new ArchiveError('it holds no manifest.json');
  const found = manifest as Manifest;
  const members: SpooledMember[] = [];
  for (const listed of found.members) {
    const got = seen.get(listed.name);
    if (!got) throw new ArchiveError(`${listed.name} is missing from it`);
    if (got.size !== listed.size)
      throw new ArchiveError(`${listed.name} is ${got.size} bytes, its manifest says ${listed.size}`);
    if (got.sha256 !== listed.sha256)
      throw new ArchiveError(
        `${listed.name} does not match its checksum (the archive was altered or damaged)`,
      );
    members.push({ name: listed.name, path: join(dir, listed.name), ...got });
  }
  meter.complete();
  return { manifest: found, members };
}
