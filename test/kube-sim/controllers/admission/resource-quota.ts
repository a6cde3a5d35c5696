import { StatusError, type AdmissionPlugin, type KubeObject } from '../../types.js';
import {
  parseResourceList,
  prettyPrintList,
  addQuantity,
  compareQuantity,
  formatResourceList,
  type ResourceList,
} from '../quantity.js';
import { objectUsage, QUOTA_KEYS } from '../usage.js';

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

/**
 * ResourceQuota admission on create (the apiserver's quota evaluator, CheckRequest): for every
 * quota, the constraints, then `status.used + requested ≤ status.hard` — the usage the quota
 * controller last wrote, not a live sum, so what was freed a moment ago may not count yet and a
 * pod still terminating still does. A quota whose status does not yet track a resource refuses
 * with "status unknown". An admitted create charges the quotas' status.used at once, as the
 * evaluator persists its new usage before the object is stored; the controller recomputes later.
 */
export const resourceQuotaAdmission: AdmissionPlugin = (op, key, obj, _old, store) => {
  if (op !== 'CREATE' || !QUOTA_KEYS.includes(key)) return;
  const namespace = obj.metadata.namespace as string;
  const quotas = store.list('resourcequotas', namespace);
  if (!quotas.length) return;
  const deny = (message: string): StatusError =>
    new StatusError(403, 'Forbidden', `${key} "${obj.metadata.name}" is forbidden: ${message}`, {
      name: obj.metadata.name,
      kind: key,
    });
  const delta = objectUsage(key, obj);
  const charges: Array<{ quota: KubeObject; used: ResourceList }> = [];
  for (const quota of quotas) {
    const hard = parseResourceList(quota.status?.hard);
    const hardNames = Object.keys(hard);
    const relevant = hardNames.filter((r) => r in delta || (key === 'pods' && MUST_SPECIFY.includes(r)));
    if (key === 'pods') {
      const missing = missingResources(obj, hardNames);
      if (missing) throw deny(`failed quota: ${quota.metadata.name}: must specify ${missing}`);
    }
    const used = parseResourceList(quota.status?.used);
    const unknown = relevant.filter((r) => !(r in used));
    if (unknown.length)
      throw deny(`status unknown for quota: ${quota.metadata.name}, resources: ${unknown.sort().join(',')}`);
    const requested = mask(delta, hardNames);
    if (!Object.keys(requested).length) continue;
    const next: ResourceList = { ...used };
    for (const [r, q] of Object.entries(requested)) next[r] = used[r] ? addQuantity(used[r], q) : q;
    const exceeded = Object.keys(requested).filter(
      (r) => compareQuantity(next[r] as ResourceList[string], hard[r] as ResourceList[string]) > 0,
    );
    if (exceeded.length)
      throw deny(
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrintList(mask(requested, exceeded))}, used: ${prettyPrintList(mask(used, exceeded))}, limited: ${prettyPrintList(mask(hard, exceeded))}`,
      );
    charges.push({ quota, used: next });
  }
  for (const { quota, used } of charges)
    store.updateStatus('resourcequotas', {
      ...quota,
      status: { ...quota.status, used: formatResourceList(used) },
    });
};
