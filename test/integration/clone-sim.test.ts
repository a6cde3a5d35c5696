// Clone of a 50 MB store against the simulator: the copy streams pod to pod (no file), its
// progress events grow monotonically up to the total, and the copy holds the same files and
// the same database with its own URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../preload/contract';
import {
  collect,
  dumpOf,
  execIn,
  finished,
  readyStore,
  startWorld,
  type BackupWorld,
} from './backup-fixture';

let world: BackupWorld;
let source: Store;
const MB = 1024 * 1024;

beforeAll(async () => {
  world = await startWorld(41);
  source = await readyStore(world.app, 'Big Shop');
  const upload = await execIn(world, source, 'wordpress', [
    'dd',
    'if=/dev/urandom',
    'of=/var/www/html/wp-content/uploads/video.mp4',
    'bs=1M',
    'count=50',
  ]);
  expect(upload.exitCode, upload.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('clone', () => {
  it('copies a 50 MB store into a new one, with progress growing to the total', async () => {
    const progress = collect(world.app, 'backupProgress');
    const started = await world.app.handlers.cloneStore({ id: source.id, name: 'Big Copy' });
    if (!started.ok) throw new Error(started.error.message);
    const outcome = await finished(world.app, started.value.operationId);
    progress.stop();
    expect(outcome.error).toBeNull();
    const copying = progress.items.filter(
      (p) => p.operationId === started.value.operationId && p.phase === 'copying',
    );
    expect(copying.length).toBeGreaterThan(3);
    for (let i = 1; i < copying.length; i += 1)
      expect(copying[i]?.bytesDone).toBeGreaterThanOrEqual(copying[i - 1]?.bytesDone ?? 0);
    const last = copying[copying.length - 1];
    expect(last?.bytesDone).toBeGreaterThan(50 * MB);
    expect(last?.bytesDone).toBe(last?.bytesTotal);
    // An estimate was known from the start, so ETA and rate were shown along the way.
    expect(copying[0]?.bytesTotal).toBeGreaterThan(50 * MB);
    expect(
      copying.some((p) => p.etaSeconds !== null && p.bytesPerSecond > 0 && p.bytesDone < (p.bytesTotal ?? 0)),
    ).toBe(true);

    const copy = await world.app.handlers.getStore({ id: outcome.result?.storeId ?? '' });
    if (!copy.ok) throw new Error(copy.error.message);
    const size = await execIn(world, copy.value, 'wordpress', [
      'du',
      '-sb',
      '/var/www/html/wp-content/uploads',
    ]);
    expect(size.stdout).toBe(`${50 * MB}\t/var/www/html/wp-content/uploads\n`);
    const hashes = /'[0-9a-f]{64}'/g;
    expect((await dumpOf(world, copy.value)).replace(hashes, '')).toBe(
      (await dumpOf(world, source))
        .replaceAll('http://big-shop.localhost', 'http://big-copy.localhost')
        .replace(hashes, ''),
    );
  }, 180_000);

  it('refuses a clone under a name already taken, creating nothing', async () => {
    const refused = await world.app.handlers.cloneStore({ id: source.id, name: 'Big Shop' });
    if (!refused.ok) throw new Error(refused.error.message);
    const outcome = await finished(world.app, refused.value.operationId);
    expect(outcome.error?.code).toBe('conflict');
    const listed = await world.app.handlers.listStores({});
    expect(listed.ok && listed.value.map((s) => s.name).sort()).toEqual(['Big Copy', 'Big Shop']);
  });
});
