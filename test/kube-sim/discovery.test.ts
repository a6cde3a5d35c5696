import { ApisApi, AppsV1Api, CoreApi, CoreV1Api, NetworkingV1Api, VersionApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients({ cluster: 'kind' });
});
afterAll(() => c.sim.stop());

describe('kube-sim discovery through client-node', () => {
  it('serves /version like a Kind cluster', async () => {
    const v = await c.kc.makeApiClient(VersionApi).getCode();
    expect(v).toMatchObject({ major: '1', minor: '33', gitVersion: 'v1.33.1', platform: 'linux/amd64' });
  });

  it('lists the core version and every served group', async () => {
    expect((await c.kc.makeApiClient(CoreApi).getAPIVersions()).versions).toEqual(['v1']);
    const groups = (await c.kc.makeApiClient(ApisApi).getAPIVersions()).groups.map(
      (g) => `${g.name}:${g.preferredVersion?.groupVersion}`,
    );
    expect(groups.sort()).toEqual([
      'admissionregistration.k8s.io:admissionregistration.k8s.io/v1',
      'apps:apps/v1',
      'authentication.k8s.io:authentication.k8s.io/v1',
      'authorization.k8s.io:authorization.k8s.io/v1',
      'batch:batch/v1',
      'networking.k8s.io:networking.k8s.io/v1',
      'rbac.authorization.k8s.io:rbac.authorization.k8s.io/v1',
      'storage.k8s.io:storage.k8s.io/v1',
    ]);
  });

  it('describes resources with verbs, scope, kind, short names and subresources after their resource', async () => {
    const core = await c.kc.makeApiClient(CoreV1Api).getAPIResources();
    const names = core.resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'namespaces',
        'pods',
        'pods/log',
        'pods/exec',
        'pods/status',
        'secrets',
        'services',
        'persistentvolumeclaims',
        'resourcequotas',
        'limitranges',
        'events',
        'configmaps',
      ]),
    );
    expect(names.indexOf('pods')).toBeLessThan(names.indexOf('pods/status'));
    const pods = core.resources.find((r) => r.name === 'pods');
    expect(pods).toMatchObject({ singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'] });
    expect(pods?.verbs.sort()).toEqual([
      'create',
      'delete',
      'deletecollection',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ]);
    expect(core.resources.find((r) => r.name === 'namespaces')).toMatchObject({
      namespaced: false,
      shortNames: ['ns'],
    });
    const apps = await c.kc.makeApiClient(AppsV1Api).getAPIResources();
    expect(apps.groupVersion).toBe('apps/v1');
    expect(apps.resources.find((r) => r.name === 'deployments')).toMatchObject({
      kind: 'Deployment',
      shortNames: ['deploy'],
    });
    const net = await c.kc.makeApiClient(NetworkingV1Api).getAPIResources();
    expect(net.resources.find((r) => r.name === 'ingressclasses')).toMatchObject({
      namespaced: false,
      kind: 'IngressClass',
    });
  });

  it('seeds what a fresh Kind cluster has: default StorageClass and an ingress controller', async () => {
    const { StorageV1Api } = await import('@kubernetes/client-node');
    const classes = await c.kc.makeApiClient(StorageV1Api).listStorageClass();
    expect(
      classes.items.map((s) => [
        s.metadata?.name,
        s.provisioner,
        s.volumeBindingMode,
        s.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'],
      ]),
    ).toEqual([['standard', 'rancher.io/local-path', 'WaitForFirstConsumer', 'true']]);
    const ingressClasses = await c.net.listIngressClass();
    expect(ingressClasses.items.map((i) => i.spec?.controller)).toEqual(['traefik.io/ingress-controller']);
    const pods = await c.core.listPodForAllNamespaces({
      labelSelector: 'app.kubernetes.io/name=traefik',
      fieldSelector: 'status.phase=Running',
    });
    expect(pods.items.map((p) => p.metadata?.namespace)).toEqual(['traefik']);
  });
});
