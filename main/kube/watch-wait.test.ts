import { afterEach, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { KINDS } from './kinds';
import { waitFor, waitForGone, waitForNamespaceGone, WaitTimeoutError, watchUntil } from './watch-wait';

let sim: KubeSim | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(faults: Parameters<typeof startKubeSim>[0] = {}): Promise<KubeClient> {
  sim = await startKubeSim({ profile: 'fast', seed: 11, ...faults });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  return new KubeClient(kc, { baseDelayMs: 5 });
}

const configMap = (name: string, data: Record<string, string>, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels },
  data,
});

const watchRequests = () => (sim as KubeSim).requests().filter((r) => r.verb === 'watch').length;

describe('waitFor (against kube-sim)', () => {
  it('resolves with the object the moment the predicate holds, by watch', async () => {
    const client = await start();
    const waiting = waitFor(
      client,
      KINDS.ConfigMap,
      'default',
      'flag',
      (o) => (o as { data?: Record<string, string> }).data?.state === 'on',
      { timeoutMs: 5000 },
    );
    await client.apply(configMap('flag', { state: 'off' }));
    await client.apply(configMap('flag', { state: 'on' }));
    const found = await waiting;
    expect(found.metadata?.name).toBe('flag');
    expect(watchRequests()).toBeGreaterThanOrEqual(1);
    // Watch, not polling: one list to start from, no repeated GETs.
    expect(
      (sim as KubeSim).requests().filter((r) => r.verb === 'list' && r.resource === 'configmaps'),
    ).toHaveLength(1);
  });

  it('waits on a label selector', async () => {
    const client = await start();
    const waiting = waitFor(client, KINDS.ConfigMap, 'default', { labelSelector: 'team=blue' }, () => true, {
      timeoutMs: 5000,
    });
    await client.apply(configMap('red', {}, { team: 'red' }));
    await client.apply(configMap('blue', {}, { team: 'blue' }));
    expect((await waiting).metadata?.name).toBe('blue');
  });

  it('survives watches cut every 2 s: it lists again and still sees a change made after the cut', async () => {
    const client = await start({ faults: { watchCutAfterSeconds: 2 } });
    const waiting = waitFor(client, KINDS.ConfigMap, 'default', 'late', () => true, { timeoutMs: 10_000 });
    // Time has to pass here for the server to cut the stream; the change lands after the cut.
    await new Promise((resolve) => setTimeout(resolve, 2600));
    await client.apply(configMap('late', { at: 'after the cut' }));
    expect((await waiting).metadata?.name).toBe('late');
    expect(watchRequests()).toBeGreaterThanOrEqual(2);
  });

  it('survives 500s and dropped connections on the list and watch calls', async () => {
    const client = await start({ faults: { errorRate: 0.3, dropRate: 0.05 } });
    const waiting = waitFor(client, KINDS.ConfigMap, 'default', 'flaky', () => true, { timeoutMs: 15_000 });
    await client.apply(configMap('flaky', {}));
    expect((await waiting).metadata?.name).toBe('flaky');
  });

  it('rejects with a timeout naming what it waited for, and stops on abort', async () => {
    const client = await start();
    const timeout = waitFor(client, KINDS.ConfigMap, 'default', 'never', () => true, {
      timeoutMs: 300,
      what: 'configmap never to appear',
    });
    await expect(timeout).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(timeout).rejects.toThrow('waiting for configmap never to appear');

    const controller = new AbortController();
    const aborted = waitFor(client, KINDS.ConfigMap, 'default', 'never', () => true, {
      timeoutMs: 5000,
      signal: controller.signal,
    });
    controller.abort(new Error('store deleted'));
    await expect(aborted).rejects.toThrow('store deleted');
  });

  it('watchUntil sees several kinds at once and rejects with what evaluate throws', async () => {
    const client = await start();
    const failing = watchUntil(
      client,
      {
        maps: { kind: KINDS.ConfigMap, scope: { namespace: 'default' } },
        secrets: { kind: KINDS.Secret, scope: { namespace: 'default' } },
      },
      ({ maps, secrets }) => {
        if (maps.some((m) => m.metadata?.name === 'poison')) throw new Error('poisoned');
        return secrets.length > 0 ? 'secret seen' : undefined;
      },
      { timeoutMs: 5000 },
    );
    await client.apply(configMap('poison', {}));
    await expect(failing).rejects.toThrow('poisoned');
  });
});

describe('waitForGone (against kube-sim)', () => {
  it('resolves once a deleted namespace is really gone, not while Terminating', async () => {
    const client = await start();
    await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } });
    await client.apply({ ...configMap('inside', {}), metadata: { name: 'inside', namespace: 'doomed' } });
    const seen: Array<string | undefined> = [];
    const gone = waitForNamespaceGone(client, 'doomed', {
      timeoutMs: 5000,
      onUpdate: (ns) => seen.push(ns?.status?.phase),
    });
    await client.remove(KINDS.Namespace, undefined, 'doomed');
    await gone;
    expect(await client.get(KINDS.Namespace, undefined, 'doomed')).toBeNull();
    expect(seen).toContain('Terminating');
    expect(seen.at(-1)).toBeUndefined();
  });

  it('resolves at once for an object that does not exist', async () => {
    const client = await start();
    await waitForGone(client, KINDS.ConfigMap, 'default', 'absent', { timeoutMs: 1000 });
  });
});
