import { clone, deepEqual, isPlainObject } from '../../store/deep.js';
import { itemKey, listKind } from '../list-schema.js';

// Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for the built-in types:
// maps merge, null deletes, keyed lists (containers by name, ...) merge by their patch merge key,
// metadata.finalizers merges as a set, other lists replace. Directives: $patch (replace/delete/merge),
// $retainKeys, $deleteFromPrimitiveList/<field>, $setElementOrder/<field> (order only, ignored here).

type Obj = Record<string, unknown>;

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v))
    return v.filter((i) => !(isPlainObject(i) && i.$patch === 'delete')).map(stripDirectives);
  if (!isPlainObject(v)) return v;
  const out: Obj = {};
  for (const [k, val] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(val);
  return out;
}

function mergeList(target: unknown, patch: unknown[], path: string[], kind: string): unknown[] {
  const lk = listKind(path, kind);
  const base = Array.isArray(target) ? clone(target) : [];
  if (lk.type === 'atomic') return patch.map(stripDirectives);
  if (lk.type === 'set') {
    for (const v of patch) if (!base.some((b) => deepEqual(b, v))) base.push(clone(v));
    return base;
  }
  if (patch.length === 1 && isPlainObject(patch[0]) && patch[0].$patch === 'replace') return [];
  for (const item of patch) {
    if (!isPlainObject(item)) continue;
    const key = itemKey(item, lk.keys);
    const idx = base.findIndex((b) => deepEqual(itemKey(b, lk.keys), key));
    if (item.$patch === 'delete') {
      if (idx >= 0) base.splice(idx, 1);
    } else if (idx >= 0) base[idx] = strategicMergePatch(base[idx], item, path, kind);
    else base.push(stripDirectives(item));
  }
  return base;
}

/** Applies `patch` to `target`; `path` holds the field names from the object root, `kind` the object's kind. */
export function strategicMergePatch(
  target: unknown,
  patch: unknown,
  path: string[] = [],
  kind = '',
): unknown {
  if (!isPlainObject(patch)) return stripDirectives(patch);
  if (patch.$patch === 'replace') return stripDirectives(patch);
  if (patch.$patch === 'delete') return undefined;
  const out: Obj = isPlainObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const list = out[field];
      if (Array.isArray(list) && Array.isArray(v))
        out[field] = list.filter((x) => !v.some((d) => deepEqual(d, x)));
      continue;
    }
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(out[k], v, [...path, k], kind);
    else if (isPlainObject(v)) {
      const merged = strategicMergePatch(out[k], v, [...path, k], kind);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}
