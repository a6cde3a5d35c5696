import type { KubeObject } from '../types.js';
import { badRequest } from './status.js';

export type Matcher = (obj: KubeObject) => boolean;

type Req = { key: string; op: 'exists' | '!exists' | '=' | '!=' | 'in' | 'notin'; values: string[] };

/** Splits on commas outside parentheses: "a in (x,y),b" → ["a in (x,y)", "b"]. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

function parseReq(raw: string): Req {
  let m = /^!\s*([^\s=!(),]+)$/.exec(raw);
  if (m) return { key: m[1] as string, op: '!exists', values: [] };
  m = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(raw);
  if (m)
    return {
      key: m[1] as string,
      op: m[2] as 'in' | 'notin',
      values: (m[3] as string)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  m = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(raw);
  if (m) return { key: m[1] as string, op: m[2] === '!=' ? '!=' : '=', values: [m[3] as string] };
  m = /^([^\s=!(),]+)$/.exec(raw);
  if (m) return { key: m[1] as string, op: 'exists', values: [] };
  throw badRequest(`unable to parse requirement: found '${raw}', expected: in, notin, =, ==, !=, gt, lt`);
}

function test(req: Req, value: string | undefined): boolean {
  switch (req.op) {
    case 'exists':
      return value !== undefined;
    case '!exists':
      return value === undefined;
    case '=':
      return value === req.values[0];
    case '!=':
      return value !== req.values[0];
    case 'in':
      return value !== undefined && req.values.includes(value);
    case 'notin':
      return value === undefined || !req.values.includes(value);
  }
}

export function labelSelector(expr: string | null): Matcher {
  if (!expr) return () => true;
  const reqs = splitTop(expr).map(parseReq);
  return (obj) => reqs.every((r) => test(r, obj.metadata.labels?.[r.key]));
}

/** Field labels each type supports, as the registries' GetAttrs/field label conversions do. */
const FIELDS: Record<string, Record<string, (o: KubeObject) => string | undefined>> = {
  '*': { 'metadata.name': (o) => o.metadata.name, 'metadata.namespace': (o) => o.metadata.namespace ?? '' },
  pods: {
    'status.phase': (o) => o.status?.phase ?? '',
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy,
  },
  events: {
    'involvedObject.kind': (o) => (o.involvedObject as { kind?: string } | undefined)?.kind ?? '',
    'involvedObject.name': (o) => (o.involvedObject as { name?: string } | undefined)?.name ?? '',
    'involvedObject.namespace': (o) =>
      (o.involvedObject as { namespace?: string } | undefined)?.namespace ?? '',
    'involvedObject.uid': (o) => (o.involvedObject as { uid?: string } | undefined)?.uid ?? '',
    reason: (o) => String(o.reason ?? ''),
    type: (o) => String(o.type ?? ''),
  },
  secrets: { type: (o) => String(o.type ?? '') },
  namespaces: { 'status.phase': (o) => o.status?.phase ?? '' },
};

export function fieldSelector(expr: string | null, plural: string): Matcher {
  if (!expr) return () => true;
  const reqs = splitTop(expr).map((raw) => {
    const m = /^([^\s=!]+)\s*(==|=|!=)\s*(.*)$/.exec(raw);
    if (!m) throw badRequest(`invalid selector: '${expr}'; can't understand '${raw}'`);
    const key = m[1] as string;
    const get = FIELDS['*']?.[key] ?? FIELDS[plural]?.[key];
    if (!get) throw badRequest(`field label not supported: ${key}`);
    return { get, neg: m[2] === '!=', value: m[3] as string };
  });
  return (obj) => reqs.every((r) => (r.get(obj) === r.value) !== r.neg);
}
