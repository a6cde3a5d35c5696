import { Watch } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients({ historySize: 50, bookmarkIntervalMs: 100 });
  await c.core.createNamespace({ body: { metadata: { name: 'w' } } });
});
afterAll(() => c.sim.stop());

interface Seen {
  type: string;
  name: string;
  rv: string;
  object: Record<string, unknown>;
}

/** Starts a watch and resolves once `until` holds for what was seen (bounded by 5 s) or the stream ends. */
async function watchUntil(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  until: (seen: Seen[]) => boolean,
  afterStart?: () => Promise<unknown>,
) {
  const seen: Seen[] = [];
  let ended: unknown = 'open';
  let wake: () => void = () => undefined;
  const changed = new Promise<void>((resolve) => (wake = resolve));
  const controller = await new Watch(c.kc).watch(
    path,
    query,
    (type, obj: { metadata?: { name?: string; resourceVersion?: string } }) => {
      seen.push({
        type,
        name: obj?.metadata?.name ?? '',
        rv: obj?.metadata?.resourceVersion ?? '',
        object: obj as Record<string, unknown>,
      });
      if (until(seen)) wake();
    },
    (err) => {
      ended = err;
      wake();
    },
  );
  if (afterStart) await afterStart();
  const timer = setTimeout(wake, 5000);
  if (!until(seen)) await changed;
  clearTimeout(timer);
  controller.abort();
  return { seen, ended };
}

const cm = (name: string, labels: Record<string, string> = {}) => ({ metadata: { name, labels } });

describe('kube-sim watch through client-node Watch', () => {
  it('starts with synthetic ADDED events for current state, then streams live changes', async () => {
    await c.core.createNamespacedConfigMap({ namespace: 'w', body: cm('pre') });
    const { seen } = await watchUntil(
      '/api/v1/namespaces/w/configmaps',
      {},
      (s) => s.some((e) => e.name === 'live'),
      () => c.core.createNamespacedConfigMap({ namespace: 'w', body: cm('live') }),
    );
    expect(seen.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED pre', 'ADDED live']);
  });

  it('resumes from a resourceVersion with exactly the changes after it, in order', async () => {
    const start = (await c.core.listNamespacedConfigMap({ namespace: 'w' })).metadata
      ?.resourceVersion as string;
    await c.core.createNamespacedConfigMap({ namespace: 'w', body: cm('r1') });
    await c.core.patchNamespacedConfigMap({
      name: 'r1',
      namespace: 'w',
      body: [{ op: 'add', path: '/data', value: { k: 'v' } }],
    });
    await c.core.deleteNamespacedConfigMap({ name: 'pre', namespace: 'w' });
    const { seen } = await watchUntil(
      '/api/v1/namespaces/w/configmaps',
      { resourceVersion: start },
      (s) => s.length >= 3,
    );
    expect(seen.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED r1', 'MODIFIED r1', 'DELETED pre']);
    const rvs = seen.map((e) => Number(e.rv));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(rvs[0]).toBeGreaterThan(Number(start));
  });

  it('with a label selector, an object that stops matching is DELETED for the watcher', async () => {
    await c.core.createNamespacedConfigMap({ namespace: 'w', body: cm('sel', { keep: 'yes' }) });
    const { seen } = await watchUntil(
      '/api/v1/namespaces/w/configmaps',
      { labelSelector: 'keep=yes' },
      (s) => s.some((e) => e.type === 'DELETED'),
      () =>
        c.core.patchNamespacedConfigMap({
          name: 'sel',
          namespace: 'w',
          body: [{ op: 'replace', path: '/metadata/labels/keep', value: 'no' }],
        }),
    );
    expect(seen.map((e) => `${e.type} ${e.name}`)).toEqual(['ADDED sel', 'DELETED sel']);
  });

  it('sends BOOKMARK events when asked', async () => {
    const { seen } = await watchUntil(
      '/api/v1/namespaces/w/configmaps',
      { allowWatchBookmarks: true, resourceVersion: String(c.sim.store.currentResourceVersion()) },
      (s) => s.some((e) => e.type === 'BOOKMARK'),
    );
    const bookmark = seen.find((e) => e.type === 'BOOKMARK');
    expect(bookmark?.object).toMatchObject({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(c.sim.store.currentResourceVersion()) },
    });
  });

  it('ends the stream after timeoutSeconds', async () => {
    const started = Date.now();
    const { ended } = await watchUntil(
      '/api/v1/namespaces/w/configmaps',
      { timeoutSeconds: 1, resourceVersion: String(c.sim.store.currentResourceVersion()) },
      () => false,
    );
    expect(ended).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('answers a too-old resourceVersion with one ERROR event carrying a 410 Status', async () => {
    for (let i = 0; i < 60; i++)
      await c.core.createNamespacedConfigMap({ namespace: 'w', body: cm(`flood-${i}`) });
    const { seen, ended } = await watchUntil(
      '/api/v1/namespaces/w/configmaps',
      { resourceVersion: '2' },
      (s) => s.length > 0,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe('ERROR');
    expect(seen[0]?.object).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Expired',
      code: 410,
    });
    expect(String(seen[0]?.object.message)).toMatch(/^too old resource version: 2 \(\d+\)$/);
    expect(ended === null || ended === 'open').toBe(true);
  });
});
