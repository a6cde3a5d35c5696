// One host per store: the storefront at "/", the Medusa server's own paths (Store API, auth,
// admin API and the admin dashboard at /app) on the same host, so browsers need no CORS and
// the admin URL is simply <store>/app.
import type { StoreContext } from '../strategy';
import type { KubeObject } from '../../../kube/kube-object';
import { MEDUSA_COMPONENT, MEDUSA_NAMES, MEDUSA_PORTS, SERVER_PATHS } from './medusa-facts';
import { medusaMeta } from './object-meta';

const backend = (name: string, port: number) => ({ service: { name, port: { number: port } } });

export function buildMedusaIngress(ctx: StoreContext): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: medusaMeta(ctx, MEDUSA_NAMES.ingress, MEDUSA_COMPONENT.storefront),
    spec: {
      ...(ctx.ingressClassName ? { ingressClassName: ctx.ingressClassName } : {}),
      rules: [
        {
          host: ctx.host,
          http: {
            paths: [
              ...SERVER_PATHS.map((path) => ({
                path,
                pathType: 'Prefix',
                backend: backend(MEDUSA_NAMES.server, MEDUSA_PORTS.server),
              })),
              {
                path: '/',
                pathType: 'Prefix',
                backend: backend(MEDUSA_NAMES.storefront, MEDUSA_PORTS.storefront),
              },
            ],
          },
        },
      ],
    },
  };
}
