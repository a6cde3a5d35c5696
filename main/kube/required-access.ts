// Every right the engine uses, in the two places it holds them. Preflight asks
// SelfSubjectAccessReview for them, and charts/storedeck-access grants exactly these (a test
// keeps the three in step):
// - CLUSTER_ACCESS, cluster-wide: what must work before a store namespace exists (claim it, bind
//   the store role inside it) and the cluster facts preflight and the waits read.
// - STORE_ACCESS, inside each store namespace only: the rules of the STORE_ROLE ClusterRole, which
//   the engine binds in every namespace it creates (a RoleBinding named STORE_ROLE_BINDING).
/** What stops working without pods/exec (the UI names it when the right is missing). */
export const PODS_EXEC_FEATURE = 'one-click admin login, the WP-CLI console, and backup, restore and clone';

export interface AccessRule {
  group: string; // '' for core
  resource: string;
  subresource?: string;
  verbs: readonly string[];
  /** Rights on these objects only (RBAC resourceNames). */
  resourceNames?: readonly string[];
  /** Cluster-scoped resources are reviewed without a namespace. */
  clusterScoped?: boolean;
  /** A right only one feature needs: named when it is missing, so the rest still works. */
  feature?: string;
}

/** The ClusterRole of store verbs the chart installs; the engine binds it in each store namespace. */
export const STORE_ROLE = 'storedeck-store';
/** The RoleBinding the engine creates in each store namespace. */
export const STORE_ROLE_BINDING = 'storedeck-store';

const RBAC = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'] as const;
// Server-side apply needs get+create+patch; waits need list+watch; delete for cleanup and job re-runs.
const APPLIED = ['get', 'list', 'watch', 'create', 'patch', 'delete'] as const;

export const CLUSTER_ACCESS: readonly AccessRule[] = [
  // Claiming a store namespace (POST), reading whose a namespace is, watching deletes finish.
  { group: '', resource: 'namespaces', verbs: ['create', ...READ], clusterScoped: true },
  // The store role's RoleBinding (server-side apply: create + patch) in a namespace that did not
  // exist a moment ago; the chart's admission policy keeps it to Storedeck's namespaces.
  { group: RBAC, resource: 'rolebindings', verbs: ['create', 'patch'] },
  // Binding the store role, and reading it so preflight can tell an outdated chart.
  {
    group: RBAC,
    resource: 'clusterroles',
    verbs: ['get', 'bind'],
    resourceNames: [STORE_ROLE],
    clusterScoped: true,
  },
  // The one wide read: the ingress controller is found by its pods' labels in whatever namespace
  // it runs (the NetworkPolicy must admit that namespace); preflight reads kube-system's pods too.
  { group: '', resource: 'pods', verbs: ['list'], clusterScoped: true },
  // The same pods followed with one watch by label for every store's live status (without it,
  // each store namespace's pods are listed in turn: slower to show Degraded, more requests).
  {
    group: '',
    resource: 'pods',
    verbs: ['watch'],
    clusterScoped: true,
    feature: 'live status with one pod watch for all stores',
  },
  { group: 'networking.k8s.io', resource: 'ingressclasses', verbs: READ, clusterScoped: true },
  { group: 'storage.k8s.io', resource: 'storageclasses', verbs: READ, clusterScoped: true },
  {
    group: 'authorization.k8s.io',
    resource: 'selfsubjectaccessreviews',
    verbs: ['create'],
    clusterScoped: true,
  },
  // Who the engine is, so the RoleBinding names it.
  { group: 'authentication.k8s.io', resource: 'selfsubjectreviews', verbs: ['create'], clusterScoped: true },
];

export const STORE_ACCESS: readonly AccessRule[] = [
  // The store's own namespace: labels re-applied, deleted with the store.
  { group: '', resource: 'namespaces', verbs: ['get', 'patch', 'delete'] },
  { group: '', resource: 'secrets', verbs: APPLIED },
  { group: '', resource: 'configmaps', verbs: APPLIED },
  { group: '', resource: 'services', verbs: APPLIED },
  { group: '', resource: 'persistentvolumeclaims', verbs: APPLIED },
  { group: '', resource: 'resourcequotas', verbs: APPLIED },
  { group: '', resource: 'limitranges', verbs: APPLIED },
  // Health, logs and diagnosis read pods; a fresh start deletes pods stuck on a bad image.
  { group: '', resource: 'pods', verbs: [...READ, 'delete'] },
  { group: '', resource: 'pods', subresource: 'log', verbs: ['get'] },
  { group: '', resource: 'events', verbs: ['list', 'watch'] },
  { group: 'apps', resource: 'deployments', verbs: APPLIED },
  // The MedusaJS plan runs PostgreSQL as a StatefulSet.
  { group: 'apps', resource: 'statefulsets', verbs: APPLIED },
  { group: 'batch', resource: 'jobs', verbs: APPLIED },
  { group: 'networking.k8s.io', resource: 'ingresses', verbs: APPLIED },
  { group: 'networking.k8s.io', resource: 'networkpolicies', verbs: APPLIED },
  // The store tools run commands in the store's pods and forward a local port to its database.
  // client-node opens both as WebSocket GETs, authorised as create since Kubernetes 1.31
  // (AuthorizePodWebsocketUpgradeCreatePermission) and as get before it, so both are granted.
  {
    group: '',
    resource: 'pods',
    subresource: 'exec',
    verbs: ['get', 'create'],
    feature: PODS_EXEC_FEATURE,
  },
  // The WP-CLI console's pod, made on first use (server-side apply) and deleted when idle.
  { group: '', resource: 'pods', verbs: ['create', 'patch'], feature: 'the WP-CLI console' },
  // The checkout check before Ready reaches a WordPress pod over one port-forward (and Open
  // database forwards a local port): a WebSocket GET, authorised as create since 1.31.
  { group: '', resource: 'pods', subresource: 'portforward', verbs: ['get', 'create'] },
];
