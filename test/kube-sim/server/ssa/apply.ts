import { StatusError, type KubeObject } from '../../types.js';
import { clone, deepEqual, isPlainObject } from '../../store/deep.js';
import { isAtomicField, itemKey, listKind } from '../list-schema.js';
import {
  displayPath,
  fieldSetOf,
  isLeaf,
  pruneEmptyParents,
  removeAt,
  valueAt,
  SEP,
  type Scope,
} from './fieldset.js';
import { readEntries, sameManager, writeEntries, type ManagerEntry } from './managed-fields.js';

type Obj = Record<string, unknown>;

/** Merge an applied configuration into the live value, following list/map semantics of the schema. */
function merge(live: unknown, applied: unknown, names: string[], kind: string): unknown {
  if (isPlainObject(applied)) {
    if (!isPlainObject(live) || isAtomicField(names[names.length - 1] ?? '')) return clone(applied);
    const out: Obj = clone(live);
    for (const [k, v] of Object.entries(applied)) {
      if (v === undefined) continue;
      if (v === null) delete out[k];
      else out[k] = merge(out[k], v, [...names, k], kind);
    }
    return out;
  }
  if (Array.isArray(applied)) {
    const lk = listKind(names, kind);
    if (lk.type === 'atomic' || !Array.isArray(live)) return clone(applied);
    const out = clone(live);
    for (const item of applied) {
      const idx =
        lk.type === 'set'
          ? out.findIndex((x) => deepEqual(x, item))
          : out.findIndex((x) => deepEqual(itemKey(x, lk.keys), itemKey(item, lk.keys)));
      if (idx < 0) out.push(clone(item));
      else if (lk.type === 'map') out[idx] = merge(out[idx], item, names, kind);
    }
    return out;
  }
  return applied;
}

function printManager(e: ManagerEntry): string {
  const base =
    JSON.stringify(e.manager) + (e.subresource ? ` with subresource ${JSON.stringify(e.subresource)}` : '');
  return e.operation === 'Update' ? `${base} using ${e.apiVersion}` : base;
}

/** The 409 structured-merge-diff raises, worded as the API server's fieldmanager does. */
function conflictError(conflicts: Array<{ entry: ManagerEntry; path: string }>): StatusError {
  const causes = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${printManager(c.entry)}`,
    field: displayPath(c.path),
  }));
  let message: string;
  const first = conflicts[0];
  if (conflicts.length === 1 && first) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(first.entry)}: ${displayPath(first.path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts)
      byManager.set(printManager(c.entry), [
        ...(byManager.get(printManager(c.entry)) ?? []),
        displayPath(c.path),
      ]);
    const lines = [...byManager.keys()]
      .sort()
      .flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) ?? []).map((p) => `- ${p}`)]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError(409, 'Conflict', message, { causes });
}

export interface ApplyOptions {
  manager: string;
  force: boolean;
  apiVersion: string;
  subresource?: string;
  scope: Scope;
  now: string;
}

/**
 * Server-side apply of `applied` onto `live` (undefined when creating). Returns the merged object
 * with managedFields updated, or throws 409 listing fields another manager owns with another value.
 */
export function serverSideApply(
  live: KubeObject | undefined,
  input: KubeObject,
  opts: ApplyOptions,
): KubeObject {
  const kind = input.kind;
  // The main endpoint resets status and the status endpoint resets everything else (ResetFieldsStrategy).
  const applied: KubeObject =
    opts.scope === 'status'
      ? { apiVersion: input.apiVersion, kind, metadata: { name: input.metadata.name }, status: input.status }
      : opts.scope === 'main'
        ? { ...input, status: undefined }
        : input;
  const base: KubeObject = live
    ? clone(live)
    : { apiVersion: applied.apiVersion, kind, metadata: { name: applied.metadata.name } };
  const entries = readEntries(live);
  const appliedSet = fieldSetOf(applied, opts.scope);
  const isMine = (e: ManagerEntry): boolean => sameManager(e, opts.manager, 'Apply', opts.subresource);
  const previous = entries.find(isMine);
  const others = entries.filter((e) => !isMine(e));

  const { managedFields: _drop, ...appliedMeta } = applied.metadata;
  const merged = merge(base, { ...applied, metadata: appliedMeta }, [], kind) as KubeObject;

  const conflicts: Array<{ entry: ManagerEntry; path: string }> = [];
  for (const path of appliedSet) {
    if (!isLeaf(appliedSet, path)) continue;
    if (deepEqual(valueAt(base, path), valueAt(merged, path))) continue;
    for (const e of others) if (e.set.has(path)) conflicts.push({ entry: e, path });
  }
  if (conflicts.length && !opts.force) throw conflictError(conflicts);
  for (const c of conflicts) c.entry.set.delete(c.path);

  // Fields this manager applied before but no longer does are removed unless someone else owns them.
  const ownedByOthers = (p: string): boolean =>
    others.some((e) => [...e.set].some((o) => o === p || o.startsWith(p + SEP)));
  const dropped = [...(previous?.set ?? [])].filter((p) => !appliedSet.has(p) && !ownedByOthers(p));
  for (const p of dropped.sort((a, b) => b.length - a.length)) {
    removeAt(merged, p);
    pruneEmptyParents(merged, p);
  }

  const withoutManaged = (o: KubeObject): KubeObject => ({
    ...o,
    metadata: { ...o.metadata, managedFields: undefined },
  });
  const changedSet =
    !previous || previous.set.size !== appliedSet.size || [...appliedSet].some((p) => !previous.set.has(p));
  // A re-apply that changes nothing keeps the entry's time, so the write is a true no-op.
  const touched = changedSet || !deepEqual(withoutManaged(merged), withoutManaged(base));
  const mine: ManagerEntry = {
    manager: opts.manager,
    operation: 'Apply',
    apiVersion: opts.apiVersion,
    time: touched || !previous ? opts.now : previous.time,
    set: appliedSet,
    ...(opts.subresource ? { subresource: opts.subresource } : {}),
  };
  const ordered = previous ? entries.map((e) => (e === previous ? mine : e)) : [...entries, mine];
  merged.metadata.managedFields = writeEntries(ordered);
  return merged;
}
