// A cluster that does not answer at all (connection refused, no answer, a certificate that no
// longer matches) neither fails the store nor spends its time limits: the laptop being offline
// is not the store's fault. The first pass that finds it so says so in the timeline; the store
// is looked at again every few seconds (a fresh client each time, so a reloaded kubeconfig is
// used at once), and the pass that gets through again says so and gives the time back.
import type { KubeClient } from '../kube/client';
import type { Attempt } from './attempt';
import { mayBeUnreachable } from './cluster-wait';
import { probeOnce } from './live-status/context-probe';

export const UNREACHABLE_RECHECK_MS = 2_000;
const PROBE_TIMEOUT_MS = 3_000;

/** Why the context's cluster does not answer, or null when it does. */
async function clusterProblem(
  clientFor: (context: string) => KubeClient,
  context: string,
): Promise<string | null> {
  try {
    return await probeOnce(clientFor(context), PROBE_TIMEOUT_MS);
  } catch (error) {
    return (error as Error).message; // the kubeconfig lost the context or cannot be read
  }
}

/**
 * After a pass failed: true (the store waits for its cluster; look again in a moment) when the
 * error had no HTTP answer behind it and the cluster really does not answer.
 */
export async function waitingForCluster(
  error: unknown,
  clientFor: (context: string) => KubeClient,
  context: string,
  attempt: Attempt,
  now: number,
): Promise<boolean> {
  if (!mayBeUnreachable(error)) return false;
  const problem = await clusterProblem(clientFor, context);
  if (problem === null) return false;
  if (attempt.unreachableSince === null) {
    attempt.unreachableSince = now;
    const step = attempt.timeline.current;
    attempt.timeline.note(
      'cluster',
      'started',
      `Cluster ${context} unreachable: ${problem} — waiting for it`,
    );
    // The wait is not a step of the store: failures after it belong to the step that was running.
    attempt.timeline.current = step;
  }
  return true;
}

/** A pass got through to the cluster: if it had been unreachable, say so and give the time back. */
export function clusterAnswers(attempt: Attempt, context: string, now: number): void {
  if (attempt.unreachableSince === null) return;
  const waited = Math.max(0, now - attempt.unreachableSince);
  attempt.unreachableSince = null;
  attempt.deadline.extend(waited);
  const step = attempt.timeline.current;
  attempt.timeline.note(
    'cluster',
    'completed',
    `Cluster ${context} answers again (after ${Math.round(waited / 1000)} s)`,
  );
  attempt.timeline.current = step;
}
