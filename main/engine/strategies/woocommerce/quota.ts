import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT, CONTAINER_LIMITS, OBJECT_NAMES, PVC_MAX, STORE_QUOTA } from './woocommerce-facts';
import { objectMeta } from './object-meta';

export function buildQuota(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: objectMeta(ctx, OBJECT_NAMES.quota, COMPONENT.store),
    spec: { hard: { ...STORE_QUOTA } },
  };
}

/** Defaults let any container without explicit resources still pass the quota's admission. */
export function buildLimitRange(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: objectMeta(ctx, OBJECT_NAMES.limits, COMPONENT.store),
    spec: {
      limits: [
        {
          type: 'Container',
          default: { ...CONTAINER_LIMITS.default },
          defaultRequest: { ...CONTAINER_LIMITS.defaultRequest },
        },
        { type: 'PersistentVolumeClaim', max: { storage: PVC_MAX } },
      ],
    },
  };
}
