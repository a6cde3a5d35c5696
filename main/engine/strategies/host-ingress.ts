// One Ingress rule per store: its own host, Prefix paths to the store's Services, the class
// the cluster context chose (none: the cluster's default class decides).
import type { KubeObject } from '../../kube/kube-object';
import type { StoreContext } from './strategy';

export interface IngressRoute {
  path: string;
  service: string;
  port: number;
}

export function hostIngress(
  ctx: StoreContext,
  metadata: KubeObject['metadata'],
  routes: readonly IngressRoute[],
): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata,
    spec: {
      ...(ctx.ingressClassName ? { ingressClassName: ctx.ingressClassName } : {}),
      rules: [
        {
          host: ctx.host,
          http: {
            paths: routes.map(({ path, service, port }) => ({
              path,
              pathType: 'Prefix',
              backend: { service: { name: service, port: { number: port } } },
            })),
          },
        },
      ],
    },
  };
}
