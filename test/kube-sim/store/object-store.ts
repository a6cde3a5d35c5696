import {
  StatusError,
  type AdmissionPlugin,
  type KubeObject,
  type ObjectStore,
  type ResourceKey,
  type ResourceType,
  type Rng,
  type StoreDeleteOptions,
  type StoreEvent,
  type WatchEventType,
} from '../types.js';
import { clone, deepEqual, deepFreeze } from './deep.js';
import { applyCreateDefaults, applyDefaults } from './defaults.js';
import { notFound, alreadyExists, conflict, namespaceTerminating } from './errors.js';
import { decideDelete } from './graceful-delete.js';
import { apiVersionOf, keyOf } from './resource-types.js';
import { fallbackRng, uidFromRng } from './uid.js';
import { validateObject } from './validation.js';
import { WatchHistory } from './watch-history.js';

export interface ObjectStoreOptions {
  types: readonly ResourceType[];
  admission?: AdmissionPlugin[];
  now(): number;
  rng?: Rng;
  /** How many events watches can resume across before 410 Gone (the watch cache size). */
  historySize?: number;
}

export interface SimObjectStore extends ObjectStore {
  addAdmission(p: AdmissionPlugin): void;
  /** Events after `rv` still held in history; throws StatusError 410 when too old. */
  eventsSince(rv: number): StoreEvent[];
  /** Server-side defaulting in place (the API layer needs defaulted objects to compute managedFields). */
  applyDefaults(key: ResourceKey, obj: KubeObject, old: KubeObject | undefined): void;
}

type Bucket = Map<string, KubeObject>;

const slot = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

/** Fields that are not spec-like: changing only these never bumps metadata.generation. */
const NON_GENERATION_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'status']);

function specLike(obj: KubeObject): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !NON_GENERATION_FIELDS.has(k)));
}

/** Finalizers still blocking removal; namespaces also wait on spec.finalizers (the "kubernetes" one). */
function pendingFinalizers(key: ResourceKey, obj: KubeObject): number {
  const meta = obj.metadata.finalizers?.length ?? 0;
  const spec = key === 'namespaces' ? ((obj.spec?.finalizers as unknown[] | undefined)?.length ?? 0) : 0;
  return meta + spec;
}

export function createObjectStore(opts: ObjectStoreOptions): SimObjectStore {
  const types = [...opts.types];
  const byKey = new Map(types.map((t) => [keyOf(t), t]));
  const buckets = new Map<ResourceKey, Bucket>(types.map((t) => [keyOf(t), new Map()]));
  const admission = [...(opts.admission ?? [])];
  const rng = opts.rng ?? fallbackRng();
  const history = new WatchHistory(opts.historySize ?? 2000);
  const listeners = new Set<(e: StoreEvent) => void>();
  let rv = 0;

  const typeOf = (key: ResourceKey): ResourceType => {
    const t = byKey.get(key);
    if (!t)
      throw new StatusError(404, 'NotFound', `the server could not find the requested resource (${key})`);
    return t;
  };
  const bucket = (key: ResourceKey): Bucket => {
    typeOf(key);
    return buckets.get(key) as Bucket;
  };
  const nowIso = (): string => new Date(opts.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

  function commit(type: WatchEventType, key: ResourceKey, obj: KubeObject): KubeObject {
    rv += 1;
    obj.metadata.resourceVersion = String(rv);
    const b = bucket(key);
    if (type === 'DELETED') b.delete(slot(obj.metadata.namespace, obj.metadata.name));
    else b.set(slot(obj.metadata.namespace, obj.metadata.name), obj);
    // One copy per change, shared by the history and every listener (each open watch is one):
    // a copy per listener made every write cost O(watches), which is the simulator's own CPU
    // stalling the client under test in the same process. Frozen, so no listener can alter it.
    const event: StoreEvent = { type, key, object: deepFreeze(clone(obj)), resourceVersion: rv };
    history.push(event);
    for (const l of [...listeners]) l({ ...event });
    return clone(obj);
  }

  function checkNamespace(t: ResourceType, obj: KubeObject): void {
    if (!t.namespaced) return;
    const nsName = obj.metadata.namespace;
    if (!nsName)
      throw new StatusError(
        400,
        'BadRequest',
        'the server could not find the namespace of the object (metadata.namespace is empty)',
      );
    const ns = buckets.get('namespaces')?.get(slot(undefined, nsName));
    if (!ns) throw notFound({ group: '', plural: 'namespaces' }, nsName);
    if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating')
      throw namespaceTerminating(t, obj.metadata.name, nsName);
  }

  function runAdmission(
    op: 'CREATE' | 'UPDATE',
    key: ResourceKey,
    obj: KubeObject,
    old: KubeObject | undefined,
  ): void {
    for (const plugin of admission) plugin(op, key, obj, old, store);
  }

  function create(key: ResourceKey, input: KubeObject): KubeObject {
    const t = typeOf(key);
    const obj = clone(input);
    obj.apiVersion = apiVersionOf(t);
    obj.kind = t.kind;
    obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    if (!t.namespaced) delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = obj.metadata.generateName + rng.suffix(5);
    checkNamespace(t, obj);
    applyDefaults(key, obj, undefined, rng);
    runAdmission('CREATE', key, obj, undefined);
    validateObject(t, obj, undefined);
    if (bucket(key).has(slot(obj.metadata.namespace, obj.metadata.name)))
      throw alreadyExists(t, obj.metadata.name);
    const meta = obj.metadata;
    meta.uid = uidFromRng(rng);
    meta.creationTimestamp = nowIso();
    meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    applyCreateDefaults(key, obj);
    return commit('ADDED', key, obj);
  }

  /** Shared by update and updateStatus: preconditions, immutable metadata, no-op detection, finalization. */
  function write(key: ResourceKey, input: KubeObject, statusOnly: boolean): KubeObject {
    const t = typeOf(key);
    const old = bucket(key).get(
      slot(t.namespaced ? input.metadata?.namespace : undefined, input.metadata?.name),
    );
    if (!old) throw notFound(t, input.metadata?.name ?? '');
    const wanted = input.metadata.resourceVersion;
    if (wanted && wanted !== old.metadata.resourceVersion) throw conflict(t, old.metadata.name);
    let obj: KubeObject;
    if (statusOnly) {
      obj = clone(old);
      obj.status = clone(input.status);
      // The API layer records the status writer in managedFields; controllers pass them through unchanged.
      if (input.metadata.managedFields !== undefined)
        obj.metadata.managedFields = clone(input.metadata.managedFields);
    } else {
      obj = clone(input);
      obj.apiVersion = apiVersionOf(t);
      obj.kind = t.kind;
      // The main endpoint ignores status for types that serve a status subresource.
      if (t.subresources?.includes('status')) obj.status = clone(old.status);
      if (key === 'namespaces' && obj.spec === undefined) obj.spec = clone(old.spec);
    }
    const meta = obj.metadata;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (t.namespaced) meta.namespace = old.metadata.namespace;
    else delete meta.namespace;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    delete meta.generateName;
    if (old.metadata.generateName) meta.generateName = old.metadata.generateName;
    if (!statusOnly) {
      applyDefaults(key, obj, old, rng);
      runAdmission('UPDATE', key, obj, old);
      validateObject(t, obj, old);
    }
    const oldGen = old.metadata.generation ?? 1;
    meta.generation = deepEqual(specLike(obj), specLike(old)) ? oldGen : oldGen + 1;
    meta.resourceVersion = old.metadata.resourceVersion;
    // Like etcd's GuaranteedUpdate: an identical object is not written and keeps its resourceVersion.
    if (deepEqual(obj, old)) return clone(old);
    // Emptied finalizers let a deleted object go — unless it is a pod still in its grace period
    // (the kubelet deletes it with period 0 once its containers have stopped).
    const graceLeft = key === 'pods' && (meta.deletionGracePeriodSeconds ?? 0) > 0;
    if (meta.deletionTimestamp && !graceLeft && pendingFinalizers(key, obj) === 0)
      return commit('DELETED', key, obj);
    return commit('MODIFIED', key, obj);
  }

  function del(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    options: StoreDeleteOptions = {},
  ): KubeObject | undefined {
    const t = typeOf(key);
    const old = bucket(key).get(slot(t.namespaced ? namespace : undefined, name));
    if (!old) return undefined;
    if (options.uid && options.uid !== old.metadata.uid)
      throw conflict(
        t,
        name,
        `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${old.metadata.uid ?? ''}`,
      );
    const decision = decideDelete(key, old, options, opts.now(), pendingFinalizers(key, old));
    if (decision.kind === 'pending') return clone(old);
    if (decision.kind === 'remove') return commit('DELETED', key, clone(old));
    const obj = clone(old);
    Object.assign(obj.metadata, decision.metadata);
    if (key === 'namespaces') obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    return commit('MODIFIED', key, obj);
  }

  // Stored objects are replaced on every write, never changed in place, so a reader that does
  // not change them either may see them without a copy.
  function peek(key: ResourceKey, namespace: string | undefined, name: string): KubeObject | undefined {
    const t = typeOf(key);
    return bucket(key).get(slot(t.namespaced ? namespace : undefined, name));
  }

  function peekList(key: ResourceKey, namespace?: string): KubeObject[] {
    const t = typeOf(key);
    const all = [...bucket(key).values()].filter(
      (o) => !t.namespaced || !namespace || o.metadata.namespace === namespace,
    );
    return all.sort((a, b) =>
      slot(a.metadata.namespace, a.metadata.name).localeCompare(slot(b.metadata.namespace, b.metadata.name)),
    );
  }

  const store: SimObjectStore = {
    types,
    typeOf,
    get: (key, namespace, name) => clone(peek(key, namespace, name)),
    list: (key, namespace) => peekList(key, namespace).map(clone),
    peek,
    peekList,
    create,
    update: (key, obj) => write(key, obj, false),
    updateStatus: (key, obj) => write(key, obj, true),
    delete: del,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentResourceVersion: () => rv,
    addAdmission: (p) => admission.push(p),
    applyDefaults: (key, obj, old) => applyDefaults(key, obj, old, rng),
    eventsSince: (since) => history.since(since).map((e) => ({ ...e, object: clone(e.object) })),
  };
  return store;
}
