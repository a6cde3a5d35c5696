// backup → one archive file: the dump and the tar of the site's files are first spooled to a
// private temp dir (a tar entry needs its size up front) with their sha256 taken on the way,
// then written with the manifest as a gzipped tar to "<out>.partial-…" next to the target and
// renamed only once complete: a crash or a failure leaves no half-written archive behind.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, basename, join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MEMBERS, type Manifest } from './archive-manifest';
import type { ProgressMeter } from './progress-meter';
import { dumpDatabase, estimateSize, serverVersionOf, tarFiles, type StorePods } from './store-transfer';
import { writeTar } from './tar-writer';

export interface SpooledMember {
  name: (typeof MEMBERS)['database' | 'files'];
  path: string;
  size: number;
  sha256: string;
}

/** A write stream that hashes and counts what goes through it. */
class HashingFile {
  readonly hash: Hash = createHash('sha256');
  size = 0;
  private readonly out: WriteStream;
  private error: Error | null = null;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { mode: 0o600 });
    this.out.on('error', (e) => (this.error = e));
  }

  write(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.out.write(chunk);
  }

  async close(): Promise<{ size: number; sha256: string }> {
    this.out.end();
    if (!this.out.closed) await once(this.out, 'close');
    if (this.error) throw this.error;
    return { size: this.size, sha256: this.hash.digest('hex') };
  }
}

async function fill(file: HashingFile, run: () => Promise<void>): Promise<{ size: number; sha256: string }> {
  try {
    await run();
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
  return file.close();
}

export interface Downloaded {
  members: [SpooledMember, SpooledMember];
  mysqlVersion: string | null;
}

/** Streams the dump and the files out of the store into dir, counting every byte on meter. */
export async function downloadStore(
  pods: StorePods,
  dir: string,
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<Downloaded> {
  meter.begin('downloading', await estimateSize(pods, signal));
  const db = new HashingFile(join(dir, MEMBERS.database));
  let head = '';
  const dbDone = await fill(db, () =>
    dumpDatabase(pods, {
      signal,
      onChunk: (chunk) => {
        if (head.length < 4096) head += chunk.toString('utf8');
        db.write(chunk);
        meter.add(chunk.length);
      },
    }),
  );
  const files = new HashingFile(join(dir, MEMBERS.files));
  const filesDone = await fill(files, () =>
    tarFiles(pods, {
      signal,
      onChunk: (chunk) => {
        files.write(chunk);
        meter.add(chunk.length);
      },
    }),
  );
  meter.complete();
  return {
    members: [
      { name: MEMBERS.database, path: db.path, ...dbDone },
      { name: MEMBERS.files, path: files.path, ...filesDone },
    ],
    mysqlVersion: serverVersionOf(head),
  };
}

export type ManifestInput = Omit<Manifest, 'format' | 'formatVersion' | 'members'>;

/** Writes manifest + members as a .tar.gz to a partial file and renames it to out when complete. */
export async function writeArchive(
  out: string,
  manifestInput: ManifestInput,
  members: SpooledMember[],
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<{ path: string; bytes: number; manifest: Manifest }> {
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_VERSION,
    ...manifestInput,
    members: members.map(({ name, size, sha256 }) => ({ name, size, sha256 })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const partialPrefix = `.${basename(out)}.partial-`;
  await sweepPartials(dirname(out), partialPrefix);
  const partial = join(dirname(out), `${partialPrefix}${randomBytes(4).toString('hex')}`);
  meter.begin(
    'writing',
    members.reduce((n, m) => n + m.size, 0),
  );
  const file = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(file);
  const failure = new Promise<never>((_, reject) => {
    file.once('error', reject);
    gzip.once('error', reject);
  });
  try {
    await Promise.race([
      failure,
      (async () => {
        await writeTar(
          gzip,
          [
            { name: MEMBERS.manifest, size: manifestBytes.length, open: () => bufferStream(manifestBytes) },
            ...members.map((m) => ({ name: m.name, size: m.size, open: () => createReadStream(m.path) })),
          ],
          (n) => meter.add(n),
          signal,
        );
        gzip.end();
        await once(file, 'close');
      })(),
    ]);
    await rename(partial, out);
  } catch (error) {
    gzip.destroy();
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  meter.complete();
  return { path: out, bytes: (await stat(out)).size, manifest };
}

/** A process killed mid-write cannot clean up: the next backup to the same path removes what it left. */
async function sweepPartials(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dir, n), { force: true })));
}

async function* bufferStream(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

/** A private spool directory, removed whatever happens. */
export async function withSpool<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'storedeck-backup-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
