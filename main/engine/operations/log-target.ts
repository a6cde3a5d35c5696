// Which pod and container a log request means: a pod name, or a component (one of the plan's,
// or 'setup') resolved to its newest live pod; the container defaults to the first.
import { err, ok, type Result } from '../../../preload/contract';
import type { ApiObject } from '../../kube/kube-object';
import { LABEL } from '../model/labels';

export interface LogPod {
  name: string;
  component: string | null;
  containers: string[];
  restarts: Record<string, number>;
}

export interface LogTarget {
  pod: string;
  container: string;
}

function restartsOf(pod: ApiObject): Record<string, number> {
  const statuses = (pod.status?.containerStatuses ?? []) as Array<{ name?: string; restartCount?: number }>;
  return Object.fromEntries(statuses.filter((c) => c.name).map((c) => [c.name, c.restartCount ?? 0]));
}

export function logPods(pods: ApiObject[]): LogPod[] {
  return pods
    .map((pod) => ({
      name: pod.metadata?.name ?? '',
      component: pod.metadata?.labels?.[LABEL.component] ?? null,
      containers: ((pod.spec?.containers ?? []) as Array<{ name?: string }>)
        .map((c) => c.name ?? '')
        .filter(Boolean),
      restarts: restartsOf(pod),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// Prefer a pod that is running and not on its way out, then the newest (a rollout's new pod).
function rank(pod: ApiObject): [number, number, string] {
  const live = pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp ? 1 : 0;
  const created = Date.parse(pod.metadata?.creationTimestamp ?? '') || 0;
  return [live, created, pod.metadata?.name ?? ''];
}

function newest(pods: ApiObject[]): ApiObject | undefined {
  return [...pods].sort((a, b) => {
    const [la, ca, na] = rank(a);
    const [lb, cb, nb] = rank(b);
    return lb - la || cb - ca || nb.localeCompare(na);
  })[0];
}

/**
 * Whether a pod belongs to the workload named `name`: a Job, StatefulSet or Deployment (directly,
 * or through its ReplicaSet `<name>-<pod-template-hash>`), so a failed wait-<deployment> step
 * can open the logs of that Deployment's pod.
 */
function ownedBy(pod: ApiObject, name: string): boolean {
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  return (pod.metadata?.ownerReferences ?? []).some(
    (ref) => ref.name === name || (ref.kind === 'ReplicaSet' && !!hash && ref.name === `${name}-${hash}`),
  );
}

export function pickLogTarget(
  pods: ApiObject[],
  podOrComponent: string | undefined,
  container: string | undefined,
  namespace: string,
  /** What an unnamed pod means: the plan's first component. */
  defaultComponent?: string,
): Result<LogTarget> {
  const ref = podOrComponent ?? defaultComponent;
  if (ref === undefined) return err('invalid_request', 'Name the pod or component to read the logs of');
  const pod =
    pods.find((p) => p.metadata?.name === ref) ??
    newest(pods.filter((p) => p.metadata?.labels?.[LABEL.component] === ref)) ??
    newest(pods.filter((p) => ownedBy(p, ref)));
  if (!pod) {
    const names = pods.map((p) => p.metadata?.name).filter(Boolean);
    return err(
      'not_found',
      `No pod "${ref}" in ${namespace}${names.length ? ` (pods: ${names.join(', ')})` : ' (it has no pods right now)'}`,
    );
  }
  const podName = pod.metadata?.name ?? '';
  const containers = logPods([pod])[0]?.containers ?? [];
  const chosen = container ?? containers[0];
  if (!chosen || !containers.includes(chosen)) {
    return err(
      'not_found',
      `No container "${container ?? ''}" in pod ${podName} (containers: ${containers.join(', ') || 'none'})`,
    );
  }
  return ok({ pod: podName, container: chosen });
}
