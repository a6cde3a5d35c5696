import type { KubeObject, ObjectStore } from '../types.js';
import {
  addResourceLists,
  maxQuantity,
  parseQuantity,
  parseResourceList,
  type ResourceList,
} from './quantity.js';

type Container = {
  name: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
};

const count = (name: string): ResourceList => ({ [name]: parseQuantity(1) });

/** Pod requests/limits as the scheduler and quota see them: max(sum of containers, largest init container). */
export function podResources(spec: { containers?: Container[]; initContainers?: Container[] } | undefined): {
  requests: ResourceList;
  limits: ResourceList;
} {
  const sum = (which: 'requests' | 'limits'): ResourceList =>
    (spec?.containers ?? []).reduce<ResourceList>(
      (acc, c) => addResourceLists(acc, parseResourceList(c.resources?.[which])),
      {},
    );
  const withInit = (base: ResourceList, which: 'requests' | 'limits'): ResourceList => {
    const out = { ...base };
    for (const c of spec?.initContainers ?? []) {
      for (const [k, v] of Object.entries(parseResourceList(c.resources?.[which])))
        out[k] = out[k] ? maxQuantity(out[k], v) : v;
    }
    return out;
  };
  return { requests: withInit(sum('requests'), 'requests'), limits: withInit(sum('limits'), 'limits') };
}

export const isTerminalPod = (pod: KubeObject): boolean =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/**
 * QuotaV1Pod: a pod charges compute quota until it is terminal, or until its deletion is overdue
 * (deletionTimestamp + deletionGracePeriodSeconds passed: "stuck terminating", e.g. a lost node).
 * A pod in its grace period still counts.
 */
export function chargesQuota(pod: KubeObject, now: number): boolean {
  if (isTerminalPod(pod)) return false;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (deletionTimestamp && deletionGracePeriodSeconds !== undefined)
    return now <= Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000;
  return true;
}

/** What one object charges against a ResourceQuota (pkg/quota/v1/evaluator/core) at sim time `now`. */
export function objectUsage(key: string, obj: KubeObject, now = 0): ResourceList {
  const plural = key.split('.')[0] as string;
  const usage: ResourceList = { ...count(`count/${plural}`) };
  if (key === 'pods') {
    if (!chargesQuota(obj, now)) return usage;
    const { requests, limits } = podResources(obj.spec);
    Object.assign(usage, count('pods'));
    for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
      const req = requests[r];
      const lim = limits[r];
      if (req) {
        usage[r] = req;
        usage[`requests.${r}`] = req;
      }
      if (lim) usage[`limits.${r}`] = lim;
    }
    return usage;
  }
  if (key === 'persistentvolumeclaims') {
    Object.assign(usage, count('persistentvolumeclaims'));
    const storage = obj.spec?.resources?.requests?.storage;
    if (storage !== undefined) usage['requests.storage'] = parseQuantity(storage);
    return usage;
  }
  if (['services', 'secrets', 'configmaps', 'resourcequotas'].includes(key)) Object.assign(usage, count(key));
  return usage;
}

export const QUOTA_KEYS = [
  'pods',
  'persistentvolumeclaims',
  'services',
  'secrets',
  'configmaps',
  'resourcequotas',
];

/** Current usage in a namespace of every resource the quota system can count. */
export function namespaceUsage(store: ObjectStore, namespace: string, now: number): ResourceList {
  let total: ResourceList = {};
  for (const key of QUOTA_KEYS) {
    for (const obj of store.list(key, namespace)) total = addResourceLists(total, objectUsage(key, obj, now));
  }
  return total;
}
