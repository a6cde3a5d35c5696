import { KubeConfig, PatchStrategy } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { ObjectApi } from './object-api';

describe('ObjectApi discovery', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({ profile: 'fast', seed: 3 });
  });
  afterAll(() => sim.stop());

  it('fetches an apiVersion resource list once for applies started together', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    const api = ObjectApi.forConfig(kc);
    sim.clearRequests();
    const configMap = (name: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default' },
      data: { a: name },
    });
    await Promise.all(
      ['one', 'two', 'three', 'four'].map((name) =>
        api.patch(configMap(name), undefined, undefined, 'test', true, PatchStrategy.ServerSideApply),
      ),
    );
    const discovery = sim.requests().filter((r) => r.path.split('?')[0] === '/api/v1');
    expect(discovery).toHaveLength(1);
    expect(sim.requests().filter((r) => r.verb === 'patch')).toHaveLength(4);
  });
});
