// The retry's fresh start as one step: replace the pods stuck from the last attempt and wait for
// them to be gone (they stay Terminating for their grace period) before judging the Deployments.
import type { KubeClient } from '../kube/client';
import type { Deadline } from './deadline';
import { awaitReplacedPodsGone, replaceStuckPods } from './fresh-start';
import type { QuotaRelease } from './graceful-deletion';
import type { Timeline } from './store-writer';

export async function replaceStuckPodsAndWait(
  client: KubeClient,
  namespace: string,
  timeline: Timeline,
  deadline: Deadline,
  signal: AbortSignal,
  /** Told when the replaced pods are gone: their quota is released only after the next recount. */
  release?: QuotaRelease,
): Promise<void> {
  const replaced = await replaceStuckPods(client, namespace, signal);
  if (replaced.length === 0) return;
  const names = replaced.map((r) => r.name).join(', ');
  timeline.note('retry', 'started', `Replacing pods stuck from the last attempt: ${names}`);
  await awaitReplacedPodsGone(client, namespace, replaced, { timeoutMs: deadline.remainingMs(), signal });
  release?.sawTerminating();
  timeline.note('retry', 'completed', `Replaced pods stuck from the last attempt: ${names}`);
}
