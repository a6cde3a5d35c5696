// The kubelet's signals about a WooCommerce pod in plain words: a container it cannot create
// (CreateContainerConfigError / CreateContainerError), one it keeps killing because its liveness
// probe fails, and one that runs but never passes its readiness probe. The facts come from
// signals/workload-signals.ts; this file only decides what to tell the user and when it is final.
import type { Diagnosis } from '../strategy';
import { createFailure, killedByLiveness, probeFailure } from '../../signals/workload-signals';
import {
  componentOf,
  diagnosis,
  displayName,
  type ContainerStatus,
  type EventShape,
  type PodShape,
} from './observed-shapes';

/** Kubelet attempts after which a container that cannot be created is a fault (it retries with back-off). */
export const CREATE_ATTEMPTS = 3;
/** Liveness kills after which a restarting container is a fault of the store. */
export const LIVENESS_RESTARTS = 3;
/** How long a readiness probe may fail (connection refused: still starting) before it is reported. */
export const PROBE_FAILING_AFTER_SECONDS = 120;
/** Failures after which an app that answers its readiness probe wrongly (an HTTP status) is reported. */
export const PROBE_ANSWERS_WRONG_TIMES = 3;

const minutes = (s: number): string => {
  const m = Math.round(s / 60);
  return s < 90 ? `${Math.round(s)} seconds` : `${m} minutes`;
};

export function createProblem(
  pod: PodShape,
  status: ContainerStatus,
  events: EventShape[],
): Diagnosis | null {
  const failure = createFailure(pod, status.state?.waiting, events);
  if (!failure) return null;
  const component = componentOf(pod.metadata);
  const who = displayName(component);
  const container = `container "${status.name}"`;
  const tries = failure.attempts > 1 ? ` The kubelet has tried ${failure.attempts} times.` : '';
  const says: Record<typeof failure.kind, string> = {
    'missing-config': `${who} cannot start: ${container} refers to a Secret, ConfigMap or key that does not exist (${failure.message}). Repair puts the store's Secrets back.`,
    security: `${who} cannot start: ${container}'s security settings do not fit its image (${failure.message}).`,
    config: `${who} cannot start: the kubelet cannot set up ${container} (${failure.message}).`,
    runtime: `${who} cannot start: the container runtime on the node refuses to create ${container} (${failure.message}). Deleting the pod or restarting the node's runtime usually clears it.`,
  };
  return diagnosis(
    component,
    failure.reason === 'CreateContainerError' ? 'CreateContainerError' : 'ContainerConfigError',
    `${says[failure.kind]}${tries}`,
    failure.attempts >= CREATE_ATTEMPTS,
  );
}

export function livenessProblem(
  pod: PodShape,
  status: ContainerStatus,
  events: EventShape[],
): Diagnosis | null {
  const restarts = status.restartCount ?? 0;
  if (restarts < 1 || !killedByLiveness(pod, events, status.name)) return null;
  const component = componentOf(pod.metadata);
  const probe = probeFailure(pod, events, ['Liveness']);
  const detail = probe?.detail ? ` (${probe.detail})` : '';
  return diagnosis(
    component,
    'LivenessProbeFailing',
    `${displayName(component)} keeps being restarted: its liveness probe fails${detail}, so the kubelet kills container "${status.name}" — ${restarts} restart${restarts === 1 ? '' : 's'} so far. Its logs (Logs tab) say why it stops answering.`,
    restarts >= LIVENESS_RESTARTS,
  );
}

/** A pod whose containers run but that never turns Ready because a readiness probe keeps failing. */
export function readinessProblem(pod: PodShape, events: EventShape[]): Diagnosis | null {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (ready || pod.status?.phase !== 'Running') return null;
  const probe = probeFailure(pod, events, ['Readiness']);
  if (!probe) return null;
  const answersWrong = /statuscode: \d+/.test(probe.detail);
  const long = probe.seconds >= PROBE_FAILING_AFTER_SECONDS;
  if (!long && !(answersWrong && probe.times >= PROBE_ANSWERS_WRONG_TIMES)) return null;
  const component = componentOf(pod.metadata);
  const over = probe.seconds > 0 ? ` over ${minutes(probe.seconds)}` : '';
  return diagnosis(
    component,
    'ProbeFailing',
    `${displayName(component)} is running but not ready: its readiness probe keeps failing (${probe.detail || 'no output'}), ${probe.times} time${probe.times === 1 ? '' : 's'}${over}.`,
    false,
  );
}
