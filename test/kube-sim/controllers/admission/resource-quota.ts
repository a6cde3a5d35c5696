import { StatusError, type AdmissionPlugin, type KubeObject } from '../../types.js';
import {
  parseResourceList,
  prettyPrintList,
  addQuantity,
  compareQuantity,
  type ResourceList,
} from '../quantity.js';
import { namespaceUsage, objectUsage, QUOTA_KEYS } from '../usage.js';

// A pod must state these when a quota tracks them (the "mistake" kept for compatibility upstream).
const MUST_SPECIFY = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

type Container = {
  name: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
};

function containerUsageNames(c: Container): Set<string> {
  const names = new Set<string>();
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  if (req.cpu !== undefined) names.add('cpu').add('requests.cpu');
  if (req.memory !== undefined) names.add('memory').add('requests.memory');
  if (lim.cpu !== undefined) names.add('limits.cpu');
  if (lim.memory !== undefined) names.add('limits.memory');
  return names;
}

/** podEvaluator.Constraints: "must specify limits.cpu for: a,b; requests.memory for: a". */
function missingResources(pod: KubeObject, hard: string[]): string | undefined {
  const required = hard.filter((h) => MUST_SPECIFY.includes(h));
  const missing = new Map<string, Set<string>>();
  for (const c of [
    ...((pod.spec?.containers ?? []) as Container[]),
    ...((pod.spec?.initContainers ?? []) as Container[]),
  ]) {
    const have = containerUsageNames(c);
    for (const r of required) if (!have.has(r)) missing.set(r, (missing.get(r) ?? new Set()).add(c.name));
  }
  if (!missing.size) return undefined;
  return [...missing.keys()]
    .sort()
    .map((r) => `${r} for: ${[...(missing.get(r) as Set<string>)].sort().join(',')}`)
    .join('; ');
}

const mask = (list: ResourceList, names: string[]): ResourceList =>
  Object.fromEntries(Object.entries(list).filter(([k]) => names.includes(k)));

/** ResourceQuota admission on create: constraints, then used + requested ≤ hard for every tracked resource. */
export const resourceQuotaAdmission: AdmissionPlugin = (op, key, obj, _old, store) => {
  if (op !== 'CREATE' || !QUOTA_KEYS.includes(key)) return;
  const namespace = obj.metadata.namespace as string;
  const quotas = store.list('resourcequotas', namespace);
  if (!quotas.length) return;
  const plural = key;
  const deny = (message: string): StatusError =>
    new StatusError(403, 'Forbidden', `${plural} "${obj.metadata.name}" is forbidden: ${message}`, {
      name: obj.metadata.name,
      kind: plural,
    });
  const delta = objectUsage(key, obj);
  let used: ResourceList | undefined;
  for (const quota of quotas) {
    const hard = parseResourceList(quota.spec?.hard);
    const hardNames = Object.keys(hard);
    if (key === 'pods') {
      const missing = missingResources(obj, hardNames);
      if (missing) throw deny(`failed quota: ${quota.metadata.name}: must specify ${missing}`);
    }
    const requested = mask(delta, hardNames);
    if (!Object.keys(requested).length) continue;
    used ??= namespaceUsage(store, namespace);
    const exceeded = Object.keys(requested).filter((r) => {
      const next = used?.[r] ? addQuantity(used[r], requested[r] as ResourceList[string]) : requested[r];
      return compareQuantity(next as ResourceList[string], hard[r] as ResourceList[string]) > 0;
    });
    if (exceeded.length) {
      const usedNow: ResourceList = Object.fromEntries(
        exceeded.map((r) => [r, used?.[r] ?? parseResourceList({ [r]: 0 })[r]] as const),
      ) as ResourceList;
      throw deny(
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrintList(mask(requested, exceeded))}, used: ${prettyPrintList(usedNow)}, limited: ${prettyPrintList(mask(hard, exceeded))}`,
      );
    }
  }
};
