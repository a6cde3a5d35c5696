// The store-wide objects of a MedusaJS store: Namespace, quota, limits and the NetworkPolicy.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { storeLimitRange, storeNamespace, storeQuota } from '../store-wide-objects';
import {
  MEDUSA_COMPONENT,
  MEDUSA_CONTAINER_DEFAULTS,
  MEDUSA_NAMES,
  MEDUSA_PVC,
  MEDUSA_QUOTA,
} from './medusa-facts';
import { medusaLabels, medusaMeta } from './object-meta';

export function buildMedusaNamespace(ctx: StoreContext): KubeObject {
  return storeNamespace(ctx, medusaLabels(ctx, MEDUSA_COMPONENT.store), {
    // Every pod runs as a non-root user without capabilities: restricted holds.
    'pod-security.kubernetes.io/enforce': 'restricted',
  });
}

export function buildMedusaQuota(ctx: StoreContext): KubeObject {
  return storeQuota(medusaMeta(ctx, MEDUSA_NAMES.quota, MEDUSA_COMPONENT.store), MEDUSA_QUOTA);
}

export function buildMedusaLimitRange(ctx: StoreContext): KubeObject {
  const metadata = medusaMeta(ctx, MEDUSA_NAMES.limits, MEDUSA_COMPONENT.store);
  return storeLimitRange(metadata, MEDUSA_CONTAINER_DEFAULTS, MEDUSA_PVC.max);
}

/**
 * Ingress only from the detected ingress controller's namespace and the store's own pods.
 * Egress stays open: the init containers install the template from the npm registry.
 */
export function buildMedusaNetworkPolicy(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.networkPolicy, MEDUSA_COMPONENT.store),
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
