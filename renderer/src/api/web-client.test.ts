import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES, type Store } from '../../../preload/contract';
import { createWebClient, takeLaunchToken } from './web-client';

class FakeSocket {
  static opened: FakeSocket[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  close() {
    this.closed = true;
  }
}

const store: Store = {
  id: 's1',
  name: 'Demo',
  slug: 'demo',
  namespace: 'store-demo',
  status: 'Ready',
  plan: 'woocommerce',
  context: 'kind-storedeck',
  url: 'http://demo.localhost',
  adminUrl: 'http://demo.localhost/wp-admin',
  adminEmail: 'a@b.co',
  errorStep: null,
  errorMessage: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  provisionedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createWebClient', () => {
  it('exposes one method per contract request and one listener per event stream', () => {
    const api = createWebClient({ token: null, origin: 'http://127.0.0.1:1' });
    expect(
      Object.keys(api)
        .filter((k) => k !== 'on')
        .sort(),
    ).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(api.on).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('POSTs the request as JSON to /api/<name> and returns the Result value', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { ok: true, value: [store] }));
    const api = createWebClient({ token: null, origin: 'http://127.0.0.1:9', fetchImpl });
    const result = await api.listStores({});
    expect(result).toEqual({ ok: true, value: [store] });
    expect(fetchImpl).toHaveBeenCalledWith(
      'http://127.0.0.1:9/api/listStores',
      expect.objectContaining({ method: 'POST', body: '{}' }),
    );
  });

  it('turns a 401 into an error value telling the user to use the printed URL', async () => {
    const api = createWebClient({
      origin: 'http://x',
      token: 'stale',
      fetchImpl: async () => new Response('', { status: 401 }),
    });
    const result = await api.listStores({});
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/token/) });
  });

  it('turns a network failure into an error value instead of throwing', async () => {
    const fetchImpl = async (): Promise<Response> => {
      throw new TypeError('connection refused');
    };
    const result = await createWebClient({ token: null, origin: 'http://x', fetchImpl }).getAppInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('opens one socket for listeners, delivers valid events only, and closes when the last one leaves', () => {
    FakeSocket.opened = [];
    const api = createWebClient({
      token: null,
      origin: 'http://127.0.0.1:7',
      openSocket: (url) => new FakeSocket(url),
    });
    const changed = vi.fn();
    const removed = vi.fn();
    const offChanged = api.on.storeChanged(changed);
    const offRemoved = api.on.storeRemoved(removed);
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://127.0.0.1:7/api/events']);
    const socket = FakeSocket.opened[0]!;
    socket.onmessage?.({ data: JSON.stringify({ event: 'storeChanged', payload: store }) });
    socket.onmessage?.({ data: JSON.stringify({ event: 'storeChanged', payload: { id: 1 } }) });
    socket.onmessage?.({ data: 'not json' });
    socket.onmessage?.({ data: JSON.stringify({ event: 'storeRemoved', payload: { id: 's1' } }) });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledWith(store);
    expect(removed).toHaveBeenCalledWith({ id: 's1' });
    offChanged();
    expect(socket.closed).toBe(false);
    offRemoved();
    expect(socket.closed).toBe(true);
  });

  it('reconnects a dropped socket while someone listens, within the retry budget', () => {
    vi.useFakeTimers();
    try {
      FakeSocket.opened = [];
      const api = createWebClient({
        token: null,
        origin: 'http://h',
        openSocket: (url) => new FakeSocket(url),
        maxReconnects: 2,
      });
      api.on.timelineEvent(() => undefined);
      for (let i = 0; i < 5; i += 1) {
        FakeSocket.opened.at(-1)?.onclose?.();
        vi.advanceTimersByTime(10_000);
      }
      expect(FakeSocket.opened).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the token as a Bearer header, never as a cookie, and as a subprotocol on the socket', async () => {
    const fetchImpl = vi.fn(async (_url: string, _init?: RequestInit) =>
      jsonResponse(200, { ok: true, value: [] }),
    );
    const opened: Array<{ url: string; protocols: string[] }> = [];
    const api = createWebClient({
      origin: 'http://127.0.0.1:9',
      token: 'f00d',
      fetchImpl: fetchImpl as unknown as typeof fetch,
      openSocket: (url, protocols) => {
        opened.push({ url, protocols });
        return new FakeSocket(url);
      },
    });
    await api.listStores({});
    const init = fetchImpl.mock.calls[0]![1]!;
    expect(init.headers).toMatchObject({ authorization: 'Bearer f00d' });
    expect(init.credentials).toBe('omit');
    const off = api.on.storeChanged(() => undefined);
    expect(opened).toEqual([
      { url: 'ws://127.0.0.1:9/api/events', protocols: ['storedeck.events', 'storedeck.token.f00d'] },
    ]);
    off();
  });
});

describe('takeLaunchToken', () => {
  function fakeWindow(hash: string) {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    return {
      win: {
        location: { hash, pathname: '/stores', search: '?x=1' },
        history: { replaceState: (_d: unknown, _u: string, url: string) => void replaced.push(url) },
        sessionStorage: {
          getItem: (k: string) => storage.get(k) ?? null,
          setItem: (k: string, v: string) => void storage.set(k, v),
        },
      },
      storage,
      replaced,
    };
  }

  it('moves the fragment token into sessionStorage and out of the address bar, keeping the rest', () => {
    const { win, storage, replaced } = fakeWindow('#token=abc&view=logs');
    expect(takeLaunchToken(win)).toBe('abc');
    expect(storage.get('storedeck.token')).toBe('abc');
    expect(replaced).toEqual(['/stores?x=1#view=logs']);
  });

  it('finds the token in sessionStorage after a reload, and null when there is none', () => {
    const { win, storage, replaced } = fakeWindow('');
    expect(takeLaunchToken(win)).toBeNull();
    storage.set('storedeck.token', 'kept');
    expect(takeLaunchToken(win)).toBe('kept');
    expect(replaced).toEqual([]);
  });
});
