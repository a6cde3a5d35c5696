import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from '../../preload/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../primitives/event-bus';
import { fakeHandlers } from './fake-handlers';
import { startWebHost, type WebHost } from './server';
import { removeUploadsAfterRestore } from './upload-route';

let host: WebHost;
beforeEach(async () => {
  host = await startWebHost({ handlers: fakeHandlers({}), bus: createEventBus(), staticDir: '/nonexistent' });
});
afterEach(async () => host.close());

const upload = (body: Buffer, headers: Record<string, string>) =>
  fetch(`${host.url}/api/upload-archive`, { method: 'POST', body, headers });

describe('web host: archive upload for restore', () => {
  it('streams the bytes into a private temp file and answers with its path, only with the token', async () => {
    const bytes = Buffer.from([0x1f, 0x8b, 0, 1, 2, 255]);
    expect((await upload(bytes, {})).status).toBe(401);
    const reply = await upload(bytes, { authorization: `Bearer ${host.token}` });
    const body = (await reply.json()) as { ok: boolean; value: { path: string; bytes: number } };
    expect(body).toMatchObject({ ok: true, value: { bytes: 6 } });
    try {
      expect(body.value.path).toMatch(/storedeck-uploads\/[0-9a-f-]{36}\.storedeck\.tar\.gz$/);
      expect(readFileSync(body.value.path)).toEqual(bytes);
    } finally {
      rmSync(body.value.path, { force: true });
    }
    const get = await fetch(`${host.url}/api/upload-archive`, {
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(get.status).toBe(405);
  });
});

describe('an uploaded archive', () => {
  it('is removed once the restore that took it has ended; a file the user named is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uploads-test-'));
    const bus = createEventBus();
    try {
      const handlers = removeUploadsAfterRestore(
        fakeHandlers({ restoreStore: async () => ok({ operationId: 'op-1' }) }),
        bus,
        dir,
      );
      const uploaded = join(dir, 'a.storedeck.tar.gz');
      const own = join(tmpdir(), `own-${Date.now()}.storedeck.tar.gz`);
      writeFileSync(uploaded, 'x');
      writeFileSync(own, 'x');
      await handlers.restoreStore({ archive: uploaded, name: 'Copy' });
      await handlers.restoreStore({ archive: own, name: 'Copy' });
      const base = {
        kind: 'restore',
        storeName: 'Copy',
        bytesDone: 0,
        bytesTotal: null,
        bytesPerSecond: 0,
      } as const;
      bus.emit('backupProgress', {
        ...base,
        operationId: 'op-1',
        phase: 'verifying',
        etaSeconds: null,
        done: false,
        error: null,
        result: null,
      });
      expect(existsSync(uploaded)).toBe(true);
      bus.emit('backupProgress', {
        ...base,
        operationId: 'op-1',
        phase: 'done',
        etaSeconds: 0,
        done: true,
        error: null,
        result: {},
      });
      await expect.poll(() => existsSync(uploaded), { timeout: 2000 }).toBe(false);
      expect(existsSync(own)).toBe(true);
      rmSync(own, { force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
