import { readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../primitives/event-bus';
import { fakeHandlers } from './fake-handlers';
import { startWebHost, type WebHost } from './server';

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
