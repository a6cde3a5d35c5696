// A pass whose cluster does not answer at all (connection refused, no answer, a certificate that
// no longer matches) neither fails the store nor spends its provisioning budget: the laptop being
// offline is not the store's fault. It says so in the timeline once, checks every few seconds
// with a fresh client (a reloaded kubeconfig is used at once), and returns when the cluster answers.
import type { KubeClient } from '../kube/client';
import { classifyError } from '../kube/errors';
import { abortableDelay } from '../kube/retry';
import { probeOnce } from './live-status/context-probe';
import type { Timeline } from './store-writer';

export interface ClusterWaitOptions {
  intervalMs?: number;
  probeTimeoutMs?: number;
  /** Bound on checks (default: a day at the default interval); the pass's abort ends it sooner. */
  maxChecks?: number;
}

/** An error with no HTTP answer behind it: the cluster may be down (the probe decides). */
export const mayBeUnreachable = (error: unknown): boolean => classifyError(error).status === null;

/**
 * Returns how long it waited: 0 when the cluster answers now (the error was something else),
 * else the time until it answered again (or until the pass was stopped or the bound reached).
 */
export async function waitWhileClusterUnreachable(
  clientFor: (context: string) => KubeClient,
  context: string,
  timeline: Timeline,
  signal: AbortSignal,
  options: ClusterWaitOptions = {},
): Promise<number> {
  const intervalMs = options.intervalMs ?? 2_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
  const maxChecks = options.maxChecks ?? Math.ceil(86_400_000 / intervalMs);
  const check = async (): Promise<string | null> => {
    try {
      return await probeOnce(clientFor(context), probeTimeoutMs);
    } catch (error) {
      return (error as Error).message; // the kubeconfig lost the context or cannot be read
    }
  };
  let problem = await check();
  if (problem === null || signal.aborted) return 0;

  const started = Date.now();
  const step = timeline.current;
  timeline.note('cluster', 'started', `Cluster ${context} unreachable: ${problem} — waiting for it`);
  // The wait is not a step of the store: failures after it belong to the step that was running.
  timeline.current = step;
  for (let checks = 1; problem !== null && checks < maxChecks; checks++) {
    try {
      await abortableDelay(intervalMs, signal);
    } catch {
      return Date.now() - started; // stopped (deleted, app quitting): the next pass starts over
    }
    problem = await check();
  }
  const waited = Date.now() - started;
  if (problem === null)
    timeline.note(
      'cluster',
      'completed',
      `Cluster ${context} answers again (after ${Math.round(waited / 1000)} s)`,
    );
  return waited;
}
