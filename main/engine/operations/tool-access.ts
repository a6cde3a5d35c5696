// Whether the user may run commands in a store's pods (pods/exec), asked of the API server by
// SelfSubjectAccessReview in the store's namespace: the UI disables what needs it (backup,
// restore, clone, the WP-CLI console) and says which right is missing, instead of failing later.
import { mayI } from '../../kube/access-review';
import type { KubeClient } from '../../kube/client';
import { PODS_EXEC_FEATURE } from '../../kube/required-access';

export interface ToolAccess {
  exec: { allowed: boolean; reason: string | null };
}

export async function readToolAccess(client: KubeClient, namespace: string): Promise<ToolAccess> {
  // client-node opens exec as a WebSocket GET, authorised as create since Kubernetes 1.31.
  const allowed = await mayI(client, {
    group: '',
    resource: 'pods',
    subresource: 'exec',
    verb: 'create',
    namespace,
  });
  return {
    exec: {
      allowed,
      reason: allowed
        ? null
        : `Your cluster user may not create pods/exec in ${namespace} (needed for ${PODS_EXEC_FEATURE}); ask the cluster admin to install charts/storedeck-access`,
    },
  };
}
