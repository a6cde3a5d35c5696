// Reading the world: what a Deployment or Job's status says, and the namespace snapshot the
// strategy diagnoses. Pure functions over plain API objects.
import type { ApiObject } from '../kube/kube-object';
import type { ObservedState } from './strategies/strategy';
import type { KubeObject } from '../kube/kube-object';

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export function condition(obj: ApiObject | undefined, type: string): Condition | undefined {
  const conditions = (obj?.status?.conditions ?? []) as Condition[];
  return conditions.find((c) => c.type === type);
}

const isTrue = (obj: ApiObject | undefined, type: string) => condition(obj, type)?.status === 'True';

/** Available as `kubectl rollout status` means it: current generation observed, all replicas updated and available. */
export function isDeploymentAvailable(deployment: ApiObject | undefined): boolean {
  if (!deployment) return false;
  const wanted = typeof deployment.spec?.replicas === 'number' ? deployment.spec.replicas : 1;
  const status = deployment.status ?? {};
  const observed = (status.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0);
  return (
    observed &&
    isTrue(deployment, 'Available') &&
    (status.updatedReplicas ?? 0) >= wanted &&
    (status.availableReplicas ?? 0) >= wanted
  );
}

export type JobState = 'absent' | 'running' | 'complete' | 'failed';

export function jobState(job: ApiObject | undefined): JobState {
  if (!job) return 'absent';
  if (isTrue(job, 'Complete')) return 'complete';
  if (isTrue(job, 'Failed')) return 'failed';
  return 'running';
}

const isPodReady = (pod: ApiObject) => isTrue(pod, 'Ready');

// Lists (typed client) and watch events (raw JSON) spell timestamps differently; compare as times.
const created = (obj: ApiObject) => Date.parse(String(obj.metadata?.creationTimestamp ?? '')) || 0;

/** Pods of a Job, newest first (a Job with backoffLimit leaves one pod per attempt). */
export function podsOfJob(pods: ApiObject[], jobName: string): ApiObject[] {
  return pods
    .filter(
      (pod) =>
        pod.metadata?.labels?.['job-name'] === jobName ||
        pod.metadata?.labels?.['batch.kubernetes.io/job-name'] === jobName ||
        (pod.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Job' && o.name === jobName),
    )
    .sort((a, b) => created(b) - created(a));
}

/** Label selector string from a Deployment's matchLabels. */
export function selectorOf(deployment: ApiObject | undefined): string | null {
  const labels = deployment?.spec?.selector?.matchLabels as Record<string, string> | undefined;
  if (!labels || Object.keys(labels).length === 0) return null;
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** A ready, running, not-terminating pod among those given (the one serving right now). */
export function readyPod(pods: ApiObject[]): ApiObject | undefined {
  return pods.find(
    (p) =>
      p.status?.phase === 'Running' && isPodReady(p) && !p.metadata?.deletionTimestamp && p.spec?.nodeName,
  );
}

/** The node of a ready pod among those given (where the RWO volume is). */
export function readyPodNode(pods: ApiObject[]): string | null {
  const pod = readyPod(pods);
  return pod ? String(pod.spec.nodeName) : null;
}

export interface NamespaceSnapshot {
  pods: ApiObject[];
  pvcs: ApiObject[];
  events: ApiObject[];
  deployments: ApiObject[];
  jobs: ApiObject[];
  storageClasses: ApiObject[];
  /**
   * Jobs the cache saw deleted, as they last were (a DELETED event carries the final status): a
   * Job that finished and met its TTL between two looks still says how it ended.
   */
  departedJobs?: ApiObject[];
}

/** The strategy's view of a namespace (plain objects; identity fields always present). */
export function toObserved(snapshot: NamespaceSnapshot, setupLogTail?: string[]): ObservedState {
  const asKube = (items: ApiObject[]) => items as unknown as KubeObject[];
  return {
    pods: asKube(snapshot.pods),
    pvcs: asKube(snapshot.pvcs),
    events: asKube(snapshot.events),
    deployments: asKube(snapshot.deployments),
    jobs: asKube(snapshot.jobs),
    storageClasses: asKube(snapshot.storageClasses),
    ...(setupLogTail ? { setupLogTail } : {}),
  };
}

export const byName = (items: ApiObject[], name: string): ApiObject | undefined =>
  items.find((i) => i.metadata?.name === name);
