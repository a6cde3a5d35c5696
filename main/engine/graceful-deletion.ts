// Graceful deletion as a real cluster does it: a deleted pod stays Terminating for its grace
// period, keeps counting against the ResourceQuota until it is gone (and the quota controller
// recounts a moment later), and its events outlive it by an hour. None of that is evidence about
// the store's current pods. Small pure helpers, so each wait (and a pass-based reconciler) can
// apply them the same way.
import type { ApiObject } from '../kube/kube-object';
import type { NamespaceSnapshot } from './observe';
import type { Diagnosis } from './strategies/strategy';

export const isTerminating = (obj: ApiObject): boolean => !!obj.metadata?.deletionTimestamp;

/**
 * The snapshot without pods that are on their way out, and without the events about pods that
 * are terminating or gone (a replaced pod's BackOff events must not fail its replacement).
 */
export function withoutDepartedPods(snapshot: NamespaceSnapshot): NamespaceSnapshot {
  const live = snapshot.pods.filter((pod) => !isTerminating(pod));
  const liveUids = new Set(live.map((pod) => pod.metadata?.uid));
  const liveNames = new Set(live.map((pod) => pod.metadata?.name));
  return {
    ...snapshot,
    pods: live,
    events: snapshot.events.filter((event) => {
      const about = event.involvedObject as { kind?: string; name?: string; uid?: string } | undefined;
      if (about?.kind !== 'Pod') return true;
      return about.uid ? liveUids.has(about.uid) : liveNames.has(about.name);
    }),
  };
}

/** How long after the last terminating pod is gone the quota controller may still count it. */
export const QUOTA_RECOUNT_GRACE_MS = 15_000;

/**
 * A quota refusal while pods terminate is a wait, not a failure: those pods still count until
 * they are gone and the quota controller has recounted (shortly after). Feed it every snapshot;
 * it turns a terminal QuotaExceeded into a non-terminal one during that window. A refusal is also
 * a wait for its first QUOTA_RECOUNT_GRACE_MS: the store's watches are separate streams, so the
 * Deployment's ReplicaFailure can arrive before the deletionTimestamp of the pod that holds the
 * quota (found by test/integration/engine-graceful.test.ts).
 */
export class QuotaRelease {
  private lastTerminatingAt = Number.NEGATIVE_INFINITY;
  private refusedSince: number | null = null;
  /** When the refusal softened last must be judged again (nothing else may bring the pass back). */
  private softUntil: number | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  observe(snapshot: NamespaceSnapshot): void {
    if (snapshot.pods.some(isTerminating)) this.sawTerminating();
  }

  /** Pods were terminating until now (e.g. the ones a retry replaced and waited out). */
  sawTerminating(): void {
    this.lastTerminatingAt = this.now();
  }

  /** Pods are terminating, or were moments ago: quota they hold is about to be released. */
  releasing(): boolean {
    return this.now() - this.lastTerminatingAt <= QUOTA_RECOUNT_GRACE_MS;
  }

  soften(diagnosis: Diagnosis | null): Diagnosis | null {
    this.softUntil = null;
    if (!diagnosis?.terminal || diagnosis.cause !== 'QuotaExceeded') {
      this.refusedSince = null;
      return diagnosis;
    }
    const now = this.now();
    this.refusedSince ??= now;
    const fresh = now - this.refusedSince < QUOTA_RECOUNT_GRACE_MS;
    if (!this.releasing() && !fresh) return diagnosis;
    this.softUntil = Math.max(
      this.lastTerminatingAt + QUOTA_RECOUNT_GRACE_MS + 1,
      this.refusedSince + QUOTA_RECOUNT_GRACE_MS,
    );
    const why = this.releasing()
      ? 'pods being deleted still count against the quota until they are gone'
      : "the quota controller's next recount may release quota held by pods being deleted";
    return { ...diagnosis, terminal: false, message: `${diagnosis.message} Waiting: ${why}.` };
  }

  /** Ms until a refusal softened by the last soften() is terminal again (null: none was softened). */
  recheckInMs(): number | null {
    return this.softUntil === null ? null : Math.max(1, this.softUntil - this.now());
  }
}
