// Client-certificate kubeconfigs (mTLS), as Kind and k3s write their admin kubeconfigs, through
// the real client-node: the CN is the user, the O entries its groups; a certificate the cluster
// CA did not sign is no credential at all.
import { AuthenticationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { generate } from 'selfsigned';
import { parse, stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim } from './index.js';
import { failure } from './test-kit.js';

let sim: KubeSim | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const load = (yaml: string): KubeConfig => {
  const kc = new KubeConfig();
  kc.loadFromString(yaml);
  return kc;
};

describe('client-certificate kubeconfigs', () => {
  it('authenticates k3s’s admin certificate as system:admin in system:masters', async () => {
    sim = await startKubeSim({ cluster: 'k3s' });
    const doc = parse(sim.clientCertKubeconfig) as { users: Array<{ user: Record<string, string> }> };
    expect(Object.keys(doc.users[0]?.user ?? {}).sort()).toEqual([
      'client-certificate-data',
      'client-key-data',
    ]);
    const kc = load(sim.clientCertKubeconfig);
    const who = await kc.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: {} });
    expect(who.status?.userInfo).toMatchObject({
      username: 'system:admin',
      groups: ['system:masters', 'system:authenticated'],
    });
    await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'by-cert' } } });
    expect(sim.store.get('namespaces', undefined, 'by-cert')).toBeDefined();
  });

  it('authenticates Kind’s kubernetes-admin through the kubeadm:cluster-admins binding', async () => {
    sim = await startKubeSim({ cluster: 'kind' });
    const kc = load(sim.clientCertKubeconfig);
    const who = await kc.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: {} });
    expect(who.status?.userInfo).toMatchObject({
      username: 'kubernetes-admin',
      groups: ['kubeadm:cluster-admins', 'system:authenticated'],
    });
    const names = (await kc.makeApiClient(CoreV1Api).listNamespace()).items.map((n) => n.metadata?.name);
    expect(names).toContain('kube-system');
  });

  it('answers 401 for a certificate another CA signed', async () => {
    sim = await startKubeSim();
    const rogue = await generate([{ name: 'commonName', value: 'system:admin' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
    });
    const doc = parse(sim.clientCertKubeconfig) as { users: Array<{ user: Record<string, string> }> };
    doc.users[0] = {
      ...doc.users[0],
      user: {
        'client-certificate-data': Buffer.from(rogue.cert).toString('base64'),
        'client-key-data': Buffer.from(rogue.private).toString('base64'),
      },
    };
    // client-node hides 401 bodies; the code is what a caller sees.
    const { code } = await failure(load(stringify(doc)).makeApiClient(CoreV1Api).listNamespace());
    expect(code).toBe(401);
  });
});
