// The resource types the engine reads, writes and watches, with their REST paths, so waits and
// generic calls need no discovery round trip to know where a kind lives.

export interface KindRef {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const ref = (apiVersion: string, kind: string, plural: string, namespaced = true): KindRef => ({
  apiVersion,
  kind,
  plural,
  namespaced,
});

export const KINDS = {
  Namespace: ref('v1', 'Namespace', 'namespaces', false),
  Pod: ref('v1', 'Pod', 'pods'),
  Service: ref('v1', 'Service', 'services'),
  Secret: ref('v1', 'Secret', 'secrets'),
  ConfigMap: ref('v1', 'ConfigMap', 'configmaps'),
  PersistentVolumeClaim: ref('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims'),
  ResourceQuota: ref('v1', 'ResourceQuota', 'resourcequotas'),
  LimitRange: ref('v1', 'LimitRange', 'limitranges'),
  ServiceAccount: ref('v1', 'ServiceAccount', 'serviceaccounts'),
  Event: ref('v1', 'Event', 'events'),
  Deployment: ref('apps/v1', 'Deployment', 'deployments'),
  ReplicaSet: ref('apps/v1', 'ReplicaSet', 'replicasets'),
  StatefulSet: ref('apps/v1', 'StatefulSet', 'statefulsets'),
  Job: ref('batch/v1', 'Job', 'jobs'),
  Ingress: ref('networking.k8s.io/v1', 'Ingress', 'ingresses'),
  IngressClass: ref('networking.k8s.io/v1', 'IngressClass', 'ingressclasses', false),
  NetworkPolicy: ref('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies'),
  StorageClass: ref('storage.k8s.io/v1', 'StorageClass', 'storageclasses', false),
  ClusterRole: ref('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false),
  ClusterRoleBinding: ref('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  RoleBinding: ref('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings'),
} as const satisfies Record<string, KindRef>;

/** e.g. /apis/apps/v1/namespaces/store-x/deployments, or /api/v1/namespaces for cluster-scoped kinds. */
export function collectionPath(kind: KindRef, namespace?: string): string {
  const root = kind.apiVersion.includes('/') ? `/apis/${kind.apiVersion}` : `/api/${kind.apiVersion}`;
  if (kind.namespaced && namespace)
    return `${root}/namespaces/${encodeURIComponent(namespace)}/${kind.plural}`;
  return `${root}/${kind.plural}`;
}
