// A streaming list (sendInitialEvents) against the simulator through client-node: the initial
// state arrives on the watch itself, shown once its end marker came, and later changes follow
// on the same request. A server that refuses it makes the client list + watch instead.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import type { ApiObject } from './kube-object';
import { KINDS } from './kinds';
import { startWatchSet } from './watch-set';

let sim: KubeSim;
let core: CoreV1Api;

beforeAll(async () => {
  sim = await startKubeSim({ seed: 12 });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: 'shop' } } });
  for (const name of ['a', 'b'])
    await core.createNamespacedConfigMap({
      namespace: 'shop',
      body: { metadata: { name }, data: { v: '1' } },
    });
});
afterAll(() => sim.stop());

const newClient = () => {
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  return new KubeClient(kc, { maxAttempts: 2 });
};
const names = (items: ApiObject[]) => items.map((i) => i.metadata?.name).sort();

/** Resolves with the items of the first onChange that satisfies `until`. */
function watchUntil(client: KubeClient, until: (items: ApiObject[]) => boolean, streamingList: boolean) {
  const seen: string[][] = [];
  let set: ReturnType<typeof startWatchSet> | undefined;
  const done = new Promise<string[][]>((resolve, reject) => {
    set = startWatchSet(
      client,
      KINDS.ConfigMap,
      { namespace: 'shop' },
      {
        streamingList,
        onChange: (items) => {
          seen.push(names(items) as string[]);
          if (until(items)) resolve(seen);
        },
        onFatal: reject,
      },
    );
  });
  return { done, stop: () => set?.stop() };
}

describe('a watch set with a streaming list', () => {
  it('gets the whole initial state from one watch request, then follows changes on it', async () => {
    const client = newClient();
    sim.clearRequests();
    let created: Promise<unknown> | null = null;
    const watch = watchUntil(
      client,
      (items) => {
        created ??= core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'c' } } });
        return items.length === 3;
      },
      true,
    );
    const seen = await watch.done;
    watch.stop();
    // Never a partial first look: the objects show up together, at the end marker.
    expect(seen).toEqual([
      ['a', 'b'],
      ['a', 'b', 'c'],
    ]);
    const log = sim.requests().filter((r) => r.resource === 'configmaps' && r.verb !== 'create');
    expect(log.map((r) => r.verb)).toEqual(['watch']);
    expect(log[0]?.path).toContain('sendInitialEvents=true');
    expect(log[0]?.path).toContain('resourceVersionMatch=NotOlderThan');
    expect(log[0]?.path).not.toContain('resourceVersion=');
    await core.deleteNamespacedConfigMap({ name: 'c', namespace: 'shop' });
  });

  it('is refused by the server without resourceVersionMatch, as the apiserver validates it', async () => {
    const client = newClient();
    const refused = await new Promise<unknown>((resolve) => {
      void client.watcher.watch(
        client.pathOf(KINDS.ConfigMap, 'shop'),
        { sendInitialEvents: true, allowWatchBookmarks: true },
        () => undefined,
        resolve,
      );
    });
    expect((refused as { statusCode?: number }).statusCode).toBe(422);
  });
});

describe('a watch set whose server does not stream lists', () => {
  it('lists and watches instead after a 422, and lists first from then on', async () => {
    const calls: string[] = [];
    const client = {
      list: async () => {
        calls.push('list');
        return {
          items: [{ metadata: { name: 'a', namespace: 'shop', resourceVersion: '3' } }],
          resourceVersion: '3',
        };
      },
      pathOf: () => '/api/v1/namespaces/shop/configmaps',
      watcher: {
        watch: async (
          _path: string,
          query: Record<string, unknown>,
          _onEvent: unknown,
          done: (e: unknown) => void,
        ) => {
          calls.push(query.sendInitialEvents ? 'stream' : `watch@${String(query.resourceVersion)}`);
          if (query.sendInitialEvents)
            queueMicrotask(() => done(Object.assign(new Error('Unprocessable Entity'), { statusCode: 422 })));
          return new AbortController();
        },
      },
    } as unknown as KubeClient;
    const looks = (n: number) =>
      new Promise<string[]>((resolve) => {
        const set = startWatchSet(
          client,
          KINDS.ConfigMap,
          { namespace: 'shop' },
          {
            streamingList: true,
            onChange: (items) => {
              set.stop();
              resolve(names(items) as string[]);
            },
            onFatal: () => resolve([`fatal ${n}`]),
          },
        );
      });
    expect(await looks(1)).toEqual(['a']);
    expect(await looks(2)).toEqual(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['stream', 'list', 'watch@3', 'list', 'watch@3']);
  });
});
