// Preflight's permission check as the access chart's ServiceAccount on the simulator: store verbs
// come through the store role, an outdated role is named, a user with nothing is told what.
import { KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAccessChart, type AccessUser } from '../../test/integration/fixtures/access-chart';
import { startKubeSim, type KubeSim } from '../../test/kube-sim/index';
import { reviewAccess } from './access-review';
import { KubeClient } from './client';

let sim: KubeSim;
let user: AccessUser;
let admin: RbacAuthorizationV1Api;

beforeAll(async () => {
  sim = await startKubeSim({ seed: 8 });
  user = await installAccessChart(sim);
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  admin = kc.makeApiClient(RbacAuthorizationV1Api);
});
afterAll(() => sim.stop());

const asUser = () => new KubeClient(user.kubeConfig, { maxAttempts: 1 });

describe('permission review', () => {
  it('passes for the chart’s ServiceAccount, through the store role', async () => {
    expect(await reviewAccess(asUser())).toEqual({
      ok: true,
      detail:
        'Every verb the engine uses is allowed (inside store namespaces through ClusterRole storedeck-store)',
    });
  });

  it('names what an outdated store role lacks', async () => {
    const role = await admin.readClusterRole({ name: 'storedeck-store' });
    const rules = (role.rules ?? []).map((r) =>
      r.resources?.includes('pods') ? { ...r, verbs: r.verbs.filter((v) => v !== 'delete') } : r,
    );
    await admin.replaceClusterRole({ name: 'storedeck-store', body: { ...role, rules } });
    expect(await reviewAccess(asUser())).toEqual({
      ok: false,
      detail:
        'ClusterRole storedeck-store lacks: delete pods. Ask a cluster admin to upgrade charts/storedeck-access',
    });
  });

  it('names the cluster-wide verbs a user without the chart is missing', async () => {
    await admin.deleteClusterRoleBinding({ name: 'storedeck-user' });
    const verdict = await reviewAccess(asUser());
    expect(verdict.ok).toBe(false);
    expect(verdict.detail).toMatch(
      /^Not allowed: create namespaces, get namespaces, .*Ask a cluster admin to install charts\/storedeck-access for you$/,
    );
  });
});
