import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ok } from '../../preload/contract';
import { createEventBus, type EventBus } from '../primitives/event-bus';
import { fakeHandlers } from './fake-handlers';
import { startWebHost, type WebHost } from './server';

type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

function send(
  host: WebHost,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const { port } = host.address();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

let baseDir: string;
let staticDir: string;
let host: WebHost;
let bus: EventBus;

beforeAll(() => {
  baseDir = mkdtempSync(join(tmpdir(), 'storedeck-web-'));
  staticDir = join(baseDir, 'web');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(baseDir, 'secret.txt'), 'kubeconfig');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Storedeck</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => rmSync(baseDir, { recursive: true, force: true }));

beforeEach(async () => {
  bus = createEventBus();
  const handlers = fakeHandlers({
    listStores: async () => ok([]),
    getAppInfo: async () =>
      ok({
        version: '0.1.0',
        mode: 'web',
        context: 'kind-storedeck',
        kubeconfigPath: null,
        theme: 'system',
        contextHealth: null,
        plans: [],
      }),
  });
  host = await startWebHost({ handlers, bus, staticDir });
});
afterEach(async () => host.close());

describe('web host: network exposure', () => {
  it('binds to 127.0.0.1 only, on a random port, with a 64-hex-char token', () => {
    expect(host.address().address).toBe('127.0.0.1');
    expect(host.address().port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.launchUrl).toBe(`http://127.0.0.1:${host.address().port}/#token=${host.token}`);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const reply = await send(host, '/', {
      headers: { host: 'rebind.attacker.example', authorization: `Bearer ${host.token}` },
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a cross-origin POST even with the token', async () => {
    const reply = await send(host, '/api/listStores', {
      method: 'POST',
      headers: { ...json(host.token), origin: 'http://attacker.example' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });
});

describe('web host: the token', () => {
  const listStores = (headers: Record<string, string>) =>
    send(host, '/api/listStores', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  it('serves the page and its assets to anyone, and sets no cookie on any answer', async () => {
    const replies = [
      await send(host, '/'),
      await send(host, '/assets/app.js'),
      await send(host, `/?token=${host.token}`),
      await listStores({ authorization: `Bearer ${host.token}` }),
      await listStores({}),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 401]);
    for (const reply of replies) expect(reply.headers['set-cookie']).toBeUndefined();
    expect(replies[0]!.headers['content-security-policy']).toContain("script-src 'self'");
    expect(replies[0]!.body).toContain('<title>Storedeck</title>');
  });

  it('refuses the API without the token, with a wrong one, or with it only in a cookie', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer nope' },
      { cookie: `storedeck_token=${host.token}` },
    ];
    for (const headers of attempts) {
      const reply = await listStores(headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(JSON.parse((await listStores({ authorization: `Bearer ${host.token}` })).body)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('does not accept the token in the query string of an API call', async () => {
    const reply = await send(host, `/api/listStores?token=${host.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('never redirects, so a //host path cannot send the browser elsewhere', async () => {
    for (const path of [`//evil.example/?token=${host.token}`, '//evil.example', '///evil.example/%2e%2e']) {
      const reply = await send(host, path);
      expect(reply.headers.location, path).toBeUndefined();
      expect(reply.status, path).toBe(404);
    }
  });
});

describe('web host: static files', () => {
  it('serves assets with their content type and never leaves the directory', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    const asset = await send(host, '/assets/app.js', { headers: auth });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const reply = await send(host, path, { headers: auth });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('kubeconfig');
    }
    expect((await send(host, '/missing.js', { headers: auth })).status).toBe(404);
  });
});

describe('web host: the contract over HTTP', () => {
  it('returns the handler Result for a valid request', async () => {
    const reply = await send(host, '/api/getAppInfo', {
      method: 'POST',
      headers: json(host.token),
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { mode: 'web', context: 'kind-storedeck' },
    });
  });

  it('returns an error value (status 200) for a malformed payload', async () => {
    const reply = await send(host, '/api/createStore', {
      method: 'POST',
      headers: json(host.token),
      body: JSON.stringify({ name: '', adminEmail: 'not-an-email', extra: 1 }),
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('answers 400 to invalid JSON, 404 to an unknown channel, 415 to non-JSON and 413 past 1 MB', async () => {
    const bad = await send(host, '/api/listStores', {
      method: 'POST',
      headers: json(host.token),
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknown = await send(host, '/api/dropDatabase', {
      method: 'POST',
      headers: json(host.token),
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    const form = await send(host, '/api/listStores', {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const huge = await send(host, '/api/createStore', {
      method: 'POST',
      headers: json(host.token),
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(huge.status).toBe(413);
  });
});

describe('web host: events over WebSocket', () => {
  function connect(headers: Record<string, string>): WebSocket {
    return new WebSocket(`ws://127.0.0.1:${host.address().port}/api/events`, { headers });
  }

  it('refuses the socket without the token', async () => {
    const ws = connect({});
    const status = await new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('socket opened without a token')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });

  it('refuses the token in a cookie, and accepts it as a subprotocol, selecting only the events one', async () => {
    const cookie = connect({ cookie: `storedeck_token=${host.token}` });
    const refused = await new Promise<number>((resolve, reject) => {
      cookie.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      cookie.on('open', () => reject(new Error('socket opened with a cookie')));
      cookie.on('error', () => undefined);
    });
    expect(refused).toBe(401);
    const ws = new WebSocket(`ws://127.0.0.1:${host.address().port}/api/events`, [
      'storedeck.events',
      `storedeck.token.${host.token}`,
    ]);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    expect(ws.protocol).toBe('storedeck.events');
    ws.close();
  });

  it('pushes every bus event as {event, payload}', async () => {
    const ws = connect({ authorization: `Bearer ${host.token}` });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const received = new Promise<unknown>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    bus.emit('storeRemoved', { id: 'store-1' });
    expect(await received).toEqual({ event: 'storeRemoved', payload: { id: 'store-1' } });
    ws.close();
  });
});
