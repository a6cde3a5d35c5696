// What counts as progress while a store is provisioned (issue 7: time out on no progress, not
// on the clock): a pod scheduled, a container started, a pod or Deployment becoming ready, a
// claim bound, a Job finishing, a new pull or scheduling event, and for as long as it lasts an
// image pull in progress (a 900 MB image on a slow link is slow, not stuck). Restarts of a
// crashing container are not progress: each mark counts once, the first time it is seen.
import type { ApiObject } from '../kube/kube-object';
import { isDeploymentAvailable, jobState, type NamespaceSnapshot } from './observe';

/** Event reasons that say the cluster moved a step forward (kubelet, scheduler, controllers). */
const PROGRESS_REASONS = new Set([
  'Scheduled',
  'Pulling',
  'Pulled',
  'SuccessfulCreate',
  'ProvisioningSucceeded',
  'Completed',
]);

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  state?: { running?: unknown; terminated?: unknown; waiting?: { reason?: string } };
}

const uidOf = (obj: ApiObject) => String(obj.metadata?.uid ?? obj.metadata?.name ?? '');
const isTrue = (obj: ApiObject, type: string) =>
  ((obj.status?.conditions ?? []) as Array<{ type?: string; status?: string }>).some(
    (c) => c.type === type && c.status === 'True',
  );
const containerStatuses = (pod: ApiObject): ContainerStatus[] => [
  ...((pod.status?.initContainerStatuses ?? []) as ContainerStatus[]),
  ...((pod.status?.containerStatuses ?? []) as ContainerStatus[]),
];

/** Every progress mark the snapshot shows; a mark not seen before is progress. */
export function progressMarks(snapshot: NamespaceSnapshot): Set<string> {
  const marks = new Set<string>();
  for (const pod of snapshot.pods) {
    const uid = uidOf(pod);
    if (pod.spec?.nodeName) marks.add(`pod/${uid}/scheduled`);
    if (isTrue(pod, 'Ready')) marks.add(`pod/${uid}/ready`);
    for (const c of containerStatuses(pod))
      if (c.state?.running || c.state?.terminated) marks.add(`pod/${uid}/${c.name}/started`);
    if (pod.status?.phase === 'Succeeded') marks.add(`pod/${uid}/succeeded`);
  }
  for (const pvc of snapshot.pvcs) if (pvc.status?.phase === 'Bound') marks.add(`pvc/${uidOf(pvc)}/bound`);
  for (const d of snapshot.deployments) {
    marks.add(`deployment/${uidOf(d)}/ready/${Number(d.status?.readyReplicas ?? 0) > 0}`);
    if (isDeploymentAvailable(d)) marks.add(`deployment/${uidOf(d)}/available`);
  }
  for (const job of snapshot.jobs) marks.add(`job/${uidOf(job)}/${jobState(job)}`);
  for (const event of snapshot.events)
    if (PROGRESS_REASONS.has(String(event.reason))) marks.add(`event/${uidOf(event)}`);
  return marks;
}

const imageIn = (message: unknown) => /image "([^"]+)"/.exec(String(message ?? ''))?.[1];

/** Whether the kubelet is pulling an image for a pod that waits for it right now. */
export function pullInProgress(snapshot: NamespaceSnapshot): boolean {
  const pulling = new Map<string, Set<string>>();
  const pulled = new Map<string, Set<string>>();
  for (const event of snapshot.events) {
    const reason = String(event.reason);
    if (reason !== 'Pulling' && reason !== 'Pulled') continue;
    const involved = (event.involvedObject ?? {}) as { uid?: string; name?: string };
    const pod = String(involved.uid ?? involved.name ?? '');
    const image = imageIn(event.message);
    if (!image) continue;
    const into = reason === 'Pulling' ? pulling : pulled;
    const set = into.get(pod) ?? new Set<string>();
    set.add(image);
    into.set(pod, set);
  }
  return snapshot.pods.some((pod) => {
    if (pod.metadata?.deletionTimestamp) return false;
    const waiting = containerStatuses(pod).some((c) =>
      ['ContainerCreating', 'PodInitializing'].includes(c.state?.waiting?.reason ?? ''),
    );
    if (!waiting) return false;
    const keys = [uidOf(pod), String(pod.metadata?.name ?? '')];
    return keys.some((key) =>
      [...(pulling.get(key) ?? [])].some((image) => !(pulled.get(key) ?? new Set()).has(image)),
    );
  });
}

/** Remembers the marks seen so far; says whether a snapshot shows anything new or a pull under way. */
export class ProgressTracker {
  private seen: Set<string> | null = null;

  /** The first snapshot is the baseline (after a restart it is not news); later ones are compared. */
  observe(snapshot: NamespaceSnapshot): boolean {
    const marks = progressMarks(snapshot);
    const first = this.seen === null;
    const seen = this.seen ?? new Set<string>();
    let fresh = false;
    for (const mark of marks)
      if (!seen.has(mark)) {
        seen.add(mark);
        fresh = true;
      }
    this.seen = seen;
    return (!first && fresh) || pullInProgress(snapshot);
  }
}
