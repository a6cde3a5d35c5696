// RBAC as the apiserver enforces it, through the real client-node: ServiceAccount tokens from
// TokenRequest, every request authorised against the bindings, the real 403 text, reviews
// answered from the same rules, escalation refused without `bind`.
import {
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, rawCall, startWithClients, type SimClients } from './test-kit.js';

let c: SimClients;
let rbac: RbacAuthorizationV1Api;
const SA = 'system:serviceaccount:team:robot';

async function robot(): Promise<KubeConfig> {
  const tr = await c.core.createNamespacedServiceAccountToken({
    name: 'robot',
    namespace: 'team',
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const kc = new KubeConfig();
  kc.loadFromString(c.sim.kubeconfigForToken(tr.status?.token ?? ''));
  return kc;
}

beforeAll(async () => {
  c = await startWithClients();
  rbac = c.kc.makeApiClient(RbacAuthorizationV1Api);
  await c.core.createNamespace({ body: { metadata: { name: 'team' } } });
  await c.core.createNamespacedServiceAccount({ namespace: 'team', body: { metadata: { name: 'robot' } } });
});
afterAll(() => c.sim.stop());

describe('ServiceAccount tokens (TokenRequest)', () => {
  it('issues a JWT naming the account, its audiences and expiry', async () => {
    const tr = await c.core.createNamespacedServiceAccountToken({
      name: 'robot',
      namespace: 'team',
      body: { spec: { audiences: [] } },
    });
    expect(tr.spec.expirationSeconds).toBe(3600);
    expect(tr.spec.audiences).toEqual(['https://kubernetes.default.svc.cluster.local', 'k3s']);
    const claims = JSON.parse(
      Buffer.from((tr.status?.token ?? '').split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      sub: SA,
      'kubernetes.io': { namespace: 'team', serviceaccount: { name: 'robot' } },
    });
    const who = await (
      await robot()
    )
      .makeApiClient(AuthenticationV1Api)
      .createSelfSubjectReview({ body: {} });
    expect(who.status?.userInfo).toMatchObject({
      username: SA,
      groups: ['system:serviceaccounts', 'system:serviceaccounts:team', 'system:authenticated'],
    });
  });

  it('refuses a lifetime under ten minutes with the real validation message', async () => {
    const { code, status } = await failure(
      c.core.createNamespacedServiceAccountToken({
        name: 'robot',
        namespace: 'team',
        body: { spec: { audiences: [], expirationSeconds: 60 } },
      }),
    );
    expect(code).toBe(422);
    expect(status.message).toBe(
      'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    );
  });

  it('stops accepting a token once its ServiceAccount is deleted (401)', async () => {
    await c.core.createNamespacedServiceAccount({ namespace: 'team', body: { metadata: { name: 'temp' } } });
    const tr = await c.core.createNamespacedServiceAccountToken({
      name: 'temp',
      namespace: 'team',
      body: { spec: { audiences: [] } },
    });
    const token = tr.status?.token ?? '';
    expect((await rawCall(c.sim, 'GET', '/api', undefined, token)).status).toBe(200);
    await c.core.deleteNamespacedServiceAccount({ name: 'temp', namespace: 'team' });
    expect((await rawCall(c.sim, 'GET', '/api', undefined, token)).status).toBe(401);
  });
});

describe('authorisation', () => {
  it('lets any signed-in user read discovery and /version, and nothing else by default', async () => {
    const kc = await robot();
    expect((await kc.makeApiClient(VersionApi).getCode()).gitVersion).toBe('v1.33.1+k3s1');
    expect((await kc.makeApiClient(CoreV1Api).getAPIResources()).groupVersion).toBe('v1');
    const { code, status } = await failure(
      kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'x' } } }),
    );
    expect(code).toBe(403);
    expect(status).toMatchObject({
      reason: 'Forbidden',
      message: `namespaces is forbidden: User "${SA}" cannot create resource "namespaces" in API group "" at the cluster scope`,
      details: { kind: 'namespaces' },
    });
  });

  it('grants what a RoleBinding binds, in its namespace only, down to subresources and resourceNames', async () => {
    await rbac.createNamespacedRole({
      namespace: 'team',
      body: {
        metadata: { name: 'reader' },
        rules: [
          { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] },
          { apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] },
        ],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: 'team',
      body: {
        metadata: { name: 'robot-reads' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'team' }],
      },
    });
    const core = (await robot()).makeApiClient(CoreV1Api);
    expect((await core.listNamespacedPod({ namespace: 'team' })).items).toEqual([]);
    // Allowed, so the answer is the API's own 404 rather than 403.
    expect((await failure(core.readNamespacedPodLog({ name: 'nope', namespace: 'team' }))).code).toBe(404);
    expect((await failure(core.readNamespacedConfigMap({ name: 'settings', namespace: 'team' }))).code).toBe(
      404,
    );
    const other = await failure(core.readNamespacedConfigMap({ name: 'other', namespace: 'team' }));
    expect(other.status.message).toBe(
      `configmaps "other" is forbidden: User "${SA}" cannot get resource "configmaps" in API group "" in the namespace "team"`,
    );
    const elsewhere = await failure(core.listNamespacedPod({ namespace: 'default' }));
    expect(elsewhere.status.message).toBe(
      `pods is forbidden: User "${SA}" cannot list resource "pods" in API group "" in the namespace "default"`,
    );
    const watch = await rawCall(
      c.sim,
      'GET',
      '/api/v1/namespaces/team/pods?watch=true',
      undefined,
      (
        await c.core.createNamespacedServiceAccountToken({
          name: 'robot',
          namespace: 'team',
          body: { spec: { audiences: [] } },
        })
      ).status?.token,
    );
    expect(watch.status).toBe(403);
  });

  it('answers SelfSubjectAccessReview from the same rules, naming the binding that allows', async () => {
    const authz = (await robot()).makeApiClient(AuthorizationV1Api);
    const ask = (resourceAttributes: Record<string, string>) =>
      authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes } } }).then((r) => r.status);
    expect(await ask({ verb: 'list', resource: 'pods', namespace: 'team' })).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by RoleBinding "robot-reads/team" of Role "reader" to ServiceAccount "robot/team"',
    });
    expect(await ask({ verb: 'delete', resource: 'pods', namespace: 'team' })).toEqual({ allowed: false });
    expect(await ask({ verb: 'create', resource: 'namespaces' })).toEqual({ allowed: false });
  });

  it('keeps every right for the kubeconfig admin', async () => {
    const status = (
      await c.kc.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({
        body: {
          spec: { resourceAttributes: { verb: 'delete', resource: 'namespaces', name: 'kube-system' } },
        },
      })
    ).status;
    expect(status).toEqual({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"',
    });
  });

  it('needs create as well as patch for a server-side apply that creates', async () => {
    await rbac.createNamespacedRole({
      namespace: 'team',
      body: {
        metadata: { name: 'patcher' },
        rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['patch'] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: 'team',
      body: {
        metadata: { name: 'robot-patches' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'patcher' },
        subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'team' }],
      },
    });
    const objects = KubernetesObjectApi.makeApiClient(await robot());
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'fresh', namespace: 'team' },
      data: { a: '1' },
    };
    const { status } = await failure(
      objects.patch(cm, undefined, undefined, 'robot', true, PatchStrategy.ServerSideApply),
    );
    expect(status.message).toBe(
      `configmaps "fresh" is forbidden: User "${SA}" cannot create resource "configmaps" in API group "" in the namespace "team"`,
    );
  });
});

describe('escalation prevention', () => {
  beforeAll(async () => {
    await rbac.createNamespacedRole({
      namespace: 'team',
      body: {
        metadata: { name: 'binder' },
        rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create'] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: 'team',
      body: {
        metadata: { name: 'robot-binds' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'binder' },
        subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'team' }],
      },
    });
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'secret-reader' },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
      },
    });
  });

  const bindingTo = (name: string, role: string) => ({
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'team' }],
  });

  it('refuses to bind a role whose rights the user does not hold', async () => {
    const robotRbac = (await robot()).makeApiClient(RbacAuthorizationV1Api);
    const { code, status } = await failure(
      robotRbac.createNamespacedRoleBinding({ namespace: 'team', body: bindingTo('grab', 'secret-reader') }),
    );
    expect(code).toBe(403);
    expect(status.message).toBe(
      `rolebindings.rbac.authorization.k8s.io "grab" is forbidden: user "${SA}" (groups=["system:serviceaccounts" "system:serviceaccounts:team" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get"]}`,
    );
  });

  it('allows it with `bind` on that role by name, and only that role', async () => {
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'bind-secret-reader' },
        rules: [
          {
            apiGroups: ['rbac.authorization.k8s.io'],
            resources: ['clusterroles'],
            verbs: ['bind'],
            resourceNames: ['secret-reader'],
          },
        ],
      },
    });
    await rbac.createClusterRoleBinding({ body: bindingTo('robot-may-bind', 'bind-secret-reader') });
    const robotRbac = (await robot()).makeApiClient(RbacAuthorizationV1Api);
    await robotRbac.createNamespacedRoleBinding({
      namespace: 'team',
      body: bindingTo('granted', 'secret-reader'),
    });
    const admin = await failure(
      robotRbac.createNamespacedRoleBinding({ namespace: 'team', body: bindingTo('admin', 'cluster-admin') }),
    );
    expect(admin.status.message).toContain('is attempting to grant RBAC permissions not currently held');
    expect(
      (
        await failure(
          (await robot()).makeApiClient(CoreV1Api).readNamespacedSecret({ name: 's', namespace: 'team' }),
        )
      ).code,
    ).toBe(404);
  });

  it('keeps roleRef immutable', async () => {
    const { code, status } = await failure(
      rbac.replaceNamespacedRoleBinding({
        name: 'granted',
        namespace: 'team',
        body: { ...bindingTo('granted', 'cluster-admin') },
      }),
    );
    expect(code).toBe(422);
    expect(status.message).toContain(
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"cluster-admin"}: cannot change roleRef',
    );
  });
});
