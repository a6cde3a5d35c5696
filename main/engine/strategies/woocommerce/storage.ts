import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT, OBJECT_NAMES, PVC_SIZE, type Component } from './woocommerce-facts';
import { objectMeta } from './object-meta';

function pvc(ctx: StoreContext, name: string, component: Component): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: objectMeta(ctx, name, component),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: PVC_SIZE } },
      // Omitted, the cluster's default StorageClass is filled in at admission.
      ...(ctx.storageClassName ? { storageClassName: ctx.storageClassName } : {}),
    },
  };
}

export function buildVolumeClaims(ctx: StoreContext): KubeObject[] {
  return [
    pvc(ctx, OBJECT_NAMES.mysqlPvc, COMPONENT.mysql),
    pvc(ctx, OBJECT_NAMES.wordpressPvc, COMPONENT.wordpress),
  ];
}
