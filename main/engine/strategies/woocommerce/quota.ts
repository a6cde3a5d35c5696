import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { storeLimitRange, storeQuota } from '../store-wide-objects';
import { COMPONENT, CONTAINER_LIMITS, OBJECT_NAMES, PVC_MAX, STORE_QUOTA } from './woocommerce-facts';
import { objectMeta } from './object-meta';

export function buildQuota(ctx: StoreContext): KubeObject {
  return storeQuota(objectMeta(ctx, OBJECT_NAMES.quota, COMPONENT.store), STORE_QUOTA);
}

/** Defaults let any container without explicit resources still pass the quota's admission. */
export function buildLimitRange(ctx: StoreContext): KubeObject {
  return storeLimitRange(objectMeta(ctx, OBJECT_NAMES.limits, COMPONENT.store), CONTAINER_LIMITS, PVC_MAX);
}
