// The engine's rights inside a store namespace come from one RoleBinding it applies there, to the
// ClusterRole of store verbs the access chart installs (STORE_ROLE), right after the namespace is
// claimed: nothing inside the namespace can be read or written before it exists. Re-applied on
// every pass like the store's objects (a no-op when unchanged; repairs an edited binding).
import type { KubeClient } from '../kube/client';
import type { KubeObject } from '../kube/kube-object';
import { STORE_ROLE, STORE_ROLE_BINDING } from '../kube/required-access';
import { selfSubject, type RbacSubject } from '../kube/self-subject';

/** This object is access wiring, not part of the store's plan: it is the same for every plan. */
function storeRoleBinding(
  namespace: string,
  labels: Record<string, string>,
  subject: RbacSubject,
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: STORE_ROLE_BINDING, namespace, labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: STORE_ROLE },
    subjects: [subject],
  };
}

export async function bindStoreAccess(
  client: KubeClient,
  namespace: string,
  labels: Record<string, string>,
  signal?: AbortSignal,
): Promise<void> {
  await client.apply(storeRoleBinding(namespace, labels, await selfSubject(client, signal)), { signal });
}
