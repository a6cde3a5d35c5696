import type { KubeObject, ResourceKey, StoreDeleteOptions } from '../types.js';

/** The finalizer the garbage collector holds a Foreground-deleted owner by (metav1.FinalizerDeleteDependents). */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export type DeleteDecision =
  /** Gone now (no grace period and no finalizers). */
  | { kind: 'remove' }
  /** Kept with these metadata changes (deletionTimestamp, grace, finalizers): a MODIFIED event. */
  | { kind: 'mark'; metadata: Partial<KubeObject['metadata']> }
  /** Already being deleted gracefully within a shorter or equal period: nothing changes. */
  | { kind: 'pending' };

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The pod strategy's CheckGracefulDelete (pkg/registry/core/pod/strategy.go): the period the
 * client asked for, else spec.terminationGracePeriodSeconds; 0 for a pod never scheduled or
 * already Succeeded/Failed; a negative period is 1 s.
 */
export function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  let period = requested ?? Number(pod.spec?.terminationGracePeriodSeconds ?? 0);
  if (!pod.spec?.nodeName) period = 0;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') period = 0;
  return period < 0 ? 1 : period;
}

/**
 * What a DELETE does to an object, as the generic registry's BeforeDelete and
 * updateForGracefulDeletionAndFinalizers do: pods are deleted gracefully (deletionTimestamp is
 * the time the grace period ends, generation bumped); a second delete may only shorten the
 * period, and one with a period of 0 (or on a pod whose period is already 0) removes it.
 * propagationPolicy Foreground adds the foregroundDeletion finalizer, which the garbage collector
 * removes once the blocking dependents are gone. Objects with finalizers stay with a
 * deletionTimestamp until an update empties them.
 */
export function decideDelete(
  key: ResourceKey,
  obj: KubeObject,
  opts: StoreDeleteOptions,
  now: number,
  pendingFinalizers: number,
): DeleteDecision {
  const meta = obj.metadata;
  const graceful = key === 'pods';
  const requested =
    opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0 ? 1 : opts.gracePeriodSeconds;
  const finalizers = [...(meta.finalizers ?? [])];
  const foreground =
    opts.propagationPolicy === 'Foreground' &&
    key !== 'namespaces' &&
    !finalizers.includes(FOREGROUND_FINALIZER);
  if (foreground) finalizers.push(FOREGROUND_FINALIZER);
  const blocked = pendingFinalizers + (foreground ? 1 : 0) > 0;

  if (meta.deletionTimestamp) {
    const current = meta.deletionGracePeriodSeconds ?? 0;
    const shorter = graceful && current > 0 && requested !== undefined && requested < current;
    if (!foreground && !shorter) {
      if (graceful && current > 0) return { kind: 'pending' };
      return blocked ? { kind: 'pending' } : { kind: 'remove' };
    }
    if (shorter && requested === 0 && !blocked) return { kind: 'remove' };
    const metadata: Partial<KubeObject['metadata']> = { finalizers };
    if (shorter) {
      // The new deadline is the old one moved back by the difference (BeforeDelete's arithmetic).
      const end = Date.parse(meta.deletionTimestamp) - current * 1000 + (requested as number) * 1000;
      metadata.deletionTimestamp = isoSeconds(end);
      metadata.deletionGracePeriodSeconds = requested;
    }
    return { kind: 'mark', metadata };
  }

  const period = graceful ? podGracePeriod(obj, requested) : 0;
  if (period === 0 && !blocked) return { kind: 'remove' };
  return {
    kind: 'mark',
    metadata: {
      deletionTimestamp: isoSeconds(now + period * 1000),
      deletionGracePeriodSeconds: period,
      generation: (meta.generation ?? 1) + 1,
      ...(finalizers.length ? { finalizers } : {}),
    },
  };
}
