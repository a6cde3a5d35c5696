import type { KubeObject, SimProfile } from '../../types.js';
import type { Runtime } from '../runtime.js';
import { kill, type RunHooks } from './container-run.js';
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

/** One kubelet pass over a terminating pod: not Ready while its containers stop, then deleted for good. */
export function terminatePod(
  rt: Runtime,
  pod: KubeObject,
  rec: PodRecord,
  h: RunHooks,
  now: number,
): number | undefined {
  const { namespace = '', name } = pod.metadata;
  rec.deleting = true;
  const removeAt = terminationDeadline(pod, rec, rt.profile, now);
  if (now < removeAt) {
    const status = terminatingStatus(pod, now);
    if (JSON.stringify(pod.status) !== JSON.stringify(status))
      rt.store.updateStatus('pods', { ...pod, status });
    return removeAt - now;
  }
  for (const run of [...rec.inits, ...rec.containers]) kill(run, h);
  rt.store.delete('pods', namespace, name, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
  return undefined;
}
