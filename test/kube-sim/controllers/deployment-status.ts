import type { KubeObject } from '../types.js';
import { findCondition, isoSeconds, removeCondition, setCondition, type Condition } from './meta.js';

/** intstr: "25%" of total (rounded up or down) or a plain number. */
export function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? ''));
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function rollingParams(d: KubeObject, replicas: number): { maxSurge: number; maxUnavailable: number } {
  if (d.spec?.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 };
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const maxSurge = resolveIntOrPercent(ru.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = resolveIntOrPercent(ru.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

export interface Counts {
  replicas: number;
  updated: number;
  ready: number;
  available: number;
}

export interface StatusInput {
  d: KubeObject;
  desired: number;
  counts: Counts;
  rsName: string;
  newRs: boolean;
  progressed: boolean;
  timedOut: boolean;
  failure?: string;
  now: number;
}

/** Deployment status as the deployment controller writes it (zero counts are omitted, as in the API). */
export function deploymentStatus(s: StatusInput): Record<string, unknown> {
  const { d, desired, counts, rsName, now } = s;
  const stamp = isoSeconds(now);
  const old = (d.status?.conditions ?? []) as Condition[];
  const maxUnavailable = d.spec?.strategy?.type === 'Recreate' ? 0 : rollingParams(d, desired).maxUnavailable;
  let conditions = setCondition(
    old,
    counts.available >= desired - maxUnavailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: stamp,
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
          lastUpdateTime: stamp,
        },
    stamp,
  );
  const complete = counts.updated === desired && counts.replicas === desired && counts.available === desired;
  const progressing = findCondition(conditions, 'Progressing');
  let next: Condition | undefined;
  if (complete)
    next = {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rsName}" has successfully progressed.`,
      lastUpdateTime: stamp,
    };
  else if (s.newRs)
    next = {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetCreated',
      message: `Created new replica set "${rsName}"`,
      lastUpdateTime: stamp,
    };
  else if (s.progressed)
    next = {
      type: 'Progressing',
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "${rsName}" is progressing.`,
      lastUpdateTime: stamp,
    };
  else if (s.timedOut)
    next = {
      type: 'Progressing',
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rsName}" has timed out progressing.`,
      lastUpdateTime: stamp,
    };
  if (next) {
    const same =
      progressing &&
      progressing.status === next.status &&
      progressing.reason === next.reason &&
      progressing.message === next.message;
    // Progress refreshes lastUpdateTime even when the reason stays (the deadline counts from it).
    conditions =
      same && s.progressed && !complete
        ? conditions.map((c) => (c.type === 'Progressing' ? { ...c, lastUpdateTime: stamp } : c))
        : setCondition(conditions, next, stamp);
  }
  conditions = s.failure
    ? setCondition(
        conditions,
        {
          type: 'ReplicaFailure',
          status: 'True',
          reason: 'FailedCreate',
          message: s.failure,
          lastUpdateTime: stamp,
        },
        stamp,
      )
    : removeCondition(conditions, 'ReplicaFailure');
  const status: Record<string, unknown> = { observedGeneration: d.metadata.generation ?? 1 };
  const put = (k: string, v: number): void => {
    if (v) status[k] = v;
  };
  put('replicas', counts.replicas);
  put('updatedReplicas', counts.updated);
  put('readyReplicas', counts.ready);
  put('availableReplicas', counts.available);
  put('unavailableReplicas', Math.max(0, counts.replicas - counts.available, desired - counts.available));
  status.conditions = conditions;
  return status;
}
