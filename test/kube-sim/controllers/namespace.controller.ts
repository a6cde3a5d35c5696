import type { KubeObject } from '../types.js';
import { isoSeconds, setCondition, type Condition } from './meta.js';
import type { Runtime } from './runtime.js';

const OK: Record<string, [reason: string, message: string]> = {
  NamespaceDeletionDiscoveryFailure: ['ResourcesDiscovered', 'All resources successfully discovered'],
  NamespaceDeletionGroupVersionParsingFailure: [
    'ParsedGroupVersions',
    'All legacy kube types successfully parsed',
  ],
  NamespaceDeletionContentFailure: [
    'ContentDeleted',
    'All content successfully deleted, may be waiting on finalization',
  ],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: ['ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
};

// What a stuck aggregated API looks like to the namespace controller (the classic "stuck Terminating").
const DISCOVERY_FAILURE =
  'Discovery failed for some groups, 1 failing: unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: stale GroupVersion discovery: metrics.k8s.io/v1beta1';

export const namespaceHangs = (rt: Runtime, name: string): boolean => {
  const pattern = rt.faults().hangNamespacePattern;
  return !!pattern && new RegExp(pattern).test(name);
};

/**
 * The namespace controller: on delete, every namespaced object inside is deleted, the
 * namespace's conditions report what remains (by resource and by finalizer), and once it is
 * empty and namespaceTerminationMs has passed the "kubernetes" finalizer is removed. Key: name.
 */
export function installNamespaceController(rt: Runtime): void {
  const started = new Map<string, number>();

  rt.register('namespace', (name) => {
    const ns = rt.store.get('namespaces', undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) {
      started.delete(name);
      return;
    }
    const now = rt.clock.now();
    const since = started.get(name) ?? now;
    started.set(name, since);
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const type of rt.store.types.filter((t) => t.namespaced && t.verbs.includes('delete'))) {
      const key = type.group ? `${type.plural}.${type.group}` : type.plural;
      for (const obj of rt.store.peekList(key, name)) {
        const left: Readonly<KubeObject> | undefined = obj.metadata.deletionTimestamp
          ? obj
          : rt.store.delete(key, name, obj.metadata.name);
        if (!left || !rt.store.peek(key, name, obj.metadata.name)) continue;
        remaining.set(
          `${type.plural}.${type.group}`,
          (remaining.get(`${type.plural}.${type.group}`) ?? 0) + 1,
        );
        for (const f of left.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
      }
    }
    const hangs = namespaceHangs(rt, name);
    const failing: Record<string, [string, string]> = {};
    if (remaining.size) {
      const parts = [...remaining].map(([gr, n]) => `${gr} has ${n} resource instances`).sort();
      failing.NamespaceContentRemaining = [
        'SomeResourcesRemain',
        `Some resources are remaining: ${parts.join(', ')}`,
      ];
    }
    if (finalizers.size) {
      const parts = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort();
      failing.NamespaceFinalizersRemaining = [
        'SomeFinalizersRemain',
        `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`,
      ];
    }
    if (hangs && !remaining.size)
      failing.NamespaceDeletionDiscoveryFailure = ['DiscoveryFailed', DISCOVERY_FAILURE];
    const stamp = isoSeconds(now);
    let conditions = (ns.status?.conditions ?? []) as Condition[];
    for (const [type, [okReason, okMessage]] of Object.entries(OK)) {
      const bad = failing[type];
      conditions = setCondition(
        conditions,
        {
          type,
          status: bad ? 'True' : 'False',
          reason: bad?.[0] ?? okReason,
          message: bad?.[1] ?? okMessage,
        },
        stamp,
      );
    }
    if (JSON.stringify(conditions) !== JSON.stringify(ns.status?.conditions ?? [])) {
      rt.store.updateStatus('namespaces', {
        ...ns,
        status: { ...(ns.status ?? {}), phase: 'Terminating', conditions },
      });
    }
    // Content going away raises events that requeue us; the slow requeue is only a safety net.
    if (hangs) return undefined;
    if (remaining.size) return 5000;
    const wait = since + rt.profile.timings.namespaceTerminationMs - now;
    if (wait > 0) return wait;
    const current = rt.store.get('namespaces', undefined, name);
    if (!current) return;
    started.delete(name);
    rt.store.update('namespaces', { ...current, spec: { ...(current.spec ?? {}), finalizers: [] } });
    if (rt.store.get('namespaces', undefined, name)) rt.store.delete('namespaces', undefined, name);
  });
}
