import { deepEqual } from '../../store/deep.js';
import type { KubeObject } from '../../types.js';
import { fieldSetOf, fromFieldsV1, toFieldsV1, valueAt, type FieldSet, type Scope } from './fieldset.js';

export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  set: FieldSet;
}

interface RawEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  subresource?: string;
  fieldsV1?: unknown;
}

export function readEntries(obj: KubeObject | undefined): ManagerEntry[] {
  const raw = (obj?.metadata.managedFields ?? []) as RawEntry[];
  return raw.map((r) => ({
    manager: r.manager ?? '',
    operation: r.operation === 'Apply' ? 'Apply' : 'Update',
    apiVersion: r.apiVersion ?? '',
    time: r.time ?? '',
    ...(r.subresource ? { subresource: r.subresource } : {}),
    set: fromFieldsV1(r.fieldsV1),
  }));
}

export function writeEntries(entries: ManagerEntry[]): unknown[] {
  return entries
    .filter((e) => e.set.size > 0)
    .map((e) => ({
      manager: e.manager,
      operation: e.operation,
      apiVersion: e.apiVersion,
      time: e.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(e.set),
      ...(e.subresource ? { subresource: e.subresource } : {}),
    }));
}

export function sameManager(
  e: ManagerEntry,
  manager: string,
  operation: 'Apply' | 'Update',
  subresource: string | undefined,
): boolean {
  return e.manager === manager && e.operation === operation && (e.subresource ?? '') === (subresource ?? '');
}

export function scopeFor(subresource: string | undefined, hasStatusSubresource: boolean): Scope {
  if (subresource === 'status') return 'status';
  return hasStatusSubresource ? 'main' : 'all';
}

export interface UpdateContext {
  manager: string;
  apiVersion: string;
  subresource?: string;
  scope: Scope;
  now: string;
}

/**
 * managedFields after a non-apply write (create, PUT, merge/strategic/JSON patch): the writer takes
 * the fields it added or changed (operation Update), others lose them, removed fields leave every set.
 */
export function managedFieldsForUpdate(
  old: KubeObject | undefined,
  next: KubeObject,
  ctx: UpdateContext,
): unknown[] {
  const entries = readEntries(old);
  const newSet = fieldSetOf(next, ctx.scope);
  const oldSet = old ? fieldSetOf(old, ctx.scope) : new Set<string>();
  const changed = new Set(
    [...newSet].filter((p) => !oldSet.has(p) || !deepEqual(valueAt(next, p), valueAt(old as KubeObject, p))),
  );
  const removed = new Set([...oldSet].filter((p) => !newSet.has(p)));
  const prefixOf = (set: Set<string>, p: string): boolean =>
    [...set].some((c) => p === c || p.startsWith(c + '\n'));
  let mine = entries.find((e) => sameManager(e, ctx.manager, 'Update', ctx.subresource));
  for (const e of entries) {
    e.set = new Set([...e.set].filter((p) => !prefixOf(removed, p) && (e === mine || !changed.has(p))));
  }
  const gained = [...changed].filter((p) => !mine?.set.has(p));
  if (gained.length) {
    if (!mine) {
      mine = {
        manager: ctx.manager,
        operation: 'Update',
        apiVersion: ctx.apiVersion,
        time: ctx.now,
        set: new Set(),
        ...(ctx.subresource ? { subresource: ctx.subresource } : {}),
      };
      entries.push(mine);
    }
    for (const p of gained) mine.set.add(p);
    mine.time = ctx.now;
    mine.apiVersion = ctx.apiVersion;
  }
  return writeEntries(entries);
}
