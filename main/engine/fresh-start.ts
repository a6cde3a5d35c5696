// A retry must judge the store by what happens after it began, not by the leftovers of the
// attempt that failed: pods stuck in an image-pull or crash backoff are replaced at once (the
// kubelet would otherwise wait out its backoff), and events, pods and Deployments unchanged
// since the retry started are not evidence of a new failure.
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { KINDS } from '../kube/kinds';
import type { Attempt } from './attempt';
import type { NamespaceSnapshot } from './observe';
import type { Waiting } from './wait-deployments';

const STUCK_REASONS = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

interface WaitingStatus {
  state?: { waiting?: { reason?: string } };
}

/** Pods whose containers wait in a backoff that only a fresh pod (or a long wait) ends. */
export function stuckPods(pods: ApiObject[]): ApiObject[] {
  return pods.filter((pod) => {
    if (pod.metadata?.deletionTimestamp) return false;
    const statuses = [
      ...((pod.status?.initContainerStatuses ?? []) as WaitingStatus[]),
      ...((pod.status?.containerStatuses ?? []) as WaitingStatus[]),
    ];
    return statuses.some((s) => STUCK_REASONS.has(s.state?.waiting?.reason ?? ''));
  });
}

export interface ReplacedPod {
  name: string;
  uid: string;
}

/** Deletes the stuck pods among those given (their controllers make new ones); returns which ones. */
export async function replaceStuckPods(
  client: KubeClient,
  namespace: string,
  pods: ApiObject[],
  signal: AbortSignal,
): Promise<ReplacedPod[]> {
  const stuck = stuckPods(pods).map((pod) => ({
    name: String(pod.metadata?.name),
    uid: String(pod.metadata?.uid ?? ''),
  }));
  await Promise.all(stuck.map(({ name }) => client.remove(KINDS.Pod, namespace, name, { signal })));
  return stuck;
}

/** The replaced pods still there (Terminating for their grace period): the uid tells a namesake apart. */
export function replacedStillThere(pods: ApiObject[], replaced: ReplacedPod[]): ReplacedPod[] {
  const uids = new Set(pods.map((pod) => pod.metadata?.uid));
  return replaced.filter((r) => uids.has(r.uid));
}

/**
 * A retry's fresh start: pods stuck from the last attempt are replaced (once), and the pass waits
 * until they are gone before judging the Deployments — until then a Deployment may still count
 * them, their quota is not released and their events describe the last attempt, not this one.
 */
export async function prepareRetry(
  client: KubeClient,
  namespace: string,
  snapshot: NamespaceSnapshot,
  attempt: Attempt,
  signal: AbortSignal,
): Promise<Waiting | null> {
  if (!attempt.retrying || attempt.freshStartDone) return null;
  const { timeline } = attempt;
  if (!attempt.replacedPods) {
    attempt.replacedPods = await replaceStuckPods(client, namespace, snapshot.pods, signal);
    if (attempt.replacedPods.length === 0) {
      attempt.freshStartDone = true;
      return null;
    }
    const names = attempt.replacedPods.map((r) => r.name).join(', ');
    timeline.note('retry', 'started', `Replacing pods stuck from the last attempt: ${names}`);
  }
  const names = attempt.replacedPods.map((r) => r.name).join(', ');
  if (replacedStillThere(snapshot.pods, attempt.replacedPods).length > 0)
    return { step: 'retry', what: `the replaced pods ${names} to stop` };
  attempt.release.sawTerminating();
  attempt.freshStartDone = true;
  timeline.note('retry', 'completed', `Replaced pods stuck from the last attempt: ${names}`);
  return null;
}

const versionKey = (obj: ApiObject) =>
  `${obj.metadata?.uid ?? obj.metadata?.name}@${obj.metadata?.resourceVersion ?? ''}`;

/** Remembers the first snapshot of a wait; later snapshots keep only what changed since. */
export class Baseline {
  private seen: Set<string> | null = null;

  /** With enabled false, snapshots pass through unchanged (a first attempt trusts everything). */
  constructor(private readonly enabled: boolean) {}

  filter(snapshot: NamespaceSnapshot): NamespaceSnapshot {
    if (!this.enabled) return snapshot;
    if (!this.seen) {
      this.seen = new Set([...snapshot.events, ...snapshot.pods, ...snapshot.deployments].map(versionKey));
    }
    const seen = this.seen;
    const fresh = (items: ApiObject[]) => items.filter((item) => !seen.has(versionKey(item)));
    return {
      ...snapshot,
      events: fresh(snapshot.events),
      pods: fresh(snapshot.pods),
      deployments: fresh(snapshot.deployments),
    };
  }
}
