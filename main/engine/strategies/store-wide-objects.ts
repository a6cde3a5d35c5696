// The store-wide objects every plan makes, shaped once: the Namespace, the ResourceQuota that
// caps what a store may take from a shared cluster, and the LimitRange whose defaults let a
// container without explicit resources still pass the quota's admission. Each plan brings its
// own figures (strategies/<plan>/<plan>-facts.ts).
import type { KubeObject } from '../../kube/kube-object';
import { ANNOTATION } from '../model/labels';
import type { StoreContext } from './strategy';

type Metadata = KubeObject['metadata'];
type Quantities = Readonly<Record<string, string>>;

/** `podSecurity`: the Pod Security Admission labels (enforce/warn/audit) the plan's pods meet. */
export function storeNamespace(
  ctx: StoreContext,
  labels: Record<string, string>,
  podSecurity: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      labels: { ...labels, ...podSecurity },
      // The display name may hold any printable character, so it lives in an annotation.
      annotations: { [ANNOTATION.storeName]: ctx.name },
    },
  };
}

export function storeQuota(metadata: Metadata, hard: Quantities): KubeObject {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata, spec: { hard: { ...hard } } };
}

export function storeLimitRange(
  metadata: Metadata,
  container: { default: Quantities; defaultRequest: Quantities },
  pvcMax: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata,
    spec: {
      limits: [
        {
          type: 'Container',
          default: { ...container.default },
          defaultRequest: { ...container.defaultRequest },
        },
        { type: 'PersistentVolumeClaim', max: { storage: pvcMax } },
      ],
    },
  };
}

/** A ReadWriteOnce claim; no class named, the cluster's default StorageClass is filled in at admission. */
export function volumeClaim(metadata: Metadata, size: string, storageClassName: string | null): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata,
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      ...(storageClassName ? { storageClassName } : {}),
    },
  };
}
