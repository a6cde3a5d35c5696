import type { Runtime } from './runtime.js';

const OWNER_KEYS: Record<string, string> = {
  Deployment: 'deployments.apps',
  Job: 'jobs.batch',
  StatefulSet: 'statefulsets.apps',
};

/** The garbage collector, for the ownership the sim creates: pods whose controller (Deployment/Job) is gone are deleted. Key: namespace. */
export function installGarbageCollector(rt: Runtime): void {
  rt.register('gc', (namespace) => {
    for (const pod of rt.store.list('pods', namespace)) {
      for (const ref of pod.metadata.ownerReferences ?? []) {
        const ownerKey = OWNER_KEYS[ref.kind];
        if (!ownerKey) continue;
        const owner = rt.store.get(ownerKey, namespace, ref.name);
        if (!owner || owner.metadata.uid !== ref.uid) {
          rt.store.delete('pods', namespace, pod.metadata.name);
          break;
        }
      }
    }
  });
}
