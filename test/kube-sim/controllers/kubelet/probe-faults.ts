// How fault patterns shape a container's probes and creation: which apps answer their probes
// badly, when a failing liveness probe gets a container killed, and a runtime that refuses to
// create a container. Kept apart from kubelet.ts so each signal reads on its own.
import type { FaultConfig } from '../../types.js';
import type { ContainerRun, RunPlan } from './container-run.js';
import { livenessKillAfterMs, type ProbedContainer } from './probes.js';

const matches = (pattern: string | undefined, text: string): boolean =>
  !!pattern && new RegExp(pattern).test(text);

export interface ProbeFaults {
  readinessFails: boolean;
  livenessFails: boolean;
}

export function probeFaults(
  faults: FaultConfig,
  image: string,
  c: ProbedContainer,
  /** `<pod>/<container>`, for containerUnreadyPattern (containers sharing an image). */
  target = '',
): ProbeFaults {
  return {
    readinessFails:
      !!c.readinessProbe &&
      (matches(faults.readinessProbeFailPattern, image) || matches(faults.containerUnreadyPattern, target)),
    livenessFails: !!c.livenessProbe && matches(faults.livenessProbeFailPattern, image),
  };
}

/**
 * A long-running container's plan under probe faults: never Ready while its readiness probe
 * fails; killed (exit 137, as when SIGTERM is ignored until the grace period ends) on the
 * failureThreshold-th failed liveness probe, then restarted by the usual back-off.
 */
export function withProbeFaults(
  base: RunPlan,
  run: ContainerRun,
  c: ProbedContainer,
  f: ProbeFaults,
): RunPlan {
  const plan: RunPlan = { ...base, upAfterMs: base.readyAfterMs };
  if (f.readinessFails) plan.readyAfterMs = Number.POSITIVE_INFINITY;
  const killAfter = f.livenessFails ? livenessKillAfterMs(c, base.readyAfterMs) : undefined;
  if (killAfter !== undefined && (plan.exitAfterMs === undefined || killAfter < plan.exitAfterMs)) {
    plan.exitAfterMs = killAfter;
    plan.exitCode = 137;
    plan.killMessage = `Container ${run.name} failed liveness probe, will be restarted`;
  }
  return plan;
}

/**
 * containerd's answer when the name it would give the container is still held by an earlier
 * attempt (a kubelet restart, a slow disk): the CreateContainer call fails and the kubelet
 * retries with back-off (waiting reason CreateContainerError).
 */
export function createContainerError(
  faults: FaultConfig,
  run: ContainerRun,
  pod: { name: string; namespace: string; uid: string },
  heldBy: string,
): string | undefined {
  if (!matches(faults.createContainerErrorPattern, run.image)) return undefined;
  const name = `${run.name}_${pod.name}_${pod.namespace}_${pod.uid}_${run.restarts}`;
  return `failed to reserve container name "${name}": name "${name}" is reserved for "${heldBy}"`;
}
