// Every verb the engine uses, per resource: preflight asks SelfSubjectAccessReview for each,
// and the storedeck-access RBAC chart grants exactly these (a test keeps the two in step).
export interface AccessRule {
  group: string; // '' for core
  resource: string;
  subresource?: string;
  verbs: readonly string[];
  /** Cluster-scoped resources are reviewed without a namespace. */
  clusterScoped?: boolean;
}

// Server-side apply needs get+create+patch; waits need list+watch; delete for cleanup and job re-runs.
const APPLIED = ['get', 'list', 'watch', 'create', 'patch', 'delete'] as const;

export const REQUIRED_ACCESS: readonly AccessRule[] = [
  { group: '', resource: 'namespaces', verbs: APPLIED, clusterScoped: true },
  { group: '', resource: 'secrets', verbs: APPLIED },
  { group: '', resource: 'configmaps', verbs: APPLIED },
  { group: '', resource: 'services', verbs: APPLIED },
  { group: '', resource: 'persistentvolumeclaims', verbs: APPLIED },
  { group: '', resource: 'resourcequotas', verbs: APPLIED },
  { group: '', resource: 'limitranges', verbs: APPLIED },
  { group: '', resource: 'pods', verbs: ['get', 'list', 'watch'] },
  { group: '', resource: 'pods', subresource: 'log', verbs: ['get'] },
  { group: '', resource: 'events', verbs: ['list', 'watch'] },
  // The checkout check before Ready: GET and POST to the store's WordPress through the API server.
  { group: '', resource: 'services', subresource: 'proxy', verbs: ['get', 'create'] },
  { group: 'apps', resource: 'deployments', verbs: APPLIED },
  { group: 'batch', resource: 'jobs', verbs: APPLIED },
  { group: 'networking.k8s.io', resource: 'ingresses', verbs: APPLIED },
  { group: 'networking.k8s.io', resource: 'networkpolicies', verbs: APPLIED },
  { group: 'networking.k8s.io', resource: 'ingressclasses', verbs: ['get', 'list'], clusterScoped: true },
  { group: 'storage.k8s.io', resource: 'storageclasses', verbs: ['get', 'list'], clusterScoped: true },
];
