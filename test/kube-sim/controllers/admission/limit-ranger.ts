import { StatusError, type AdmissionPlugin, type KubeObject } from '../../types.js';
import {
  addResourceLists,
  compareQuantity,
  formatQuantity,
  parseQuantity,
  parseResourceList,
  type Quantity,
  type ResourceList,
} from '../quantity.js';

type Resources = { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
type Container = { name: string; resources?: Resources };
interface LimitItem {
  type: string;
  default?: Record<string, unknown>;
  defaultRequest?: Record<string, unknown>;
  max?: Record<string, unknown>;
  min?: Record<string, unknown>;
  maxLimitRequestRatio?: Record<string, unknown>;
}

const ANNOTATION = 'kubernetes.io/limit-ranger';

/** SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default ← min, for Container items. */
function effectiveDefaults(item: LimitItem): {
  limits: Record<string, unknown>;
  requests: Record<string, unknown>;
} {
  const limits: Record<string, unknown> = { ...(item.max ?? {}), ...(item.default ?? {}) };
  const requests: Record<string, unknown> = {
    ...(item.min ?? {}),
    ...limits,
    ...(item.defaultRequest ?? {}),
  };
  return { limits, requests };
}

/** The pod defaulting the API server applies first: a limit without a request sets the request. */
function copyLimitsToRequests(c: Container): void {
  const res = (c.resources ??= {});
  for (const [k, v] of Object.entries(res.limits ?? {})) {
    res.requests ??= {};
    if (res.requests[k] === undefined) res.requests[k] = v;
  }
}

function applyDefaults(containers: Container[], items: LimitItem[], label: string, notes: string[]): void {
  for (const c of containers) {
    const res = (c.resources ??= {});
    const setReq: string[] = [];
    const setLim: string[] = [];
    for (const item of items.filter((i) => i.type === 'Container')) {
      const d = effectiveDefaults(item);
      for (const [k, v] of Object.entries(d.limits)) {
        res.limits ??= {};
        if (res.limits[k] === undefined) {
          res.limits[k] = v;
          setLim.push(k);
        }
      }
      for (const [k, v] of Object.entries(d.requests)) {
        res.requests ??= {};
        if (res.requests[k] === undefined) {
          res.requests[k] = v;
          setReq.push(k);
        }
      }
    }
    if (setReq.length) notes.push(`${[...new Set(setReq)].sort().join(', ')} request for ${label} ${c.name}`);
    if (setLim.length) notes.push(`${[...new Set(setLim)].sort().join(', ')} limit for ${label} ${c.name}`);
  }
}

const str = (q: Quantity): string => formatQuantity(q);

/** minConstraint / maxConstraint / limitRequestRatioConstraint from plugin/pkg/admission/limitranger. */
function checkItem(
  kind: string,
  item: LimitItem,
  requests: ResourceList,
  limits: ResourceList,
  errs: string[],
): void {
  for (const [k, raw] of Object.entries(item.min ?? {})) {
    const min = parseQuantity(raw as string);
    const req = requests[k];
    const lim = limits[k];
    if (!req) errs.push(`minimum ${k} usage per ${kind} is ${str(min)}.  No request is specified`);
    else if (compareQuantity(req, min) < 0)
      errs.push(`minimum ${k} usage per ${kind} is ${str(min)}, but request is ${str(req)}`);
    else if (lim && compareQuantity(lim, min) < 0)
      errs.push(`minimum ${k} usage per ${kind} is ${str(min)}, but limit is ${str(lim)}`);
  }
  for (const [k, raw] of Object.entries(item.max ?? {})) {
    const max = parseQuantity(raw as string);
    const req = requests[k];
    const lim = limits[k];
    if (kind === 'PersistentVolumeClaim') {
      if (req && compareQuantity(req, max) > 0)
        errs.push(`maximum ${k} usage per ${kind} is ${str(max)}, but request is ${str(req)}`);
      continue;
    }
    if (!lim) errs.push(`maximum ${k} usage per ${kind} is ${str(max)}.  No limit is specified`);
    else if (compareQuantity(lim, max) > 0)
      errs.push(`maximum ${k} usage per ${kind} is ${str(max)}, but limit is ${str(lim)}`);
    else if (req && compareQuantity(req, max) > 0)
      errs.push(`maximum ${k} usage per ${kind} is ${str(max)}, but request is ${str(req)}`);
  }
  for (const [k, raw] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const ratio = parseQuantity(raw as string);
    const req = requests[k];
    const lim = limits[k];
    if (!req || req.milli === 0n)
      errs.push(
        `${k} max limit to request ratio per ${kind} is ${str(ratio)}, but no request is specified or request is 0`,
      );
    else if (!lim || lim.milli === 0n)
      errs.push(
        `${k} max limit to request ratio per ${kind} is ${str(ratio)}, but no limit is specified or limit is 0`,
      );
    else {
      const observed = Number(lim.milli) / Number(req.milli);
      if (observed * 1000 > Number(ratio.milli))
        errs.push(
          `${k} max limit to request ratio per ${kind} is ${str(ratio)}, but provided ratio is ${observed.toFixed(6)}`,
        );
    }
  }
}

const forbidden = (plural: string, obj: KubeObject, errs: string[]): StatusError => {
  const message = errs.length === 1 ? (errs[0] as string) : `[${errs.join(', ')}]`;
  return new StatusError(403, 'Forbidden', `${plural} "${obj.metadata.name}" is forbidden: ${message}`, {
    name: obj.metadata.name,
    kind: plural,
  });
};

/** LimitRanger admission: container defaults on pods, min/max/ratio for containers, pods and claims. */
export const limitRangerAdmission: AdmissionPlugin = (op, key, obj, _old, store) => {
  if (op !== 'CREATE' || (key !== 'pods' && key !== 'persistentvolumeclaims')) return;
  const namespace = obj.metadata.namespace;
  const items = store.list('limitranges', namespace).flatMap((lr) => (lr.spec?.limits ?? []) as LimitItem[]);
  const errs: string[] = [];
  if (key === 'persistentvolumeclaims') {
    const requests = parseResourceList(obj.spec?.resources?.requests);
    for (const item of items.filter((i) => i.type === 'PersistentVolumeClaim'))
      checkItem('PersistentVolumeClaim', item, requests, {}, errs);
    if (errs.length) throw forbidden('persistentvolumeclaims', obj, errs);
    return;
  }
  const containers = (obj.spec?.containers ?? []) as Container[];
  const inits = (obj.spec?.initContainers ?? []) as Container[];
  for (const c of [...containers, ...inits]) copyLimitsToRequests(c);
  if (!items.length) return;
  const notes: string[] = [];
  applyDefaults(containers, items, 'container', notes);
  applyDefaults(inits, items, 'init container', notes);
  if (notes.length)
    obj.metadata.annotations = {
      ...(obj.metadata.annotations ?? {}),
      [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`,
    };
  for (const item of items) {
    if (item.type === 'Container') {
      for (const c of [...containers, ...inits])
        checkItem(
          'Container',
          item,
          parseResourceList(c.resources?.requests),
          parseResourceList(c.resources?.limits),
          errs,
        );
    } else if (item.type === 'Pod') {
      const sum = (which: 'requests' | 'limits'): ResourceList =>
        containers.reduce<ResourceList>(
          (acc, c) => addResourceLists(acc, parseResourceList(c.resources?.[which])),
          {},
        );
      checkItem('Pod', item, sum('requests'), sum('limits'), errs);
    }
  }
  if (errs.length) throw forbidden('pods', obj, errs);
};
