import type { KubeObject } from '../types.js';

// Small shared helpers: keys, owner references, timestamps, conditions, label selectors.

export const objKey = (obj: KubeObject): string => `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** RFC 3339 with whole seconds, as metav1.Time serialises. */
export const isoSeconds = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** RFC3339Nano as Go prints it (trailing zeros of the fraction dropped). */
export function isoNano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}

export type OwnerRef = NonNullable<KubeObject['metadata']['ownerReferences']>[number];

export function controllerRef(owner: KubeObject): OwnerRef {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export const controllerOf = (obj: KubeObject): OwnerRef | undefined =>
  obj.metadata.ownerReferences?.find((r) => r.controller);

export const isOwnedBy = (obj: KubeObject, owner: KubeObject): boolean =>
  !!owner.metadata.uid && (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
  [k: string]: unknown;
}

/**
 * Sets one condition: lastTransitionTime moves only when the status flips; extra time fields
 * (lastUpdateTime, lastProbeTime) are refreshed when anything changed, like the real controllers.
 */
export function setCondition(conditions: Condition[] | undefined, next: Condition, now: string): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const old = i >= 0 ? list[i] : undefined;
  if (old && old.status === next.status && old.reason === next.reason && old.message === next.message)
    return list;
  const merged: Condition = {
    ...next,
    lastTransitionTime: old && old.status === next.status ? old.lastTransitionTime : now,
  };
  if ('lastUpdateTime' in next) merged.lastUpdateTime = now;
  if ('lastProbeTime' in next && next.lastProbeTime !== null) merged.lastProbeTime = now;
  if (i >= 0) list[i] = merged;
  else list.push(merged);
  return list;
}

export const findCondition = (conditions: Condition[] | undefined, type: string): Condition | undefined =>
  conditions?.find((c) => c.type === type);

export const removeCondition = (conditions: Condition[] | undefined, type: string): Condition[] =>
  (conditions ?? []).filter((c) => c.type !== type);

interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: SelectorRequirement[];
}

/** metav1.LabelSelector semantics; an empty selector matches everything. */
export function matchesSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of selector?.matchExpressions ?? []) {
    const has = req.key in l;
    const val = l[req.key];
    const values = req.values ?? [];
    if (req.operator === 'In' && !(has && values.includes(val as string))) return false;
    if (req.operator === 'NotIn' && has && values.includes(val as string)) return false;
    if (req.operator === 'Exists' && !has) return false;
    if (req.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
