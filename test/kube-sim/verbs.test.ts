import { ApiException, type KubernetesObject, type V1Deployment } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, failure, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'verbs' } } });
});
afterAll(() => c.sim.stop());

const cm = (name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}) => ({
  metadata: { name, labels },
  data,
});

describe('kube-sim verbs through client-node', () => {
  it('creates with server-set metadata and a generated name, and reads it back', async () => {
    const created = await c.core.createNamespacedConfigMap({
      namespace: 'verbs',
      body: { metadata: { generateName: 'gen-' }, data: { a: '1' } },
    });
    expect(created.metadata?.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.creationTimestamp).toBeInstanceOf(Date);
    const read = await c.core.readNamespacedConfigMap({
      name: created.metadata?.name as string,
      namespace: 'verbs',
    });
    expect(read.data).toEqual({ a: '1' });
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
  });

  it('lists with every label selector operator, field selectors, and a list resourceVersion', async () => {
    await c.core.createNamespacedConfigMap({
      namespace: 'verbs',
      body: cm('l-a', { tier: 'web', env: 'prod' }),
    });
    await c.core.createNamespacedConfigMap({
      namespace: 'verbs',
      body: cm('l-b', { tier: 'db', env: 'dev' }),
    });
    await c.core.createNamespacedConfigMap({ namespace: 'verbs', body: cm('l-c', { tier: 'cache' }) });
    const names = async (labelSelector?: string, fieldSelector?: string): Promise<string[]> =>
      (await c.core.listNamespacedConfigMap({ namespace: 'verbs', labelSelector, fieldSelector })).items
        .map((i) => i.metadata?.name as string)
        .filter((n) => n.startsWith('l-'));
    expect(await names('tier=web')).toEqual(['l-a']);
    expect(await names('tier==db')).toEqual(['l-b']);
    expect(await names('tier!=web')).toEqual(['l-b', 'l-c']);
    expect(await names('tier in (web,cache)')).toEqual(['l-a', 'l-c']);
    expect(await names('tier notin (web,cache)')).toEqual(['l-b']);
    expect(await names('env')).toEqual(['l-a', 'l-b']);
    expect(await names('!env')).toEqual(['l-c']);
    expect(await names('tier,env=dev')).toEqual(['l-b']);
    expect(await names(undefined, 'metadata.name=l-c')).toEqual(['l-c']);
    expect(await names(undefined, 'metadata.name!=l-c,metadata.namespace=verbs')).toEqual(['l-a', 'l-b']);
    const list = await c.core.listNamespacedConfigMap({ namespace: 'verbs' });
    expect(Number(list.metadata?.resourceVersion)).toBeGreaterThan(0);
    const bad = await failure(
      c.core.listNamespacedConfigMap({ namespace: 'verbs', fieldSelector: 'data.a=1' }),
    );
    expect(bad.code).toBe(400);
    expect(bad.status.message).toBe('field label not supported: data.a');
  });

  it('pages a list with limit and continue', async () => {
    const first = await c.core.listNamespacedConfigMap({ namespace: 'verbs', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.metadata?._continue).toBeTruthy();
    const rest = await c.core.listNamespacedConfigMap({
      namespace: 'verbs',
      limit: 100,
      _continue: first.metadata?._continue,
    });
    const all = await c.core.listNamespacedConfigMap({ namespace: 'verbs' });
    expect([...first.items, ...rest.items].map((i) => i.metadata?.name)).toEqual(
      all.items.map((i) => i.metadata?.name),
    );
  });

  it('lists a namespaced type across all namespaces', async () => {
    const pods = await c.core.listPodForAllNamespaces({ labelSelector: 'app.kubernetes.io/name=traefik' });
    expect(pods.items.map((p) => `${p.metadata?.namespace}/${p.status?.phase}`)).toEqual([
      'kube-system/Running',
    ]);
  });

  it('replaces, bumping generation only for spec changes, and rejects a stale resourceVersion with 409', async () => {
    const created = await c.apps.createNamespacedDeployment({
      namespace: 'verbs',
      body: deployment('rep', 'verbs'),
    });
    expect(created.metadata?.generation).toBe(1);
    // The deployment controller writes status meanwhile: read-modify-write with a bounded retry on
    // conflict, as client-go's RetryOnConflict does.
    const update = async (change: (d: V1Deployment) => V1Deployment): Promise<V1Deployment> => {
      for (let attempt = 0; ; attempt++) {
        const fresh = await c.apps.readNamespacedDeployment({ name: 'rep', namespace: 'verbs' });
        try {
          return await c.apps.replaceNamespacedDeployment({
            name: 'rep',
            namespace: 'verbs',
            body: change(fresh),
          });
        } catch (e) {
          if (!(e instanceof ApiException) || e.code !== 409 || attempt >= 10) throw e;
        }
      }
    };
    const relabelled = await update((d) => ({ ...d, metadata: { ...d.metadata, labels: { team: 'a' } } }));
    expect(relabelled.metadata?.generation).toBe(1);
    const scaled = await update((d) => ({ ...d, spec: { ...d.spec!, replicas: 2 } }));
    expect(scaled.metadata?.generation).toBe(2);
    const stale = await failure(
      c.apps.replaceNamespacedDeployment({
        name: 'rep',
        namespace: 'verbs',
        body: { ...created, spec: { ...created.spec!, replicas: 5 } },
      }),
    );
    expect(stale.code).toBe(409);
    expect(stale.status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on deployments.apps "rep": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'rep', group: 'apps', kind: 'deployments' },
    });
  });

  it('writes status only through the status subresource', async () => {
    const lb = { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } };
    const svc = await c.core.createNamespacedService({
      namespace: 'verbs',
      body: { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } },
    });
    const viaMain = await c.core.replaceNamespacedService({
      name: 'lb',
      namespace: 'verbs',
      body: { ...svc, status: lb },
    });
    expect(viaMain.status?.loadBalancer?.ingress).toBeUndefined();
    const viaStatus = await c.core.replaceNamespacedServiceStatus({
      name: 'lb',
      namespace: 'verbs',
      body: { ...viaMain, status: lb },
    });
    expect(viaStatus.status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.0.2' }]);
    expect(viaStatus.metadata?.generation).toBe(svc.metadata?.generation);
    expect(viaStatus.spec?.clusterIP).toBe(svc.spec?.clusterIP);
  });

  it('deletes: a Status for plain objects, the object while finalizers hold it', async () => {
    await c.core.createNamespacedConfigMap({ namespace: 'verbs', body: cm('del-plain') });
    const plain = (await c.core.deleteNamespacedConfigMap({
      name: 'del-plain',
      namespace: 'verbs',
      propagationPolicy: 'Background',
    })) as unknown as Record<string, unknown>;
    expect(plain).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'del-plain', kind: 'configmaps' },
    });
    expect(
      (await failure(c.core.readNamespacedConfigMap({ name: 'del-plain', namespace: 'verbs' }))).code,
    ).toBe(404);

    await c.core.createNamespacedConfigMap({
      namespace: 'verbs',
      body: { metadata: { name: 'del-fin', finalizers: ['example.com/hold'] } },
    });
    await c.core.deleteNamespacedConfigMap({ name: 'del-fin', namespace: 'verbs' });
    const still = await c.core.readNamespacedConfigMap({ name: 'del-fin', namespace: 'verbs' });
    expect(still.metadata?.deletionTimestamp).toBeInstanceOf(Date);
    await c.core.replaceNamespacedConfigMap({
      name: 'del-fin',
      namespace: 'verbs',
      body: { ...still, metadata: { ...still.metadata, finalizers: [] } },
    });
    expect(
      (await failure(c.core.readNamespacedConfigMap({ name: 'del-fin', namespace: 'verbs' }))).code,
    ).toBe(404);
  });

  it('deletes a collection by label selector', async () => {
    await c.core.createNamespacedConfigMap({ namespace: 'verbs', body: cm('dc-1', { batch: 'x' }) });
    await c.core.createNamespacedConfigMap({ namespace: 'verbs', body: cm('dc-2', { batch: 'x' }) });
    await c.core.deleteCollectionNamespacedConfigMap({ namespace: 'verbs', labelSelector: 'batch=x' });
    expect(
      (await c.core.listNamespacedConfigMap({ namespace: 'verbs', labelSelector: 'batch=x' })).items,
    ).toEqual([]);
  });

  it('serves the generic KubernetesObjectApi: create, read, list, replace, delete', async () => {
    const body = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'generic', namespace: 'verbs' },
      stringData: { password: 'hunter2' },
    };
    const created: KubernetesObject = await c.objects.create(body);
    expect((created as { data?: Record<string, string> }).data).toEqual({
      password: Buffer.from('hunter2').toString('base64'),
    });
    const read = await c.objects.read({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'generic', namespace: 'verbs' },
    });
    expect(read.metadata?.uid).toBe(created.metadata?.uid);
    const list = await c.objects.list('v1', 'Secret', 'verbs');
    expect(list.items.map((i) => i.metadata?.name)).toContain('generic');
    const replaced = await c.objects.replace({ ...read, metadata: { ...read.metadata, labels: { x: 'y' } } });
    expect(replaced.metadata?.labels).toEqual({ x: 'y' });
    await c.objects.delete({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'generic', namespace: 'verbs' },
    });
    expect(
      (
        await failure(
          c.objects.read({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'generic', namespace: 'verbs' },
          }),
        )
      ).code,
    ).toBe(404);
  });

  it('answers SelfSubjectAccessReviews from a settable deny list', async () => {
    const { AuthorizationV1Api } = await import('@kubernetes/client-node');
    const authz = c.kc.makeApiClient(AuthorizationV1Api);
    const ask = (verb: string, resource: string) =>
      authz.createSelfSubjectAccessReview({
        body: { spec: { resourceAttributes: { verb, resource, namespace: 'verbs' } } },
      });
    expect((await ask('create', 'namespaces')).status?.allowed).toBe(true);
    c.sim.setAccessDenied([{ verb: 'create', resource: 'namespaces', reason: 'no namespaces for you' }]);
    const denied = await ask('create', 'namespaces');
    expect(denied.status).toEqual({ allowed: false, reason: 'no namespaces for you' });
    expect((await ask('delete', 'namespaces')).status?.allowed).toBe(true);
    c.sim.setAccessDenied([]);
  });
});
