import type { KubeObject } from '../../types.js';
import { goDuration } from '../timings.js';
import { isoSeconds, setCondition, type Condition } from '../meta.js';
import { hasCompleted, isReady, type ContainerRun, type Termination } from './container-run.js';
import { parseImage } from '../image.js';

export interface PodRecord {
  uid: string;
  node: string;
  hostIP: string;
  podIP: string;
  startTime: number;
  inits: ContainerRun[];
  containers: ContainerRun[];
  deleting: boolean;
  /** Sim ms at which a terminating pod's containers have stopped and the kubelet removes it. */
  removeAt?: number;
  /** The deletionGracePeriodSeconds removeAt was computed from (a later delete may shorten it). */
  graceSeen?: number;
}

const terminatedState = (t: Termination): Record<string, unknown> => ({
  terminated: {
    exitCode: t.exitCode,
    reason: t.reason,
    startedAt: isoSeconds(t.startedAt),
    finishedAt: isoSeconds(t.finishedAt),
    containerID: `containerd://${t.containerID}`,
    ...(t.message ? { message: t.message } : {}),
  },
});

function state(run: ContainerRun, waitingReason: string, podRef: string): Record<string, unknown> {
  switch (run.phase) {
    case 'running':
      return { running: { startedAt: isoSeconds(run.current?.startedAt ?? 0) } };
    case 'terminated':
      return run.terminated ? terminatedState(run.terminated) : { waiting: { reason: waitingReason } };
    case 'pull-error':
    case 'config-error':
      return { waiting: { reason: run.errorReason, message: run.errorMessage } };
    case 'pull-backoff':
      return {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${run.image}": ${run.errorReason}: ${run.errorMessage}`,
        },
      };
    case 'crash-backoff':
      return {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(run.backoffMs ?? 0)} restarting failed container=${run.name} pod=${podRef}`,
        },
      };
    default:
      return { waiting: { reason: waitingReason } };
  }
}

function containerStatus(
  run: ContainerRun,
  now: number,
  waitingReason: string,
  podRef: string,
): Record<string, unknown> {
  return {
    name: run.name,
    state: state(run, waitingReason, podRef),
    lastState: run.last ? terminatedState(run.last) : {},
    ready: isReady(run, now),
    restartCount: run.restarts,
    image: parseImage(run.image).full,
    imageID: run.imageID,
    ...(run.containerID ? { containerID: `containerd://${run.containerID}` } : {}),
    started: run.phase === 'running',
  };
}

/** A container that has never run and is waiting counts as pending; one waiting to restart as stopped (kubelet getPhase). */
function podPhase(rec: PodRecord, restartPolicy: string): string {
  const initsDone = rec.inits.every(hasCompleted);
  if (!initsDone) {
    const failedInit = rec.inits.some(
      (r) => r.phase === 'terminated' && !r.restartPending && (r.terminated?.exitCode ?? 0) !== 0,
    );
    return failedInit ? 'Failed' : 'Pending';
  }
  let pending = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const r of rec.containers) {
    if (r.phase === 'running') running += 1;
    else if (r.phase === 'terminated' && r.terminated) {
      stopped += 1;
      if (r.terminated.exitCode === 0) succeeded += 1;
    } else if (r.last) stopped += 1;
    else pending += 1;
  }
  if (rec.deleting && running === 0) return stopped === succeeded ? 'Succeeded' : 'Failed';
  if (pending > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (restartPolicy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

/** The status the kubelet would report for this pod right now. */
export function buildPodStatus(pod: KubeObject, rec: PodRecord, now: number): Record<string, unknown> {
  const restartPolicy = String(pod.spec?.restartPolicy ?? 'Always');
  const phase = podPhase(rec, restartPolicy);
  const stamp = isoSeconds(now);
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  const initsDone = rec.inits.every(hasCompleted);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const unready = rec.containers.filter((r) => !isReady(r, now)).map((r) => r.name);
  const incomplete = rec.inits.filter((r) => !hasCompleted(r)).map((r) => r.name);
  const prev = (pod.status?.conditions ?? []) as Condition[];
  let conditions: Condition[] = prev.filter((c) => c.type === 'PodScheduled');
  const carry = (c: Condition): void => {
    const old = prev.find((p) => p.type === c.type);
    conditions = setCondition(old ? [...conditions, old] : conditions, c, stamp);
  };
  carry({ type: 'PodReadyToStartContainers', status: terminal ? 'False' : 'True', lastProbeTime: null });
  carry(
    initsDone
      ? { type: 'Initialized', status: 'True', lastProbeTime: null }
      : {
          type: 'Initialized',
          status: 'False',
          reason: 'ContainersNotInitialized',
          message: `containers with incomplete status: [${incomplete.join(' ')}]`,
          lastProbeTime: null,
        },
  );
  const readiness: Pick<Condition, 'status' | 'reason' | 'message' | 'lastProbeTime'> = terminal
    ? { status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed', lastProbeTime: null }
    : unready.length
      ? {
          status: 'False',
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${unready.join(' ')}]`,
          lastProbeTime: null,
        }
      : { status: 'True', lastProbeTime: null };
  carry({ type: 'Ready', ...readiness });
  carry({ type: 'ContainersReady', ...readiness });
  const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  conditions.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const mainWaiting = initsDone ? 'ContainerCreating' : 'PodInitializing';
  return {
    ...(pod.status?.qosClass ? { qosClass: pod.status.qosClass } : {}),
    phase,
    conditions,
    hostIP: rec.hostIP,
    hostIPs: [{ ip: rec.hostIP }],
    podIP: rec.podIP,
    podIPs: [{ ip: rec.podIP }],
    startTime: isoSeconds(rec.startTime),
    ...(rec.inits.length
      ? { initContainerStatuses: rec.inits.map((r) => containerStatus(r, now, 'PodInitializing', podRef)) }
      : {}),
    containerStatuses: [...rec.containers]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => containerStatus(r, now, mainWaiting, podRef)),
  };
}
