// The store-wide objects of a MedusaJS store: Namespace, quota, limits and the NetworkPolicy.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { ANNOTATION } from '../../model/labels';
import {
  MEDUSA_COMPONENT,
  MEDUSA_CONTAINER_DEFAULTS,
  MEDUSA_NAMES,
  MEDUSA_PVC,
  MEDUSA_QUOTA,
} from './medusa-facts';
import { medusaLabels, medusaMeta } from './object-meta';

export function buildMedusaNamespace(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      labels: {
        ...medusaLabels(ctx, MEDUSA_COMPONENT.store),
        // Every pod runs as a non-root user without capabilities: restricted holds.
        'pod-security.kubernetes.io/enforce': 'restricted',
      },
      annotations: { [ANNOTATION.storeName]: ctx.name },
    },
  };
}

export function buildMedusaQuota(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.quota, MEDUSA_COMPONENT.store),
    spec: { hard: { ...MEDUSA_QUOTA } },
  };
}

export function buildMedusaLimitRange(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.limits, MEDUSA_COMPONENT.store),
    spec: {
      limits: [
        {
          type: 'Container',
          default: { ...MEDUSA_CONTAINER_DEFAULTS.default },
          defaultRequest: { ...MEDUSA_CONTAINER_DEFAULTS.defaultRequest },
        },
        { type: 'PersistentVolumeClaim', max: { storage: MEDUSA_PVC.max } },
      ],
    },
  };
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
