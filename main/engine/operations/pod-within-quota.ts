// Making a pod right after another one of the store went away (the console pod of the previous
// command, deleted when its process ended): the old pod counts against the store's quota until
// it has terminated and the quota controller has recounted, so for a moment the API server
// refuses the new one with "exceeded quota". That is a wait, not a failure — bounded.
import type { KubeClient } from '../../kube/client';
import { classifyError } from '../../kube/errors';
import type { KubeObject } from '../../kube/kube-object';
import { abortableDelay } from '../../kube/retry';
import { QUOTA_RECOUNT_GRACE_MS } from '../graceful-deletion';

const QUOTA_REFUSAL = /exceeded quota/i;
const RECHECK_MS = 500;
/** A pod's default grace period (30 s) plus the quota controller's recount. */
export const POD_QUOTA_WAIT_MS = 30_000 + QUOTA_RECOUNT_GRACE_MS;

export async function applyPodWithinQuota(
  client: KubeClient,
  pod: KubeObject,
  options: { waitMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const until = Date.now() + (options.waitMs ?? POD_QUOTA_WAIT_MS);
  for (;;) {
    try {
      await client.apply(pod, { signal: options.signal });
      return;
    } catch (error) {
      const refused = classifyError(error);
      const quota = refused.status === 403 && QUOTA_REFUSAL.test(refused.message);
      if (!quota || Date.now() + RECHECK_MS > until) throw error;
      await abortableDelay(RECHECK_MS, options.signal);
    }
  }
}
