// Backup, restore and clone against the simulator through client-node, as the access chart's
// ServiceAccount: a restored store's database equals the source's with the URL rewritten
// (serialized values too), a clone of a 50 MB store reports growing progress up to its total,
// a damaged archive is refused leaving nothing, and every run is audited.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import {
  collect,
  dumpOf,
  execIn,
  finished,
  readyStore,
  startWorld,
  wpCli,
  type BackupWorld,
} from './backup-fixture';

let world: BackupWorld;
let source: Store;
const WIDGET = (url: string) => `a:1:{s:3:"url";s:${Buffer.byteLength(url)}:"${url}";}`;

beforeAll(async () => {
  world = await startWorld(31);
  source = await readyStore(world.app, 'Source Shop');
  const set = await wpCli(world.app, source, [
    'option',
    'update',
    'storedeck_widget',
    WIDGET('http://source-shop.localhost'),
  ]);
  expect(set.exitCode, set.text).toBe(0);
  const upload = await execIn(world, source, 'wordpress', [
    'dd',
    'if=/dev/urandom',
    'of=/var/www/html/wp-content/uploads/2026/01/photo.jpg',
    'bs=1K',
    'count=64',
  ]);
  expect(upload.exitCode, upload.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const storeNames = async () => {
  const listed = await world.app.handlers.listStores({});
  return listed.ok ? listed.value.map((s) => s.name) : [];
};
const namespaces = () => world.sim.store.list('namespaces', undefined).map((n) => n.metadata.name);

describe('backup and restore', () => {
  let archive = '';

  it('backup writes one archive with a manifest, then restore makes a store whose dump equals the source (URLs rewritten)', async () => {
    const out = path.join(world.dir, 'source.storedeck.tar.gz');
    const progress = collect(world.app, 'backupProgress');
    const started = await world.app.handlers.backupStore({ id: source.id, path: out });
    expect(started.ok && started.value.path).toBe(out);
    if (!started.ok) return;
    const done = await finished(world.app, started.value.operationId);
    progress.stop();
    expect(done.error).toBeNull();
    expect(done.result?.path).toBe(out);
    // Nothing but the archive is left in its folder (no partial file).
    expect(readdirSync(world.dir).filter((f) => f.includes('source'))).toEqual(['source.storedeck.tar.gz']);
    expect(progress.items.some((p) => p.phase === 'downloading' && p.bytesDone > 64 * 1024)).toBe(true);
    archive = out;

    const restored = await world.app.handlers.restoreStore({ archive: out, name: 'Copy Shop' });
    if (!restored.ok) throw new Error(restored.error.message);
    const outcome = await finished(world.app, restored.value.operationId);
    expect(outcome.error).toBeNull();
    const copy = await world.app.handlers.getStore({ id: outcome.result?.storeId ?? '' });
    if (!copy.ok) throw new Error(copy.error.message);
    expect(copy.value.status).toBe('Ready');

    // Password hashes differ (new secrets); the serialized option is compared on its own.
    const hashes = /'[0-9a-f]{64}'/g;
    const widget = (url: string) => WIDGET(url).replaceAll('"', '\\"');
    const expected = (await dumpOf(world, source))
      .replace(widget('http://source-shop.localhost'), '<widget>')
      .replaceAll('http://source-shop.localhost', 'http://copy-shop.localhost')
      .replace(hashes, "'<hash>'");
    const actual = await dumpOf(world, copy.value);
    // The serialized option's recorded length follows the new URL (search-replace, not sed).
    expect(actual).toContain(widget('http://copy-shop.localhost'));
    expect(actual.replace(widget('http://copy-shop.localhost'), '<widget>').replace(hashes, "'<hash>'")).toBe(
      expected,
    );
    expect(expected).toContain('http://copy-shop.localhost');
    // New secrets: the admin signs in with the copy's own password, not the source's.
    const revealed = await world.app.handlers.revealAdminPassword({ id: copy.value.id });
    const sourcePassword = await world.app.handlers.revealAdminPassword({ id: source.id });
    if (!revealed.ok || !sourcePassword.ok) throw new Error('no password');
    expect(revealed.value.password).not.toBe(sourcePassword.value.password);
    expect(
      (await wpCli(world.app, copy.value, ['user', 'check-password', 'admin', revealed.value.password]))
        .exitCode,
    ).toBe(0);
    // The files came along.
    const listing = await execIn(world, copy.value, 'wordpress', [
      'du',
      '-sb',
      '/var/www/html/wp-content/uploads',
    ]);
    expect(listing.stdout).toMatch(/^65536\t/);
  }, 180_000);

  it('refuses a truncated, tampered or foreign archive before creating anything', async () => {
    const bytes = readFileSync(archive);
    const tar = gunzipSync(bytes);
    const truncated = path.join(world.dir, 'truncated.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const tampered = path.join(world.dir, 'tampered.tar.gz');
    const altered = Buffer.from(tar);
    const at = altered.indexOf('siteurl');
    altered.write('SITEURL', at, 'latin1');
    writeFileSync(tampered, gzipSync(altered));
    const foreign = path.join(world.dir, 'foreign.tar.gz');
    writeFileSync(foreign, gzipSync(Buffer.from('just some text, not a tar archive at all'.repeat(40))));
    const before = { stores: await storeNames(), namespaces: namespaces() };
    const cases: Array<[string, RegExp]> = [
      [truncated, /damaged or cut short|truncated/],
      [tampered, /database\.sql does not match its checksum/],
      [foreign, /damaged/],
      [path.join(world.dir, 'missing.tar.gz'), /cannot read/],
    ];
    for (const [file, reason] of cases) {
      const started = await world.app.handlers.restoreStore({ archive: file, name: 'Broken Shop' });
      if (!started.ok) throw new Error(started.error.message);
      const outcome = await finished(world.app, started.value.operationId);
      expect(outcome.phase).toBe('failed');
      expect(outcome.error?.message).toMatch(/^The archive cannot be restored: /);
      expect(outcome.error?.message).toMatch(reason);
      expect(outcome.error?.message).toMatch(/Nothing was created\.$/);
    }
    expect(await storeNames()).toEqual(before.stores);
    expect(namespaces()).toEqual(before.namespaces);
    expect(existsSync(path.join(world.dir, 'data'))).toBe(true);
  }, 60_000);

  it('audits every run with its outcome and no secret', async () => {
    const audit = await world.app.handlers.listAudit({ limit: 200 });
    if (!audit.ok) throw new Error(audit.error.message);
    const runs = audit.value.filter((a) => ['backup', 'restore', 'clone'].includes(a.action));
    expect(runs.filter((a) => a.action === 'backup' && /; ok; path=/.test(a.details ?? ''))).toHaveLength(1);
    expect(runs.filter((a) => a.action === 'restore' && /; ok; store=/.test(a.details ?? ''))).toHaveLength(
      1,
    );
    expect(
      runs.filter(
        (a) =>
          a.action === 'restore' &&
          /; failed; invalid_request: The archive cannot be restored/.test(a.details ?? ''),
      ),
    ).toHaveLength(4);
    const secret = await world.app.handlers.revealAdminPassword({ id: source.id });
    if (!secret.ok) throw new Error('no password');
    for (const row of audit.value) expect(row.details ?? '').not.toContain(secret.value.password);
  });
});
