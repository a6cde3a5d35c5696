import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { KubeClient } from './client';
import { runPreflight } from './preflight';

describe('preflight against the simulator', () => {
  let sim: KubeSim;
  let client: KubeClient;
  beforeAll(async () => {
    sim = await startKubeSim({ profile: 'fast', seed: 5 });
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    client = new KubeClient(kc, { maxAttempts: 2 });
  });
  afterAll(() => sim.stop());

  const run = (storageClass: string | null = null, storeCount = 0) =>
    runPreflight({ client, context: 'kube-sim', storageClass, storeCount, maxStores: 10 });
  const check = (result: Awaited<ReturnType<typeof run>>, id: string) =>
    result.checks.find((c) => c.id === id);

  it('passes on a healthy cluster and says what it found', async () => {
    sim.setAccessDenied([]);
    const result = await run();
    expect(result.ok).toBe(true);
    expect(check(result, 'api')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^Reachable, v1\./),
    });
    expect(check(result, 'storage')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('local-path'),
    });
    expect(check(result, 'ingress')).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('kube-system'),
    });
    expect(check(result, 'permissions')?.status).toBe('ok');
    expect(check(result, 'capacity')?.detail).toBe('0 of 10 stores used in this context');
  });

  it('names each verb the user may not use, a missing StorageClass and a full context', async () => {
    sim.setAccessDenied([
      { verb: 'delete', resource: 'namespaces' },
      { verb: 'get', resource: 'pods', subresource: 'log' },
    ]);
    const result = await run('fast-ssd', 10);
    expect(result.ok).toBe(false);
    expect(check(result, 'permissions')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        /Not allowed in store namespaces: delete namespaces, get pods\/log, and there is no ClusterRole storedeck-store to bind\. Ask a cluster admin/,
      ),
      fix: 'Ask a cluster admin to install charts/storedeck-access for you',
    });
    expect(check(result, 'storage')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('StorageClass "fast-ssd" from settings does not exist'),
      fix: expect.stringContaining('Set a StorageClass in Settings'),
    });
    expect(check(result, 'capacity')?.status).toBe('fail');
    sim.setAccessDenied([]);
  });

  it('stops at the API check when the cluster cannot be reached', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    kc.clusters[0] = { ...kc.clusters[0]!, server: 'https://127.0.0.1:9' };
    const unreachable = new KubeClient(kc, { maxAttempts: 1 });
    const result = await runPreflight({
      client: unreachable,
      context: 'gone',
      storageClass: null,
      storeCount: 0,
      maxStores: 10,
    });
    expect(result.ok).toBe(false);
    expect(result.checks).toEqual([
      expect.objectContaining({
        id: 'api',
        status: 'fail',
        detail: expect.stringContaining('Cannot reach https://127.0.0.1:9'),
      }),
    ]);
  });
});
