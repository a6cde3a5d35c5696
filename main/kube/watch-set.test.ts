import { describe, expect, it } from 'vitest';
import { ApiException } from '@kubernetes/client-node';
import type { KubeClient, ListResult } from './client';
import type { ApiObject } from './kube-object';
import { KINDS } from './kinds';
import { startWatchSet } from './watch-set';

// A scripted list + watch pair: each list returns the next snapshot, each watch runs a script.
type WatchScript = (emit: (phase: string, obj: ApiObject) => void, done: (err: unknown) => void) => void;

function fakeClient(lists: Array<ListResult | Error>, watches: WatchScript[]) {
  const calls = { lists: 0, watches: [] as Array<Record<string, unknown>> };
  const client = {
    list: async () => {
      const next = lists[Math.min(calls.lists, lists.length - 1)];
      calls.lists++;
      if (next instanceof Error) throw next;
      return next as ListResult;
    },
    pathOf: () => '/api/v1/namespaces/ns/configmaps',
    watcher: {
      watch: async (
        _path: string,
        query: Record<string, unknown>,
        onEvent: (p: string, o: ApiObject) => void,
        done: (e: unknown) => void,
      ) => {
        const script = watches[calls.watches.length];
        calls.watches.push(query);
        const controller = new AbortController();
        if (script) queueMicrotask(() => script(onEvent, done));
        return controller;
      },
    },
  } as unknown as KubeClient;
  return { client, calls };
}

const cm = (name: string, rv: string, data: Record<string, string> = {}): ApiObject => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
  data,
});

function collect() {
  const seen: string[][] = [];
  let resolveNext: (() => void) | null = null;
  const onChange = (items: ApiObject[]) => {
    seen.push(items.map((i) => `${i.metadata?.name}@${i.metadata?.resourceVersion}`).sort());
    resolveNext?.();
  };
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      const target = seen.length + count;
      resolveNext = () => {
        if (seen.length >= target) resolve();
      };
    });
  return { seen, onChange, next };
}

describe('startWatchSet', () => {
  it('lists, then watches from the list resourceVersion and applies events', async () => {
    const { client, calls } = fakeClient(
      [{ items: [cm('a', '5')], resourceVersion: '10' }],
      [
        (emit) => {
          emit('ADDED', cm('b', '11'));
          emit('MODIFIED', cm('a', '12'));
          emit('BOOKMARK', { metadata: { resourceVersion: '13' } });
          emit('DELETED', cm('b', '14'));
        },
      ],
    );
    const { seen, onChange, next } = collect();
    const waiting = next(4);
    const set = startWatchSet(
      client,
      KINDS.ConfigMap,
      { namespace: 'ns' },
      {
        onChange,
        onFatal: (e) => {
          throw e;
        },
      },
    );
    await waiting;
    set.stop();
    expect(calls.watches[0]).toMatchObject({ resourceVersion: '10', allowWatchBookmarks: true });
    expect(seen).toEqual([['a@5'], ['a@5', 'b@11'], ['a@12', 'b@11'], ['a@12']]);
  });

  it('lists again after a cut stream, a 410 ERROR event and a failed watch, catching changes made in the gap', async () => {
    const { client, calls } = fakeClient(
      [
        { items: [cm('a', '1')], resourceVersion: '1' },
        { items: [cm('a', '2')], resourceVersion: '2' },
        { items: [cm('a', '3')], resourceVersion: '3' },
        { items: [], resourceVersion: '4' },
      ],
      [
        (_emit, done) => done(null),
        (emit) => emit('ERROR', { kind: 'Status', code: 410, reason: 'Expired' } as ApiObject),
        (_emit, done) => done(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      ],
    );
    const { seen, onChange, next } = collect();
    const waiting = next(4);
    const set = startWatchSet(
      client,
      KINDS.ConfigMap,
      { namespace: 'ns' },
      {
        onChange,
        onFatal: (e) => {
          throw e;
        },
      },
    );
    await waiting;
    set.stop();
    expect(seen).toEqual([['a@1'], ['a@2'], ['a@3'], []]);
    expect(calls.lists).toBe(4);
    expect(set.relists).toBe(3);
    expect(calls.watches.map((q) => q.resourceVersion)).toEqual(['1', '2', '3', '4']);
  });

  it('filters by name and asks the server to do the same', async () => {
    const { client, calls } = fakeClient(
      [{ items: [cm('a', '1'), cm('other', '1')], resourceVersion: '1' }],
      [(emit) => emit('ADDED', cm('nope', '2'))],
    );
    const { seen, onChange, next } = collect();
    const waiting = next(1);
    const set = startWatchSet(
      client,
      KINDS.ConfigMap,
      { namespace: 'ns', name: 'a' },
      { onChange, onFatal: () => undefined },
    );
    await waiting;
    await new Promise((r) => setImmediate(r));
    set.stop();
    expect(seen).toEqual([['a@1']]);
    expect(calls.watches[0]).toMatchObject({ fieldSelector: 'metadata.name=a' });
  });

  it('gives up with onFatal when listing is refused (403), and keeps trying after transient errors', async () => {
    const forbidden = new ApiException(
      403,
      'x',
      JSON.stringify({ kind: 'Status', code: 403, message: 'configmaps is forbidden' }),
      {},
    );
    const { client, calls } = fakeClient([forbidden], []);
    const fatal = await new Promise<unknown>((resolve) =>
      startWatchSet(
        client,
        KINDS.ConfigMap,
        { namespace: 'ns' },
        { onChange: () => undefined, onFatal: resolve },
      ),
    );
    expect(String(fatal)).toMatch(/Not allowed to list configmaps .*HTTP 403/);
    expect(calls.lists).toBe(1);

    const busy = new ApiException(503, 'x', '', {});
    const flaky = fakeClient([busy, busy, { items: [cm('a', '1')], resourceVersion: '1' }], []);
    const { seen, onChange, next } = collect();
    const waiting = next(1);
    const set = startWatchSet(
      flaky.client,
      KINDS.ConfigMap,
      { namespace: 'ns' },
      {
        onChange,
        onFatal: (e) => {
          throw e;
        },
      },
    );
    await waiting;
    set.stop();
    expect(seen).toEqual([['a@1']]);
    expect(flaky.calls.lists).toBe(3);
  });

  it('stops on its signal and notifies nothing afterwards', async () => {
    const controller = new AbortController();
    const { client } = fakeClient([{ items: [], resourceVersion: '1' }], [() => undefined]);
    const changes: number[] = [];
    const set = startWatchSet(
      client,
      KINDS.ConfigMap,
      { namespace: 'ns' },
      {
        onChange: (items) => changes.push(items.length),
        onFatal: () => undefined,
        signal: controller.signal,
      },
    );
    controller.abort();
    await new Promise((r) => setImmediate(r));
    expect(changes).toEqual([]);
    expect(set.items()).toEqual([]);
  });
});
