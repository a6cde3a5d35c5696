// Test helper (not a test): the real object store with the controllers installed, in-process.
import { loadProfile } from '../profiles/load-profile.js';
import { deriveRng } from '../rng.js';
import { createSimClock, type ManagedSimClock } from '../sim-clock.js';
import { createObjectStore, type SimObjectStore } from '../store/object-store.js';
import { RESOURCE_TYPES } from '../store/resource-types.js';
import type { FaultConfig, KubeObject, SimProfile, StoreEvent } from '../types.js';
import { installControllers, type Controllers } from './index.js';

export interface Harness {
  store: SimObjectStore;
  clock: ManagedSimClock;
  controllers: Controllers;
  profile: SimProfile;
  faults: FaultConfig;
  /** Resolves with the first object state for which `test` holds (checked now and on every store change). */
  waitFor(
    key: string,
    namespace: string | undefined,
    name: string,
    test: (o: KubeObject | undefined) => boolean,
    timeoutMs?: number,
  ): Promise<KubeObject | undefined>;
  /** Resolves when `test` holds over the whole store (checked on every change). */
  until(test: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  create(
    key: string,
    obj: Omit<KubeObject, 'apiVersion' | 'kind'> & Partial<Pick<KubeObject, 'apiVersion' | 'kind'>>,
  ): KubeObject;
  events(namespace: string, reason?: string): KubeObject[];
  stop(): void;
}

export interface HarnessOptions {
  profile?: string | SimProfile;
  timeScale?: number;
  seed?: number;
  faults?: FaultConfig;
  storageClass?: 'wffc' | 'immediate' | 'none';
  startMs?: number;
  /** Called with every store event (before controllers see later ones). */
  onEvent?: (e: StoreEvent) => void;
}

export function startHarness(opts: HarnessOptions = {}): Harness {
  const base = loadProfile(opts.profile ?? 'fast');
  const profile: SimProfile = { ...base, timeScale: opts.timeScale ?? base.timeScale };
  const clock = createSimClock(profile.timeScale, { startMs: opts.startMs ?? Date.UTC(2026, 0, 1) });
  const seed = opts.seed ?? 1;
  const store = createObjectStore({ types: RESOURCE_TYPES, now: clock.now, rng: deriveRng(seed, 'store') });
  if (opts.onEvent) store.subscribe(opts.onEvent);
  for (const name of ['default', 'kube-system'])
    store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  if ((opts.storageClass ?? 'wffc') !== 'none') {
    store.create('storageclasses.storage.k8s.io', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'local-path',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'rancher.io/local-path',
      volumeBindingMode: opts.storageClass === 'immediate' ? 'Immediate' : 'WaitForFirstConsumer',
    });
  }
  const faults: FaultConfig = { ...profile.faults, ...(opts.faults ?? {}) };
  const controllers = installControllers({
    store,
    clock,
    rng: deriveRng(seed, 'controllers'),
    profile,
    faults: () => faults,
  });
  for (const plugin of controllers.admission) store.addAdmission(plugin);
  const cleanups = new Set<() => void>();

  const until = (test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (test()) return resolve();
      const done = (err?: Error): void => {
        unsubscribe();
        clearTimeout(timer);
        cleanups.delete(cancel);
        if (err) reject(err);
        else resolve();
      };
      const cancel = (): void => done(new Error(`harness stopped while waiting for ${what}`));
      const unsubscribe = store.subscribe(() => {
        // Controllers react to the same event after us; look once they have had their turn.
        queueMicrotask(() => {
          try {
            if (test()) done();
          } catch (err) {
            done(err as Error);
          }
        });
      });
      const timer = setTimeout(() => {
        const errors = controllers.errors().map((e) => `${e.kind} ${e.key}: ${String(e.error)}`);
        done(
          new Error(
            `timed out waiting for ${what}${errors.length ? `; controller errors: ${errors.join(' | ')}` : ''}`,
          ),
        );
      }, timeoutMs);
      cleanups.add(cancel);
    });

  return {
    store,
    clock,
    controllers,
    profile,
    faults,
    until,
    async waitFor(key, namespace, name, test, timeoutMs) {
      let last: KubeObject | undefined;
      await until(
        () => test((last = store.get(key, namespace, name))),
        `${key} ${namespace ?? ''}/${name}`,
        timeoutMs,
      );
      return last;
    },
    create(key, obj) {
      const t = store.typeOf(key);
      return store.create(key, {
        apiVersion: t.group ? `${t.group}/${t.version}` : t.version,
        kind: t.kind,
        ...obj,
      } as KubeObject);
    },
    events(namespace, reason) {
      return store.list('events', namespace).filter((e) => !reason || e.reason === reason);
    },
    stop() {
      for (const c of [...cleanups]) c();
      controllers.stop();
      clock.stop();
    },
  };
}

/** A namespace plus the objects of a tiny store: a Deployment with a readiness probe. */
export function namespace(h: Harness, name: string): void {
  h.create('namespaces', { metadata: { name } });
}

export const podsOf = (h: Harness, ns: string, prefix: string): KubeObject[] =>
  h.store.list('pods', ns).filter((p) => p.metadata.name.startsWith(`${prefix}-`));

export const condition = (
  o: KubeObject | undefined,
  type: string,
): { status?: string; reason?: string; message?: string } | undefined =>
  (
    o?.status?.conditions as
      Array<{ type: string; status: string; reason?: string; message?: string }> | undefined
  )?.find((c) => c.type === type);
