import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { COMPONENT, HTTP_PORT, OBJECT_NAMES } from './woocommerce-facts';
import { LABEL } from '../../model/labels';
import { objectMeta, podSelector } from './object-meta';

/** The pods that need the internet: WP-CLI installing from wordpress.org. */
const INTERNET_COMPONENTS = [COMPONENT.setup, COMPONENT.wpConsole] as const;

/** Pods of the store itself (any component). */
const OWN_PODS = { podSelector: {} };

const DNS_PORTS = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];

/**
 * The ingress controller's pods: by the label it was detected by when known (on k3s its
 * namespace is kube-system, which holds far more than Traefik), else any pod of its namespace.
 */
function ingressControllerPeer(ctx: StoreContext): Record<string, unknown> {
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ctx.ingressControllerNamespace } },
    podSelector: { matchLabels: { ...(ctx.ingressControllerPodLabels ?? {}) } },
  };
}

/**
 * Ingress: only the detected ingress controller's pods, on WordPress's HTTP port, and the store's
 * own pods. Egress: DNS in kube-system and the store's own pods; the internet is opened only to
 * the setup Job (buildSetupEgressPolicy). The cluster API is never reachable (no token either).
 */
export function buildNetworkPolicy(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, OBJECT_NAMES.networkPolicy, COMPONENT.store),
    spec: {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [ingressControllerPeer(ctx)], ports: [{ protocol: 'TCP', port: HTTP_PORT }] },
        { from: [OWN_PODS] },
      ],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: DNS_PORTS,
        },
        { to: [OWN_PODS] },
      ],
    },
  };
}

/**
 * WP-CLI pods that fetch from wordpress.org (HTTPS, and HTTP for redirects): the setup Job
 * downloads WooCommerce, and the console's `wp plugin install` / `wp theme install` do the
 * same on the user's behalf. Policies add up, so this one opens the internet to those pods and
 * nothing else (not the password-reset Job, not MySQL or WordPress).
 */
export function buildSetupEgressPolicy(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(ctx, OBJECT_NAMES.setupEgressPolicy, COMPONENT.setup),
    spec: {
      podSelector: {
        matchLabels: { [LABEL.name]: podSelector(COMPONENT.setup)[LABEL.name] as string },
        matchExpressions: [{ key: LABEL.component, operator: 'In', values: [...INTERNET_COMPONENTS] }],
      },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
          ports: [
            { protocol: 'TCP', port: 443 },
            { protocol: 'TCP', port: 80 },
          ],
        },
      ],
    },
  };
}
