import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, REQUEST_NAMES, type Store } from '../../../preload/contract';
import { createWebClient } from './web-client';

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
    const api = createWebClient({ origin: 'http://127.0.0.1:1' });
    expect(
      Object.keys(api)
        .filter((k) => k !== 'on')
        .sort(),
    ).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(api.on).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('POSTs the request as JSON to /api/<name> and returns the Result value', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { ok: true, value: [store] }));
    const api = createWebClient({ origin: 'http://127.0.0.1:9', fetchImpl });
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
    const result = await createWebClient({ origin: 'http://x', fetchImpl }).getAppInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('opens one socket for listeners, delivers valid events only, and closes when the last one leaves', () => {
    FakeSocket.opened = [];
    const api = createWebClient({ origin: 'http://127.0.0.1:7', openSocket: (url) => new FakeSocket(url) });
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
});
