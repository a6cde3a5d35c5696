import { describe, expect, it } from 'vitest';
import type { KubeObject, StoreEvent } from '../types.js';
import { condition, namespace, startHarness } from './test-harness.js';

// Wall-clock derived fields: the sim clock starts when the test does, so only these may differ.
const TIME_FIELDS = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'lastTransitionTime',
  'lastUpdateTime',
  'lastProbeTime',
  'startTime',
  'startedAt',
  'finishedAt',
  'completionTime',
  'firstTimestamp',
  'lastTimestamp',
]);

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !TIME_FIELDS.has(k))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value;
}

/** A store's life: namespace, claim, MySQL, WordPress, the setup Job, then deletion of it all. Returns per-object state sequences. */
async function scenario(seed: number): Promise<Map<string, string[]>> {
  const history = new Map<string, string[]>();
  const record = (e: StoreEvent): void => {
    const id = `${e.key} ${e.object.metadata.namespace ?? ''}/${e.object.metadata.name}`;
    history.set(id, [...(history.get(id) ?? []), `${e.type} ${JSON.stringify(normalise(e.object))}`]);
  };
  const h = startHarness({ seed, onEvent: record, faults: { crashLoopPattern: '^redis' } });
  // The scenario's own actions run on the sim clock at the exact event that enables them, so they
  // are part of the simulation's order rather than of the test runner's timing.
  const when = (test: () => boolean, action: () => void): Promise<void> =>
    new Promise((resolve) => {
      let fired = false;
      const unsubscribe = h.store.subscribe(() => {
        if (fired || !test()) return;
        fired = true;
        unsubscribe();
        h.clock.setTimeout(() => {
          action();
          resolve();
        }, 0);
      });
    });
  const deploy = (name: string, image: string): KubeObject =>
    h.create('deployments.apps', {
      metadata: { name, namespace: 'store-a' },
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            ...(name === 'mysql'
              ? { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'mysql-data' } }] }
              : {}),
            containers: [{ name, image, readinessProbe: { exec: { command: ['true'] } } }],
          },
        },
      },
    });
  const available = (name: string): boolean =>
    h.store.get('deployments.apps', 'store-a', name)?.status?.availableReplicas === 1;
  let cacheDeleted = false;
  try {
    const cacheGone = when(
      () =>
        h.store
          .list('pods', 'store-a')
          .some(
            (p) =>
              p.metadata.name.startsWith('cache-') && p.status?.containerStatuses?.[0]?.restartCount === 2,
          ),
      () => {
        h.store.delete('deployments.apps', 'store-a', 'cache');
        cacheDeleted = true;
      },
    );
    const nsDeleted = when(
      () =>
        cacheDeleted &&
        !h.store.list('pods', 'store-a').some((p) => p.metadata.name.startsWith('cache-')) &&
        condition(h.store.get('jobs.batch', 'store-a', 'woocommerce-setup'), 'Complete')?.status === 'True' &&
        available('mysql') &&
        available('wordpress'),
      () => h.store.delete('namespaces', undefined, 'store-a'),
    );
    await new Promise<void>((resolve) =>
      h.clock.setTimeout(() => {
        namespace(h, 'store-a');
        h.create('persistentvolumeclaims', {
          metadata: { name: 'mysql-data', namespace: 'store-a' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        });
        deploy('mysql', 'mysql:8.4.10');
        deploy('wordpress', 'wordpress:6.9.4-php8.3-apache');
        deploy('cache', 'redis:7');
        h.create('jobs.batch', {
          metadata: { name: 'woocommerce-setup', namespace: 'store-a' },
          spec: {
            template: {
              spec: {
                restartPolicy: 'Never',
                containers: [{ name: 'wp-cli', image: 'wordpress:cli-2.12.0-php8.3' }],
              },
            },
          },
        });
        resolve();
      }, 0),
    );
    await cacheGone;
    await nsDeleted;
    await h.waitFor('namespaces', undefined, 'store-a', (n) => n === undefined);
    expect(h.controllers.errors()).toEqual([]);
    return history;
  } finally {
    h.stop();
  }
}

describe('determinism', () => {
  it('replays the same per-object state sequences for the same seed, and others for another seed', async () => {
    const a = await scenario(42);
    const b = await scenario(42);
    const c = await scenario(43);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, states] of a) expect(b.get(id)?.join('\n'), id).toBe(states.join('\n'));
    const pods = [...a.keys()].filter((k) => k.startsWith('pods store-a/'));
    expect(pods.length).toBeGreaterThanOrEqual(4);
    // Another seed gives other generated names (pod suffixes, uids), so the object sets differ.
    expect([...c.keys()].sort()).not.toEqual([...a.keys()].sort());
    // …but the template hash is a function of the template, as in Kubernetes.
    const hashes = (m: Map<string, string[]>) =>
      [...m.keys()].filter((k) => k.startsWith('pods store-a/mysql-')).map((k) => k.split('-')[1]);
    expect(hashes(c)).toEqual(hashes(a));
  });
});
