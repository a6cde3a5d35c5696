// Diagnosis from pod state: images that cannot be pulled, containers that keep crashing or cannot
// be configured, pods that cannot be scheduled, and readiness probes that keep failing.
import type { Diagnosis } from '../strategy';
import { createProblem, livenessProblem, readinessProblem } from './diagnose-signals';
import {
  componentOf,
  diagnosis,
  displayName,
  livePods,
  type ContainerStatus,
  type EventShape,
  type PodShape,
} from './observed-shapes';

const PULL_REASONS: Record<string, boolean /* terminal */> = {
  ImagePullBackOff: true, // the kubelet already retried and is backing off
  InvalidImageName: true,
  ErrImageNeverPull: true,
  ErrImagePull: false, // the first failure: may be a registry hiccup, the kubelet retries
};

/** Restarts after which a crash loop is a fault of the store, not a slow start. */
export const CRASH_LOOP_RESTARTS = 3;

function statusesOf(pod: PodShape): ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

/** The image as the pod spec asked for it (runtimes may report a normalised name). */
function imageOf(pod: PodShape, status: ContainerStatus): string {
  const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find(
    (c) => c.name === status.name,
  );
  return spec?.image ?? status.image ?? 'unknown image';
}

function containerProblem(pod: PodShape, status: ContainerStatus, events: EventShape[]): Diagnosis | null {
  const component = componentOf(pod.metadata);
  const who = displayName(component);
  const signalled = livenessProblem(pod, status, events) ?? createProblem(pod, status, events);
  if (signalled) return signalled;
  const waiting = status.state?.waiting;
  const reason = waiting?.reason ?? '';
  const detail = waiting?.message ? ` (${waiting.message})` : '';
  if (reason in PULL_REASONS) {
    return diagnosis(
      component,
      'ImagePullBackOff',
      `${who} cannot start: the image "${imageOf(pod, status)}" cannot be pulled, ${reason}${detail}. ` +
        'Check the image registry setting and that the cluster can reach it.',
      PULL_REASONS[reason] ?? true,
    );
  }
  if (reason === 'CrashLoopBackOff') {
    const restarts = status.restartCount ?? 0;
    const last = status.lastState?.terminated;
    const lastExit = last
      ? `; last exit: ${last.reason ?? 'Error'}${last.exitCode !== undefined ? ` (code ${last.exitCode})` : ''}`
      : '';
    return diagnosis(
      component,
      'CrashLoopBackOff',
      `${who} keeps crashing: container "${status.name}" restarted ${restarts} times${lastExit}. Its logs (Logs tab) say why.`,
      restarts >= CRASH_LOOP_RESTARTS,
    );
  }
  return null;
}

function unschedulable(pod: PodShape): Diagnosis | null {
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') return null;
  // Drop the scheduler's "preemption: …" tail: it restates the same nodes.
  const why = (scheduled.message ?? 'no node fits').split(' preemption:')[0]?.trim();
  const component = componentOf(pod.metadata);
  return diagnosis(
    component,
    'Unschedulable',
    `${displayName(component)} cannot be scheduled on any node: ${why}`,
    false,
  );
}

function probeFailing(pods: PodShape[], events: EventShape[]): Diagnosis | null {
  for (const pod of pods) {
    const problem = readinessProblem(pod, events);
    if (problem) return problem;
  }
  return null;
}

/** Every pod-level problem, most telling first. */
export function podDiagnoses(allPods: PodShape[], events: EventShape[]): Diagnosis[] {
  const pods = livePods(allPods);
  const found: Diagnosis[] = [];
  for (const pod of pods) {
    for (const status of statusesOf(pod)) {
      const problem = containerProblem(pod, status, events);
      if (problem) found.push(problem);
    }
  }
  for (const pod of pods) {
    const problem = unschedulable(pod);
    if (problem) found.push(problem);
  }
  const probe = probeFailing(pods, events);
  if (probe) found.push(probe);
  return found;
}
