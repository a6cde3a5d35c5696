// The bootstrap RBAC policy every cluster starts with (plugin/pkg/auth/authorizer/rbac/bootstrappolicy),
// limited to what a client of the sim meets: cluster-admin for system:masters, discovery and
// health for everyone signed in, self-reviews for every user.
import type { ObjectStore } from './types.js';

const RBAC = 'rbac.authorization.k8s.io';
const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTO = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
}

const ROLES: Record<string, Rule[]> = {
  'cluster-admin': [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ],
  'system:discovery': [
    {
      nonResourceURLs: [
        '/api',
        '/api/*',
        '/apis',
        '/apis/*',
        '/healthz',
        '/livez',
        '/openapi',
        '/openapi/*',
        '/readyz',
        '/version',
        '/version/',
      ],
      verbs: ['get'],
    },
  ],
  'system:public-info-viewer': [
    { nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] },
  ],
  'system:basic-user': [
    {
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      verbs: ['create'],
    },
    { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
  ],
};

const BINDINGS: Record<string, string[]> = {
  'cluster-admin': ['system:masters'],
  'system:discovery': ['system:authenticated'],
  'system:public-info-viewer': ['system:authenticated', 'system:unauthenticated'],
  'system:basic-user': ['system:authenticated'],
};

export function seedRbac(store: ObjectStore, cluster: 'k3s' | 'kind'): void {
  // kubeadm (Kind) binds its admin certificate's group to cluster-admin rather than using system:masters.
  const bindings =
    cluster === 'kind' ? { ...BINDINGS, 'kubeadm:cluster-admins': ['kubeadm:cluster-admins'] } : BINDINGS;
  for (const [name, rules] of Object.entries(ROLES)) {
    store.create(`clusterroles.${RBAC}`, {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRole',
      metadata: { name, labels: BOOTSTRAP, annotations: AUTO },
      rules,
    });
  }
  for (const [name, groups] of Object.entries(bindings)) {
    store.create(`clusterrolebindings.${RBAC}`, {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { name, labels: BOOTSTRAP, annotations: AUTO },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: ROLES[name] ? name : 'cluster-admin' },
      subjects: groups.map((g) => ({ apiGroup: RBAC, kind: 'Group', name: g })),
    });
  }
}
