// Why a Ready store's pod is unwell, in the kubelet's words when it has said them: a container it
// cannot create (from the pod's own status), a readiness probe that fails, or liveness kills
// (from the pod's events, which the live-status hub reads for unwell pods only).
import type { ApiObject } from '../../kube/kube-object';
import { createFailure, killedByLiveness, probeFailure, type SignalEvent } from '../signals/workload-signals';

interface Waiting {
  name?: string;
  state?: { waiting?: { reason?: string; message?: string } };
}

/** "cannot start container "c": <kubelet message>" for CreateContainer(Config)Error, else null. */
export function createReason(pod: ApiObject, events: SignalEvent[]): string | null {
  for (const c of (pod.status?.containerStatuses ?? []) as Waiting[]) {
    const failure = createFailure(pod, c.state?.waiting, events);
    if (failure) return `cannot start container "${c.name}": ${failure.message} (${failure.reason})`;
  }
  return null;
}

/** The failing readiness probe's words for a pod that runs but is not ready, else null. */
export function readinessReason(pod: ApiObject, events: SignalEvent[]): string | null {
  const probe = probeFailure(pod, events, ['Readiness', 'Startup']);
  return probe ? `${probe.probe.toLowerCase()} probe failing: ${probe.detail || 'no output'}` : null;
}

/** Why restarts climb when the kubelet kills the container for its liveness probe, else null. */
export function livenessReason(pod: ApiObject, events: SignalEvent[]): string | null {
  if (!killedByLiveness(pod, events)) return null;
  const probe = probeFailure(pod, events, ['Liveness']);
  return `liveness probe failing${probe?.detail ? `: ${probe.detail}` : ''}`;
}
