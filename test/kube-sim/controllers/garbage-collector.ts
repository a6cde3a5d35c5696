import type { KubeObject } from '../types.js';
import { FOREGROUND_FINALIZER } from '../store/graceful-delete.js';
import type { Runtime } from './runtime.js';

const OWNER_KEYS: Record<string, string> = {
  Deployment: 'deployments.apps',
  Job: 'jobs.batch',
  StatefulSet: 'statefulsets.apps',
};

const refTo = (pod: KubeObject, owner: KubeObject) =>
  (pod.metadata.ownerReferences ?? []).find((r) => r.uid === owner.metadata.uid);

/**
 * A Foreground-deleted owner (deletionTimestamp + foregroundDeletion): the collector deletes its
 * dependents (each in the background, so pods terminate gracefully), and once none that blocks
 * it (blockOwnerDeletion) is left — terminating ones still block — removes the finalizer, and
 * the owner goes.
 */
function finishForeground(rt: Runtime, ownerKey: string, owner: KubeObject, namespace: string): void {
  const dependents = () => rt.store.list('pods', namespace).filter((p) => refTo(p, owner));
  for (const pod of dependents())
    if (!pod.metadata.deletionTimestamp)
      rt.store.delete('pods', namespace, pod.metadata.name, { uid: pod.metadata.uid });
  if (dependents().some((p) => refTo(p, owner)?.blockOwnerDeletion)) return;
  const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
  rt.store.update(ownerKey, {
    ...owner,
    metadata: { ...owner.metadata, finalizers: finalizers.length ? finalizers : undefined },
  });
}

/**
 * The garbage collector, for the ownership the sim creates: pods whose controller
 * (Deployment/Job/StatefulSet) is gone are deleted (Background), and owners deleted in the
 * Foreground wait for their pods. Key: namespace.
 */
export function installGarbageCollector(rt: Runtime): void {
  rt.register('gc', (namespace) => {
    for (const ownerKey of Object.values(OWNER_KEYS))
      for (const owner of rt.store.list(ownerKey, namespace))
        if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND_FINALIZER))
          finishForeground(rt, ownerKey, owner, namespace);
    for (const pod of rt.store.list('pods', namespace)) {
      if (pod.metadata.deletionTimestamp) continue;
      for (const ref of pod.metadata.ownerReferences ?? []) {
        const ownerKey = OWNER_KEYS[ref.kind];
        if (!ownerKey) continue;
        const owner = rt.store.get(ownerKey, namespace, ref.name);
        if (!owner || owner.metadata.uid !== ref.uid) {
          rt.store.delete('pods', namespace, pod.metadata.name, { uid: pod.metadata.uid });
          break;
        }
      }
    }
  });
}
