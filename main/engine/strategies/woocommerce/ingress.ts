import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT, HTTP_PORT, INGRESS_BODY_SIZE, OBJECT_NAMES } from './woocommerce-facts';
import { hostIngress } from '../host-ingress';
import { objectMeta } from './object-meta';

/**
 * Upload size per controller. ingress-nginx reads proxy-body-size per Ingress; Traefik has no
 * per-Ingress body-size annotation (its limit is a Buffering middleware, unlimited by default),
 * so nothing is set there; other controllers get nothing rather than a guessed key.
 */
function bodySizeAnnotations(controller: StoreContext['ingressController']): Record<string, string> {
  return controller === 'nginx' ? { 'nginx.ingress.kubernetes.io/proxy-body-size': INGRESS_BODY_SIZE } : {};
}

export function buildIngress(ctx: StoreContext): KubeObject {
  const annotations = bodySizeAnnotations(ctx.ingressController);
  const meta = objectMeta(ctx, OBJECT_NAMES.ingress, COMPONENT.wordpress);
  return hostIngress(ctx, Object.keys(annotations).length > 0 ? { ...meta, annotations } : meta, [
    { path: '/', service: OBJECT_NAMES.wordpress, port: HTTP_PORT },
  ]);
}
