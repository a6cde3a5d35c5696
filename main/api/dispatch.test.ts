import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES, ok, type RequestName, type Result } from '../../preload/contract';
import { dispatch } from './dispatch';
import type { Handlers } from './handler-types';

type Call = { name: RequestName; request: unknown };

// Every channel answers ok(request) and records what it was given.
function recordingHandlers(): { handlers: Handlers; calls: Call[] } {
  const calls: Call[] = [];
  const entries = REQUEST_NAMES.map((name) => [
    name,
    async (request: unknown) => {
      calls.push({ name, request });
      return ok(request);
    },
  ]);
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls };
}

function expectInvalid(result: Result<unknown>, fragment: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_request');
  expect(result.error.message).toContain(fragment);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dispatch', () => {
  it('refuses an unknown channel, including prototype names, without calling anything', async () => {
    const { handlers, calls } = recordingHandlers();
    expectInvalid(
      await dispatch(handlers, 'deleteEverything', {}),
      'Unknown request channel "deleteEverything"',
    );
    expectInvalid(await dispatch(handlers, '__proto__', {}), 'Unknown request channel');
    expectInvalid(await dispatch(handlers, 'toString', {}), 'Unknown request channel');
    expect(calls).toEqual([]);
  });

  const malformed: Array<[RequestName, unknown, string]> = [
    ['createStore', { name: 5, adminEmail: 'a@b.co' }, 'name: Invalid input: expected string'],
    ['createStore', { name: 'Shop', adminEmail: 'a@b.co', admin: true }, 'Unrecognized key: "admin"'],
    [
      'createStore',
      { name: 'Shop', adminEmail: 'not-an-email' },
      'adminEmail: Admin email must be a valid email',
    ],
    [
      'createStore',
      { name: 'x'.repeat(41), adminEmail: 'a@b.co' },
      'name: Store name must be at most 40 characters',
    ],
    [
      'createStore',
      { name: 'Sh\u0000op', adminEmail: 'a@b.co' },
      'name: Store name must contain only printable',
    ],
    ['createStore', { adminEmail: 'a@b.co' }, 'name: Invalid input: expected string, received undefined'],
    ['createStore', { name: 'Shop' }, 'adminEmail:'],
    ['createStore', { name: 'Shop', adminEmail: 'a@b.co', plan: 'shopify' }, 'plan: Invalid option'],
    ['createStore', 'hello', 'expected object, received string'],
    ['getStore', {}, 'id: Invalid input'],
    ['getStore', { id: '' }, 'id:'],
    ['getStore', { id: 'x'.repeat(65) }, 'id:'],
    ['restartStore', { id: 'abc', component: 'nginx' }, 'component: Invalid option'],
    ['listAudit', { limit: '5' }, 'limit: Limit must be a number'],
    ['listAudit', { limit: 0 }, 'limit:'],
    ['updateSettings', { concurrency: 0 }, 'concurrency:'],
    ['updateSettings', { theme: 'neon' }, 'theme:'],
    ['openExternal', { url: 'file:///etc/passwd' }, 'url:'],
    ['getLogs', { id: 'abc', tailLines: 0 }, 'tailLines:'],
    ['getLogs', { id: 'abc', tailLines: 10_001 }, 'tailLines:'],
    ['listStores', { extra: 1 }, 'Unrecognized key: "extra"'],
  ];

  it.each(malformed)(
    '%s with %j returns an error value naming the problem (%s)',
    async (name, raw, fragment) => {
      const { handlers, calls } = recordingHandlers();
      expectInvalid(await dispatch(handlers, name, raw), fragment);
      expect(calls).toEqual([]);
    },
  );

  it('trims surrounding whitespace from a name, so a trailing newline never reaches the store', async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatch(handlers, 'createStore', { name: 'Shop\n', adminEmail: 'a@b.co' });
    expect(result).toEqual({ ok: true, value: { name: 'Shop', adminEmail: 'a@b.co', plan: 'woocommerce' } });
  });

  it('passes the parsed, defaulted request to the handler and returns its result', async () => {
    const { handlers, calls } = recordingHandlers();
    const created = await dispatch(handlers, 'createStore', {
      name: '  My Shop ',
      adminEmail: 'owner@example.com',
    });
    expect(created).toEqual({
      ok: true,
      value: { name: 'My Shop', adminEmail: 'owner@example.com', plan: 'woocommerce' },
    });
    await dispatch(handlers, 'listAudit', {});
    await dispatch(handlers, 'getLogs', { id: 'abc' });
    await dispatch(handlers, 'listStores', undefined);
    expect(calls.map((c) => [c.name, c.request])).toEqual([
      ['createStore', { name: 'My Shop', adminEmail: 'owner@example.com', plan: 'woocommerce' }],
      ['listAudit', { limit: 200 }],
      ['getLogs', { id: 'abc', tailLines: 100 }],
      ['listStores', {}],
    ]);
  });

  it('turns a throwing handler into an internal error value and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handlers } = recordingHandlers();
    handlers.getStore = () => {
      throw new Error('database is locked');
    };
    handlers.listStores = async () => Promise.reject(new TypeError('boom'));
    expect(await dispatch(handlers, 'getStore', { id: 'abc' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'getStore failed: database is locked' },
    });
    expect(await dispatch(handlers, 'listStores', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'listStores failed: boom' },
    });
    expect(logged).toHaveBeenCalledTimes(2);
    // Main keeps serving after a failure.
    expect((await dispatch(handlers, 'getSettings', {})).ok).toBe(true);
  });

  it('reports a handler that returns no Result, and a missing handler, as internal errors', async () => {
    const { handlers } = recordingHandlers();
    (handlers as unknown as Record<string, unknown>).getSettings = async () => undefined;
    delete (handlers as unknown as Record<string, unknown>).listContexts;
    const noResult = await dispatch(handlers, 'getSettings', {});
    const missing = await dispatch(handlers, 'listContexts', {});
    expect(noResult.ok === false && noResult.error.code).toBe('internal');
    expect(missing).toEqual({
      ok: false,
      error: { code: 'internal', message: 'No handler is registered for "listContexts"' },
    });
  });
});
