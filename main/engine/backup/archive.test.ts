import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ARCHIVE_VERSION, parseManifest } from './archive-manifest';
import { writeArchive, type SpooledMember } from './backup-archive';
import { ProgressMeter } from './progress-meter';
import { ArchiveError, verifyArchive } from './restore-archive';
import { readTar } from './tar-reader';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Buffer) => execFileSync('sha256sum', { input: b, encoding: 'utf8' }).split(' ')[0] as string;
const meter = () => new ProgressMeter(() => undefined);

async function archiveOf(db: Buffer, files: Buffer): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'archive-test-'));
  writeFileSync(join(dir, 'database.sql'), db);
  writeFileSync(join(dir, 'wp-content.tar'), files);
  const members: SpooledMember[] = [
    { name: 'database.sql', path: join(dir, 'database.sql'), size: db.length, sha256: sha(db) },
    { name: 'wp-content.tar', path: join(dir, 'wp-content.tar'), size: files.length, sha256: sha(files) },
  ];
  const out = join(dir, 'shop.storedeck.tar.gz');
  await writeArchive(
    out,
    {
      plan: 'woocommerce',
      createdAt: '2026-01-01T00:00:00.000Z',
      source: { name: 'Shop', slug: 'shop', url: 'http://shop.localhost/', adminEmail: 'a@b.co' },
      versions: { wordpress: '6.9.4', woocommerce: '10.7.0', mysql: '8.4.10' },
    },
    members,
    meter(),
  );
  return out;
}

describe('the backup archive', () => {
  it('is a tar.gz GNU tar lists, manifest first, and verifies back to the same bytes', async () => {
    const db = Buffer.from("INSERT INTO `wp_options` VALUES (1,'siteurl','http://shop.localhost','yes');\n");
    const files = Buffer.alloc(5000, 7);
    const out = await archiveOf(db, files);
    expect(execFileSync('tar', ['-tzf', out], { encoding: 'utf8' })).toBe(
      'manifest.json\ndatabase.sql\nwp-content.tar\n',
    );
    const spool = mkdtempSync(join(dir, 'spool-'));
    const verified = await verifyArchive(out, spool, meter());
    expect(verified.manifest).toMatchObject({
      formatVersion: ARCHIVE_VERSION,
      plan: 'woocommerce',
      versions: { mysql: '8.4.10' },
    });
    expect(readFileSync(join(spool, 'database.sql'))).toEqual(db);
    expect(readFileSync(join(spool, 'wp-content.tar'))).toEqual(files);
  });

  it('names what is wrong: a newer format, another file, a member that does not match', async () => {
    expect(
      parseManifest(JSON.stringify({ format: 'storedeck-backup', formatVersion: ARCHIVE_VERSION + 1 })),
    ).toEqual({
      ok: false,
      reason: `it was made by a newer Storedeck (format ${ARCHIVE_VERSION + 1}; this one reads up to ${ARCHIVE_VERSION})`,
    });
    expect(parseManifest('{"format":"zip"}')).toEqual({ ok: false, reason: 'it is not a Storedeck backup' });
    const out = await archiveOf(Buffer.from('db'), Buffer.from('files'));
    const work = mkdtempSync(join(dir, 'w-'));
    execFileSync('tar', ['-xzf', out, '-C', work]);
    writeFileSync(join(work, 'database.sql'), 'DB');
    const swapped = join(dir, 'swapped.tar.gz');
    execFileSync('tar', ['-czf', swapped, '-C', work, 'manifest.json', 'database.sql', 'wp-content.tar']);
    const spool = mkdtempSync(join(dir, 'spool-'));
    await expect(verifyArchive(swapped, spool, meter())).rejects.toThrow(
      new ArchiveError('database.sql does not match its checksum (the archive was altered or damaged)'),
    );
    const reordered = join(dir, 'reordered.tar.gz');
    execFileSync('tar', ['-czf', reordered, '-C', work, 'database.sql', 'manifest.json', 'wp-content.tar']);
    await expect(verifyArchive(reordered, spool, meter())).rejects.toThrow(
      'it does not start with manifest.json',
    );
  });

  it('reads entries chunk by chunk whatever the chunk boundaries', async () => {
    const out = await archiveOf(Buffer.alloc(1500, 1), Buffer.alloc(3, 2));
    const tar = execFileSync('gzip', ['-dc', out]);
    const pieces: Buffer[] = [];
    for (let i = 0; i < tar.length; i += 97) pieces.push(tar.subarray(i, i + 97));
    const seen: Record<string, number> = {};
    await readTar(Readable.from(pieces), ({ name }) => ({
      write: (c) => void (seen[name] = (seen[name] ?? 0) + c.length),
      end: () => undefined,
    }));
    expect(seen).toMatchObject({ 'database.sql': 1500, 'wp-content.tar': 3 });
    await expect(
      readTar(Readable.from([tar.subarray(0, 2000)]), () => ({
        write: () => undefined,
        end: () => undefined,
      })),
    ).rejects.toThrow('it ends early (truncated)');
  });
});

describe('progress', () => {
  it('reports every 1% of a known total however fast, with a rate and a time left', () => {
    let t = 0;
    const seen: Array<{ done: number; eta: number | null }> = [];
    const m = new ProgressMeter(
      (s) => seen.push({ done: s.bytesDone, eta: s.etaSeconds }),
      10_000,
      () => t,
    );
    m.begin('copying', 1000);
    for (let i = 0; i < 100; i += 1) {
      t += 10;
      m.add(10);
    }
    m.complete();
    expect(seen.length).toBeGreaterThanOrEqual(100);
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
    expect(seen[50]?.eta).toBe(1);
    expect(seen[seen.length - 1]).toEqual({ done: 1000, eta: 0 });
  });
});
