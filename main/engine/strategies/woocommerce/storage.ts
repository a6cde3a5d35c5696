import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { volumeClaim } from '../store-wide-objects';
import { COMPONENT, OBJECT_NAMES, PVC_SIZE, type Component } from './woocommerce-facts';
import { objectMeta } from './object-meta';

function pvc(ctx: StoreContext, name: string, component: Component): KubeObject {
  return volumeClaim(objectMeta(ctx, name, component), PVC_SIZE, ctx.storageClassName);
}

export function buildVolumeClaims(ctx: StoreContext): KubeObject[] {
  return [
    pvc(ctx, OBJECT_NAMES.mysqlPvc, COMPONENT.mysql),
    pvc(ctx, OBJECT_NAMES.wordpressPvc, COMPONENT.wordpress),
  ];
}
