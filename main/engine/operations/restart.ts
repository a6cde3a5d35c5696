// Rollout restart, the way `kubectl rollout restart` does it: a strategic merge patch that
// stamps kubectl.kubernetes.io/restartedAt on the pod template, so the Deployment rolls its pods.
//
// Why a patch under its own field manager and not the engine's SSA: the engine applies its
// objects as `storedeck` and never sets this annotation, so the annotation is owned by
// `storedeck-restart` alone; a later reconcile neither conflicts with it nor removes it, and
// the restart stamp survives (exactly as it survives kubectl apply after kubectl rollout restart).
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { err, ok, type RequestOf, type Result } from '../../../preload/contract';
import type { KubeClient } from '../../kube/client';
import { KINDS } from '../../kube/kinds';
import { SIDE_FIELD_MANAGERS } from '../../kube/field-managers';
import { ANNOTATION, LABEL, MANAGED_BY } from '../model/labels';

export type RestartComponent = RequestOf<'restartStore'>['component'];

export function restartPatch(at: Date): object {
  return {
    spec: { template: { metadata: { annotations: { [ANNOTATION.restartedAt]: at.toISOString() } } } },
  };
}

export async function restartDeployments(
  client: KubeClient,
  namespace: string,
  component: RestartComponent,
  now: () => Date = () => new Date(),
): Promise<Result<{ restarted: string[] }>> {
  const selector = [
    `${LABEL.managedBy}=${MANAGED_BY}`,
    ...(component === 'all' ? [] : [`${LABEL.component}=${component}`]),
  ].join(',');
  const deployments = (await client.list(KINDS.Deployment, { namespace, labelSelector: selector })).items;
  const names = deployments
    .map((d) => d.metadata?.name ?? '')
    .filter(Boolean)
    .sort();
  if (names.length === 0) {
    return err(
      'not_found',
      component === 'all' ? `No deployments in ${namespace}` : `No ${component} deployment in ${namespace}`,
    );
  }
  const body = restartPatch(now());
  // One stamp for all: the deployments were restarted together, and a retried call stays idempotent.
  const contentType = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
  for (const name of names) {
    await client.call(() =>
      client.apps.patchNamespacedDeployment(
        { name, namespace, body, fieldManager: SIDE_FIELD_MANAGERS.restart },
        contentType,
      ),
    );
  }
  return ok({ restarted: names });
}
