// Watches everything a diagnosis needs about one store namespace at once (Deployments, Jobs,
// Pods, PVCs, Events, and the cluster's StorageClasses) and evaluates on every change.
import type { KubeClient } from '../kube/client';
import { KINDS } from '../kube/kinds';
import { watchUntil } from '../kube/watch-wait';
import type { NamespaceSnapshot } from './observe';

export function watchNamespace<R>(
  client: KubeClient,
  namespace: string,
  evaluate: (snapshot: NamespaceSnapshot) => R | undefined,
  options: { timeoutMs: number; signal: AbortSignal; what: string },
): Promise<R> {
  const scope = { namespace };
  return watchUntil(
    client,
    {
      deployments: { kind: KINDS.Deployment, scope },
      jobs: { kind: KINDS.Job, scope },
      pods: { kind: KINDS.Pod, scope },
      pvcs: { kind: KINDS.PersistentVolumeClaim, scope },
      events: { kind: KINDS.Event, scope },
      storageClasses: { kind: KINDS.StorageClass, scope: {} },
    },
    evaluate,
    options,
  );
}
