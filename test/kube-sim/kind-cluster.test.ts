// `--cluster kind --no-ingress`: what `kind create cluster` with charts/kind/ leaves behind —
// Kind's `standard` StorageClass, no IngressClass, no controller, a control plane labelled
// ingress-ready=true — so whatever installs the ingress is what makes stores reachable.
import { RbacAuthorizationV1Api, StorageV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithClients, type SimClients } from './test-kit.js';
import { openWatch } from './watch-log.js';

let c: SimClients;

beforeAll(async () => {
  // Two nodes (the fast profile's), so that "the control plane only" is something to check.
  c = await startWithClients({ cluster: 'kind', ingress: false, profile: 'fast' });
});
afterAll(async () => c?.sim.stop());

describe('a fresh Kind cluster', () => {
  it('has the standard StorageClass and no ingress', async () => {
    const classes = await c.kc.makeApiClient(StorageV1Api).listStorageClass();
    expect(
      classes.items.map((sc) => [
        sc.metadata?.name,
        sc.provisioner,
        sc.volumeBindingMode,
        sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'],
      ]),
    ).toEqual([['standard', 'rancher.io/local-path', 'WaitForFirstConsumer', 'true']]);
    expect((await c.net.listIngressClass()).items).toEqual([]);
    const pods = await c.core.listPodForAllNamespaces({ labelSelector: 'app.kubernetes.io/name=traefik' });
    expect(pods.items).toEqual([]);
  });

  it('serves the RBAC objects an ingress controller brings', async () => {
    const rbac = c.kc.makeApiClient(RbacAuthorizationV1Api);
    await c.core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'traefik' } },
    });
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'traefik' },
        rules: [{ apiGroups: [''], resources: ['services'], verbs: ['get', 'list', 'watch'] }],
      },
    });
    const role = await rbac.readClusterRole({ name: 'traefik' });
    expect(role.rules?.[0]?.resources).toEqual(['services']);
    expect(
      (await c.core.readNamespacedServiceAccount({ name: 'traefik', namespace: 'default' })).metadata?.name,
    ).toBe('traefik');
  });

  it('schedules pods that select ingress-ready=true onto the control plane only', async () => {
    const watch = await openWatch(c.kc, '/api/v1/namespaces/default/pods');
    try {
      for (const name of ['edge-a', 'edge-b']) {
        await c.core.createNamespacedPod({
          namespace: 'default',
          body: {
            metadata: { name },
            spec: {
              nodeSelector: { 'ingress-ready': 'true' },
              containers: [{ name: 'c', image: 'traefik:v3.6.0' }],
            },
          },
        });
      }
      for (const name of ['edge-a', 'edge-b']) {
        const scheduled = await watch.until(
          (e) => e.object.metadata?.name === name && Boolean(e.object.spec?.nodeName),
        );
        expect(scheduled.object.spec.nodeName).toBe('sim-node-1');
      }
    } finally {
      watch.stop();
    }
  });
});
