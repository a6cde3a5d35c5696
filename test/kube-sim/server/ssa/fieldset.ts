import { deepEqual, isPlainObject } from '../../store/deep.js';
import { isAtomicField, itemKey, listKind } from '../list-schema.js';

// A field set as structured-merge-diff models it: every owned leaf, plus every keyed/set list item
// (the "." entries of fieldsV1). A path is its fieldsV1 tokens ("f:spec", "k:{\"name\":\"web\"}",
// "v:\"x\"") joined with "\n", so sets are plain Set<string>.

export type FieldSet = Set<string>;
export const SEP = '\n';

/** metadata fields the API server never records as owned (fieldmanager's stripMeta). */
const STRIPPED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
  'generateName',
]);

export type Scope = 'main' | 'status' | 'all';

type Obj = Record<string, unknown>;

function walk(v: unknown, tokens: string[], names: string[], kind: string, out: FieldSet): void {
  const here = tokens.join(SEP);
  if (isPlainObject(v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined && x !== null);
    if (entries.length === 0 || isAtomicField(names[names.length - 1] ?? '')) {
      out.add(here);
      return;
    }
    for (const [k, x] of entries) walk(x, [...tokens, `f:${k}`], [...names, k], kind, out);
    return;
  }
  if (Array.isArray(v)) {
    const lk = listKind(names, kind);
    if (lk.type === 'atomic' || v.length === 0) {
      out.add(here);
      return;
    }
    for (const item of v) {
      const itemTokens = [
        ...tokens,
        lk.type === 'set' ? `v:${JSON.stringify(item)}` : `k:${JSON.stringify(itemKey(item, lk.keys))}`,
      ];
      out.add(itemTokens.join(SEP));
      if (lk.type === 'map' && isPlainObject(item)) {
        for (const [k, x] of Object.entries(item))
          if (x !== undefined && x !== null) walk(x, [...itemTokens, `f:${k}`], [...names, k], kind, out);
      }
    }
    return;
  }
  out.add(here);
}

/** The fields an object sets. `main` leaves status out (types with a status subresource), `status` keeps only status. */
export function fieldSetOf(obj: Obj, scope: Scope): FieldSet {
  const out: FieldSet = new Set();
  const kind = String(obj.kind ?? '');
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null || k === 'apiVersion' || k === 'kind') continue;
    if (scope === 'main' && k === 'status') continue;
    if (scope === 'status' && k !== 'status') continue;
    if (k === 'metadata' && isPlainObject(v)) {
      for (const [mk, mv] of Object.entries(v)) {
        if (STRIPPED_META.has(mk) || mv === undefined || mv === null) continue;
        walk(mv, ['f:metadata', `f:${mk}`], ['metadata', mk], kind, out);
      }
      continue;
    }
    walk(v, [`f:${k}`], [k], kind, out);
  }
  return out;
}

/** Nested fieldsV1 JSON for a set. */
export function toFieldsV1(set: FieldSet): Obj {
  const root: Obj = {};
  const paths = [...set].sort();
  for (const p of paths) {
    let node = root;
    for (const t of p.split(SEP)) node = (node[t] ??= {}) as Obj;
  }
  for (const p of paths) {
    let node = root;
    for (const t of p.split(SEP)) node = node[t] as Obj;
    if (Object.keys(node).some((k) => k !== '.')) node['.'] = {};
  }
  return root;
}

export function fromFieldsV1(fields: unknown): FieldSet {
  const out: FieldSet = new Set();
  const visit = (node: unknown, tokens: string[]): void => {
    if (!isPlainObject(node)) return;
    for (const [k, child] of Object.entries(node)) {
      if (k === '.') {
        out.add(tokens.join(SEP));
        continue;
      }
      const next = [...tokens, k];
      if (isPlainObject(child) && Object.keys(child).length === 0) out.add(next.join(SEP));
      else visit(child, next);
    }
  };
  visit(fields, []);
  return out;
}

/** structured-merge-diff's Path.String(): ".spec.containers[name=\"web\"].image". */
export function displayPath(path: string): string {
  return path
    .split(SEP)
    .map((t) => {
      const body = t.slice(2);
      if (t.startsWith('f:')) return `.${body}`;
      if (t.startsWith('v:')) return `[=${body}]`;
      if (t.startsWith('i:')) return `[${body}]`;
      const key = JSON.parse(body) as Obj;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}

/** The container holding the element a token names, and how to reach it. */
function step(
  cur: unknown,
  token: string,
  names: string[],
  kind: string,
): { value: unknown; index: number | string } | undefined {
  const body = token.slice(2);
  if (token.startsWith('f:')) {
    if (!isPlainObject(cur) || !(body in cur)) return undefined;
    return { value: cur[body], index: body };
  }
  if (!Array.isArray(cur)) return undefined;
  if (token.startsWith('v:')) {
    const want = JSON.parse(body) as unknown;
    const i = cur.findIndex((x) => deepEqual(x, want));
    return i < 0 ? undefined : { value: cur[i], index: i };
  }
  const lk = listKind(names, kind);
  const keys = lk.type === 'map' ? lk.keys : [];
  const want = JSON.parse(body) as Obj;
  const i = cur.findIndex((x) => deepEqual(itemKey(x, keys), want));
  return i < 0 ? undefined : { value: cur[i], index: i };
}

function nameOf(token: string): string | undefined {
  return token.startsWith('f:') ? token.slice(2) : undefined;
}

export function valueAt(obj: Obj, path: string): unknown {
  const kind = String(obj.kind ?? '');
  let cur: unknown = obj;
  const names: string[] = [];
  for (const t of path.split(SEP)) {
    const s = step(cur, t, names, kind);
    if (!s) return undefined;
    cur = s.value;
    const n = nameOf(t);
    if (n) names.push(n);
  }
  return cur;
}

/** Removes the element a path names, if present. */
export function removeAt(obj: Obj, path: string): void {
  const kind = String(obj.kind ?? '');
  const tokens = path.split(SEP);
  let cur: unknown = obj;
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const s = step(cur, t, names, kind);
    if (!s) return;
    if (i === tokens.length - 1) {
      if (Array.isArray(cur)) cur.splice(s.index as number, 1);
      else delete (cur as Obj)[s.index as string];
      return;
    }
    cur = s.value;
    const n = nameOf(t);
    if (n) names.push(n);
  }
}

/** True when `path` has no descendants in `set` (a value-bearing leaf, not a list item holding fields). */
export function isLeaf(set: FieldSet, path: string): boolean {
  const prefix = path + SEP;
  for (const p of set) if (p.startsWith(prefix)) return false;
  return true;
}

/** After a removal, drops parent maps left empty (Go's omitempty would not serialize them either). */
export function pruneEmptyParents(obj: Obj, path: string): void {
  const tokens = path.split(SEP);
  for (let n = tokens.length - 1; n > 0; n--) {
    const parentPath = tokens.slice(0, n).join(SEP);
    const parent = valueAt(obj, parentPath);
    if (!isPlainObject(parent) || Object.keys(parent).length > 0) return;
    removeAt(obj, parentPath);
  }
}
