import type { KubeObject, SimProfile } from '../../types.js';
import { isoSeconds, setCondition, type Condition } from '../meta.js';
import type { PodRecord } from './pod-status.js';

/**
 * Graceful termination as the kubelet does it: a pod with a deletionTimestamp gets SIGTERM, is
 * no longer Ready while its containers stop (its phase stays what it was), and once they have
 * stopped — podTerminationMs, or at the latest when the grace period ends — the kubelet deletes
 * it for good (gracePeriodSeconds 0 with a uid precondition, as its status manager does).
 */
export function terminationDeadline(
  pod: KubeObject,
  rec: PodRecord,
  profile: SimProfile,
  now: number,
): number {
  const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? 0);
  if (rec.removeAt !== undefined && rec.graceSeen !== undefined && grace >= rec.graceSeen)
    return rec.removeAt;
  const stopMs = Math.min(grace * 1000, profile.timings.podTerminationMs ?? Number.POSITIVE_INFINITY);
  rec.graceSeen = grace;
  rec.removeAt = Math.min(rec.removeAt ?? Number.POSITIVE_INFINITY, now + stopMs);
  return rec.removeAt;
}

/** The status of a pod whose containers are stopping: nothing Ready, everything else as it was. */
export function terminatingStatus(pod: KubeObject, now: number): Record<string, unknown> {
  const status = structuredClone(pod.status ?? {}) as Record<string, unknown>;
  type Cs = { name: string; ready?: boolean };
  const containers = (status.containerStatuses ?? []) as Cs[];
  for (const c of containers) c.ready = false;
  const stamp = isoSeconds(now);
  const names = containers.map((c) => c.name).sort();
  const notReady: Condition = {
    type: 'Ready',
    status: 'False',
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${names.join(' ')}]`,
    lastProbeTime: null,
  };
  let conditions = (status.conditions ?? []) as Condition[];
  conditions = setCondition(conditions, notReady, stamp);
  conditions = setCondition(conditions, { ...notReady, type: 'ContainersReady' }, stamp);
  status.conditions = conditions;
  return status;
}
