// The setup Job's TTL removes it, and its pods, minutes after it finishes: the moment the
// engine sees it finish, each of its pods' logs is kept in the store's timeline (saved_logs),
// with the kubelet's timestamps, so the Logs tab can still show why setup failed (or what it did).
import type { SavedLog } from '../../preload/contract';
import type { KubeClient } from '../kube/client';
import type { ApiObject } from '../kube/kube-object';
import { KINDS } from '../kube/kinds';
import { LABEL } from './model/labels';
import { podsOfJob } from './observe';
import type { Timeline } from './store-writer';

// A job with retries has one pod per attempt; its newest few are worth keeping.
const MAX_PODS = 4;
// The repository keeps the last megabyte; this only bounds what one read can bring back.
const READ_TAIL_LINES = 50_000;

/** Best effort: a log that cannot be read is never a reason for setup to fail. Returns how many were kept. */
export async function keepSetupLog(
  client: KubeClient,
  namespace: string,
  jobName: string,
  outcome: SavedLog['outcome'],
  timeline: Timeline,
  signal?: AbortSignal,
  /** The namespace's pods as a watch cache holds them (then no list is made). */
  known?: ApiObject[],
): Promise<number> {
  let kept = 0;
  try {
    const all = known ?? (await client.list(KINDS.Pod, { namespace }, signal)).items;
    const pods = podsOfJob(all, jobName);
    for (const pod of pods.slice(0, MAX_PODS).reverse()) {
      const name = pod.metadata?.name;
      const container = (pod.spec?.containers as Array<{ name?: string }> | undefined)?.[0]?.name;
      if (!name || !container) continue;
      const lines = await client.readLog(
        namespace,
        name,
        { container, tailLines: READ_TAIL_LINES, timestamps: true },
        signal,
      );
      const failed = pod.status?.phase === 'Failed';
      const component = pod.metadata?.labels?.[LABEL.component] ?? 'setup';
      if (
        timeline.attachLog({ pod: name, container, component, outcome: failed ? 'failed' : outcome, lines })
      )
        kept += 1;
    }
  } catch (error) {
    if (signal?.aborted) throw error;
  }
  return kept;
}
