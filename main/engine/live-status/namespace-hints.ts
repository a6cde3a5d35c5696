// Which store namespaces a cluster-wide watch says changed, so the polled kinds of just those are
// listed again at once instead of at the next sweep: pods that came or went (a Deployment deleted,
// scaled or rolled replaces its pods), a namespace deleted, terminating or recreated.
import type { ApiObject } from '../../kube/kube-object';

type Fingerprint = (objects: ApiObject[]) => string;

export class NamespaceHints {
  private last: Map<string, string> | null = null;

  constructor(
    private readonly groupOf: (obj: ApiObject) => string | undefined,
    private readonly fingerprint: Fingerprint,
  ) {}

  /** Namespaces whose fingerprint differs from the previous call's (none on the first: a baseline). */
  changed(items: ApiObject[]): string[] {
    const groups = new Map<string, ApiObject[]>();
    for (const obj of items) {
      const key = this.groupOf(obj);
      if (key) (groups.get(key) ?? groups.set(key, []).get(key)!).push(obj);
    }
    const now = new Map([...groups].map(([key, objects]) => [key, this.fingerprint(objects)]));
    const before = this.last;
    this.last = now;
    if (!before) return [];
    const keys = new Set([...before.keys(), ...now.keys()]);
    return [...keys].filter((key) => before.get(key) !== now.get(key));
  }
}

const uidOf = (obj: ApiObject): string => obj.metadata?.uid ?? obj.metadata?.name ?? '';

/** Pods by namespace; changed when a pod appears or goes (not on status updates). */
export const podHints = (): NamespaceHints =>
  new NamespaceHints(
    (pod) => pod.metadata?.namespace,
    (pods) => pods.map(uidOf).sort().join(),
  );

/** Namespaces by name; changed when one is deleted, starts terminating or is recreated. */
export const namespaceHints = (): NamespaceHints =>
  new NamespaceHints(
    (ns) => ns.metadata?.name,
    ([ns]) => (ns ? `${uidOf(ns)}:${ns.metadata?.deletionTimestamp ?? ''}` : ''),
  );
