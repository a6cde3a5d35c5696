import type { KubeObject } from '../../types.js';
import { claimsOf, isWaitForFirstConsumer, storageClassOf } from '../pvc.controller.js';
import type { Runtime } from '../runtime.js';
import { isTerminalPod } from '../usage.js';

/** claim key → node → pod keys using the volume there. */
export type Attachments = Map<string, Map<string, Set<string>>>;

/**
 * The attach/detach controller's view: every claim must be Bound, and a ReadWriteOnce volume
 * that is not node-local can be attached to one node at a time (else "Multi-Attach error").
 * Returns the blocking message, or undefined once every volume is attached to this node.
 */
export function attachVolumes(
  rt: Runtime,
  attachments: Attachments,
  pod: KubeObject,
  podKey: string,
  node: string,
): string | undefined {
  const ns = pod.metadata.namespace as string;
  type Vol = { name: string; persistentVolumeClaim?: { claimName?: string } };
  const volumeOf = (claim: string): string =>
    ((pod.spec?.volumes ?? []) as Vol[]).find((v) => v.persistentVolumeClaim?.claimName === claim)?.name ??
    claim;
  for (const claim of claimsOf(pod)) {
    const pvc = rt.store.get('persistentvolumeclaims', ns, claim);
    if (!pvc || pvc.status?.phase !== 'Bound') {
      const vol = volumeOf(claim);
      const why = pvc ? 'PVC is not bound' : `persistentvolumeclaim "${claim}" not found`;
      return `Unable to attach or mount volumes: unmounted volumes=[${vol}], unattached volumes=[${vol}]: error processing PVC ${ns}/${claim}: ${why}`;
    }
    const claimKey = `${ns}/${claim}`;
    const byNode = attachments.get(claimKey) ?? new Map<string, Set<string>>();
    attachments.set(claimKey, byNode);
    // Drop users that are gone or finished, so the volume can detach.
    for (const [n, users] of byNode) {
      for (const u of users) {
        const [uns = '', uname = ''] = u.split('/');
        const p = rt.store.get('pods', uns, uname);
        if (!p || isTerminalPod(p)) users.delete(u);
      }
      if (!users.size) byNode.delete(n);
    }
    const modes = (pvc.spec?.accessModes ?? ['ReadWriteOnce']) as string[];
    const exclusive =
      modes.includes('ReadWriteOnce') &&
      !modes.includes('ReadWriteMany') &&
      !isWaitForFirstConsumer(storageClassOf(rt, pvc));
    const elsewhere = [...byNode].filter(([n]) => n !== node).flatMap(([, users]) => [...users]);
    if (exclusive && elsewhere.length) {
      return `Multi-Attach error for volume "${pvc.spec?.volumeName}" Volume is already used by pod(s) ${elsewhere.map((u) => u.split('/')[1]).join(', ')}`;
    }
    byNode.set(node, (byNode.get(node) ?? new Set()).add(podKey));
  }
  return undefined;
}
