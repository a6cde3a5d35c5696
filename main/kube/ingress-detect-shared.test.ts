// One ingress detection for a burst of stores on one context: concurrent looks share one pair of
// cluster-wide lists, a found controller is reused for a while, a look that found none is not.
import { describe, expect, it } from 'vitest';
import type { KubeClient, ListOptions } from './client';
import type { ApiObject } from './kube-object';
import type { KindRef } from './kinds';
import { DETECTION_REUSE_MS, detectIngressShared } from './ingress-detect';

const traefikClass: ApiObject = {
  metadata: { name: 'traefik' },
  spec: { controller: 'traefik.io/ingress-controller' },
};
const traefikPod: ApiObject = {
  metadata: { name: 'traefik-1', namespace: 'kube-system', labels: { 'app.kubernetes.io/name': 'traefik' } },
  status: { phase: 'Running' },
};

function fakeCluster(classes: ApiObject[]) {
  const lists: string[] = [];
  const client = {
    list: async (kind: KindRef, options: ListOptions = {}) => {
      lists.push(kind.plural);
      await new Promise((resolve) => setImmediate(resolve));
      if (kind.plural === 'ingressclasses') return { items: classes, resourceVersion: '1' };
      const [key, value] = (options.labelSelector ?? '').split('=');
      const items = [traefikPod].filter((pod) => key && pod.metadata?.labels?.[key] === value);
      return { items, resourceVersion: '1' };
    },
  } as unknown as KubeClient;
  return { client, lists };
}

describe('detectIngressShared', () => {
  it('shares one look among concurrent stores and reuses what it found until the window ends', async () => {
    const { client, lists } = fakeCluster([traefikClass]);
    let now = 1_000;
    const found = await Promise.all([1, 2, 3].map(() => detectIngressShared(client, undefined, () => now)));
    expect(found.map((f) => f.controllerNamespace)).toEqual(['kube-system', 'kube-system', 'kube-system']);
    const firstLook = lists.length;
    expect(firstLook).toBeGreaterThan(0);
    now += DETECTION_REUSE_MS - 1;
    await detectIngressShared(client, undefined, () => now);
    expect(lists.length).toBe(firstLook);
    now += 1;
    await detectIngressShared(client, undefined, () => now);
    expect(lists.length).toBe(2 * firstLook);
  });

  it('looks again for the next store when no controller was found', async () => {
    const { client, lists } = fakeCluster([]);
    const first = await detectIngressShared(client, undefined, () => 0);
    expect(first.problem).toMatch(/no IngressClass/);
    await detectIngressShared(client, undefined, () => 0);
    expect(lists).toEqual(['ingressclasses', 'ingressclasses']);
  });

  it('lets an aborted caller go while the look goes on for the others', async () => {
    const { client } = fakeCluster([traefikClass]);
    const controller = new AbortController();
    const aborted = detectIngressShared(client, controller.signal, () => 0);
    const other = detectIngressShared(client, undefined, () => 0);
    controller.abort(new Error('pass aborted'));
    await expect(aborted).rejects.toThrow('pass aborted');
    expect((await other).controllerNamespace).toBe('kube-system');
  });
});
