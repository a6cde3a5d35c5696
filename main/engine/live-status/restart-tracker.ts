// "Restarts climbing": a container restart count that went up while we watched, remembered for
// a while, so one old crash (the count stays forever) does not mark a store Degraded for good.
import type { ApiObject } from '../../kube/kube-object';

const RECENT_MS = 10 * 60_000;

interface Seen {
  baseline: number;
  count: number;
  lastIncreaseAt: number;
}

const restartsOf = (pod: ApiObject): number =>
  ((pod.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>).reduce(
    (sum, c) => sum + (c.restartCount ?? 0),
    0,
  );

export class RestartTracker {
  private readonly byUid = new Map<string, Seen>();

  constructor(private readonly now: () => number = Date.now) {}

  /** complete: these are all the pods watched (cluster-wide), so absent ones are gone. */
  observe(pods: ApiObject[], complete: boolean): void {
    const present = new Set<string>();
    for (const pod of pods) {
      const uid = pod.metadata?.uid ?? `${pod.metadata?.namespace}/${pod.metadata?.name}`;
      present.add(uid);
      const count = restartsOf(pod);
      const seen = this.byUid.get(uid);
      // The first sight is the baseline: restarts from before we looked are not "climbing".
      if (!seen) this.byUid.set(uid, { baseline: count, count, lastIncreaseAt: 0 });
      else if (count > seen.count) this.byUid.set(uid, { ...seen, count, lastIncreaseAt: this.now() });
    }
    if (complete) for (const uid of this.byUid.keys()) if (!present.has(uid)) this.byUid.delete(uid);
  }

  /** Restarts since the baseline per pod name, for pods that restarted within the last 10 minutes. */
  recent(pods: ApiObject[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const pod of pods) {
      const seen = this.byUid.get(pod.metadata?.uid ?? `${pod.metadata?.namespace}/${pod.metadata?.name}`);
      if (seen && seen.count > seen.baseline && this.now() - seen.lastIncreaseAt < RECENT_MS)
        out[pod.metadata?.name ?? ''] = seen.count - seen.baseline;
    }
    return out;
  }
}
