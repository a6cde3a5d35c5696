import { CoreV1Api, KubeConfig, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, failure, rawCall, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
beforeAll(async () => {
  c = await startWithClients();
  await c.core.createNamespace({ body: { metadata: { name: 'errs' } } });
});
afterAll(() => c.sim.stop());

describe('kube-sim errors are real Status objects', () => {
  it('404 NotFound names the qualified resource', async () => {
    const { code, status } = await failure(
      c.apps.readNamespacedDeployment({ name: 'nope', namespace: 'errs' }),
    );
    expect(code).toBe(404);
    expect(status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    });
  });

  it('404 when the namespace does not exist', async () => {
    const { code, status } = await failure(
      c.core.createNamespacedConfigMap({ namespace: 'missing-ns', body: { metadata: { name: 'x' } } }),
    );
    expect(code).toBe(404);
    expect(status.message).toBe('namespaces "missing-ns" not found');
  });

  it('409 AlreadyExists', async () => {
    await c.core.createNamespacedSecret({ namespace: 'errs', body: { metadata: { name: 'dup' } } });
    const { code, status } = await failure(
      c.core.createNamespacedSecret({ namespace: 'errs', body: { metadata: { name: 'dup' } } }),
    );
    expect(code).toBe(409);
    expect(status).toMatchObject({
      reason: 'AlreadyExists',
      message: 'secrets "dup" already exists',
      details: { name: 'dup', kind: 'secrets' },
    });
  });

  it('422 Invalid for bad names, with one cause per field', async () => {
    const { code, status } = await failure(
      c.core.createNamespacedConfigMap({ namespace: 'errs', body: { metadata: { name: 'Bad_Name' } } }),
    );
    expect(code).toBe(422);
    expect(status.reason).toBe('Invalid');
    expect(status.message).toMatch(
      /^ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/,
    );
    expect(status.details).toMatchObject({
      name: 'Bad_Name',
      kind: 'ConfigMap',
      causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }],
    });
    const ns = await failure(c.core.createNamespace({ body: { metadata: { name: 'has.dot' } } }));
    expect(ns.status.message).toContain('a lowercase RFC 1123 label must consist of');
    const svc = await failure(
      c.core.createNamespacedService({
        namespace: 'errs',
        body: { metadata: { name: '1svc' }, spec: { ports: [{ port: 80 }] } },
      }),
    );
    expect(svc.status.message).toContain('a DNS-1035 label must consist of');
  });

  it('422 Invalid for missing required fields', async () => {
    const noSelector = deployment('nosel', 'errs');
    delete (noSelector.spec as Record<string, unknown>).selector;
    const dep = await failure(c.apps.createNamespacedDeployment({ namespace: 'errs', body: noSelector }));
    expect(dep.code).toBe(422);
    expect(dep.status.message).toBe('Deployment.apps "nosel" is invalid: spec.selector: Required value');
    const svc = await failure(
      c.core.createNamespacedService({
        namespace: 'errs',
        body: { metadata: { name: 'web' }, spec: { ports: [{ name: 'http' } as never] } },
      }),
    );
    expect(svc.status.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: 0: must be between 1 and 65535, inclusive',
        field: 'spec.ports[0].port',
      },
    ]);
  });

  it('403 Forbidden when creating in a terminating namespace', async () => {
    await c.core.createNamespace({ body: { metadata: { name: 'dying', finalizers: ['example.com/hold'] } } });
    await c.core.deleteNamespace({ name: 'dying' });
    const { code, status } = await failure(
      c.core.createNamespacedConfigMap({ namespace: 'dying', body: { metadata: { name: 'late' } } }),
    );
    expect(code).toBe(403);
    expect(status).toMatchObject({
      reason: 'Forbidden',
      message:
        'configmaps "late" is forbidden: unable to create new content in namespace dying because it is being terminated',
      details: {
        name: 'late',
        kind: 'configmaps',
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: 'namespace dying is being terminated',
            field: 'metadata.namespace',
          },
        ],
      },
    });
  });

  it('401 Unauthorized without the token, for every path but /version', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(c.sim.kubeconfig.replace(c.sim.token, 'wrong-token'));
    expect((await failure(kc.makeApiClient(CoreV1Api).listNamespace())).code).toBe(401);
    // client-node drops the body of a 401; the wire carries the Status.
    const raw = await rawCall(c.sim, 'GET', '/api/v1/namespaces', undefined, null);
    expect(raw).toEqual({
      status: 401,
      json: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      },
    });
    expect((await rawCall(c.sim, 'GET', '/version', undefined, null)).status).toBe(200);
  });

  it('415 UnsupportedMediaType for a patch content type the server does not take', async () => {
    await c.apps.createNamespacedDeployment({ namespace: 'errs', body: deployment('p415', 'errs') });
    const { code, status } = await failure(
      c.apps.patchNamespacedDeployment(
        { name: 'p415', namespace: 'errs', body: { spec: { replicas: 2 } } },
        setHeaderOptions('Content-Type', 'application/xml'),
      ),
    );
    expect(code).toBe(415);
    expect(status.reason).toBe('UnsupportedMediaType');
    expect(status.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml',
    );
  });

  it('405 MethodNotAllowed for a verb the resource does not serve', async () => {
    // SelfSubjectAccessReviews are create-only: listing them is refused.
    const err = await failure(c.objects.list('authorization.k8s.io/v1', 'SelfSubjectAccessReview'));
    expect(err.code).toBe(405);
    expect(err.status).toMatchObject({
      reason: 'MethodNotAllowed',
      message: 'the server does not allow this method on the requested resource',
    });
  });

  it('400 BadRequest when the body names another namespace than the URL', async () => {
    const { code, status } = await failure(
      c.core.createNamespacedConfigMap({
        namespace: 'errs',
        body: { metadata: { name: 'x', namespace: 'other' } },
      }),
    );
    expect(code).toBe(400);
    expect(status.message).toBe(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  });
});
