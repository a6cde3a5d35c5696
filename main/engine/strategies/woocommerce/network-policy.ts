import type { KubeObject, StoreContext } from '../strategy';
import { COMPONENT, OBJECT_NAMES } from '../../store-model';
import { objectMeta } from './object-meta';

/**
 * Deny all ingress except from the detected ingress controller's namespace (ingress-nginx,
 * kube-system for k3s's Traefik, …) and from the store's own pods. Egress stays open: the setup
 * Job downloads WooCommerce from wordpress.org.
 */
export function buildNetworkPolicy(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, OBJECT_NAMES.networkPolicy, COMPONENT.store),
    spec: {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': ctx.ingressControllerNamespace },
              },
            },
          ],
        },
        { from: [{ podSelector: {} }] },
      ],
    },
  };
}
